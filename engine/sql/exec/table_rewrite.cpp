#include "engine/sql/exec/table_rewrite.hpp"

#include <fmt/format.h>

#include <unordered_set>

#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/row_codec.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/sql/exec/index_maintainer.hpp"

namespace basalt::engine::sql {
namespace {

constexpr size_t kChunkRows = 4096;

struct StoredRow {
  std::string key;
  std::string value;
};

// Reads the next chunk of rows after `from` (exclusive; empty = from the
// start) as they were before this statement.
bool NextChunk(ExecContext& ctx, catalog::Oid table, std::string& from, std::vector<StoredRow>& out) {
  out.clear();
  std::string begin = from.empty() ? catalog::RowKeyPrefix(table) : from + '\0';
  std::string end = catalog::RowKeyPrefixEnd(table);
  auto cur = ctx.txn->Scan(storage::Cf::kRows, begin, end, txn::OwnWrites::kBeforeStatement);
  for (; cur->Valid() && out.size() < kChunkRows; cur->Next()) {
    out.push_back(StoredRow{std::string(cur->key()), std::string(cur->value())});
  }
  if (!out.empty()) from = out.back().key;
  return !out.empty();
}

bool SameKeyLayout(const catalog::TableDef& a, const catalog::TableDef& b) {
  if (a.primary_key.size() != b.primary_key.size()) return false;
  for (size_t i = 0; i < a.primary_key.size(); ++i) {
    const catalog::ColumnDef& ca = a.columns[static_cast<size_t>(a.primary_key[i])];
    const catalog::ColumnDef& cb = b.columns[static_cast<size_t>(b.primary_key[i])];
    if (ca.name != cb.name || ca.type.id != cb.type.id) return false;
  }
  return true;
}

[[noreturn]] void ThrowNulls(const catalog::TableDef& table, const std::string& column) {
  throw DbError(SqlState::kNotNullViolation,
                fmt::format("column \"{}\" of relation \"{}\" contains null values", column, table.name))
      .WithSchema(catalog::KnownSchemaName(table.schema))
      .WithTable(table.name)
      .WithColumn(column);
}

}  // namespace

void RewriteTable(const catalog::TableDef& before, const catalog::TableDef& after, const RowConvert& convert,
                  ExecContext& ctx) {
  // A new statement number: the scans below (kBeforeStatement) then see
  // everything earlier subcommands of this ALTER wrote, but not our own output.
  ctx.txn->BeginStatement();
  const bool keys_change = !SameKeyLayout(before, after);
  std::vector<StoredRow> chunk;
  std::string from;
  catalog::DeleteIndexEntries(*ctx.txn, before);

  IndexMaintainer indexes(after, ctx);
  const bool has_indexes = !after.indexes.empty();
  std::unordered_set<std::string> new_keys;
  std::vector<int> not_null;
  for (size_t i = 0; i < after.columns.size(); ++i) {
    if (after.columns[i].not_null) not_null.push_back(static_cast<int>(i));
  }
  Row old_row;
  Row new_row;
  from.clear();
  while (NextChunk(ctx, before.oid, from, chunk)) {
    ctx.CheckCancel();
    int64_t next_rowid = 0;
    if (keys_change && !after.has_primary_key()) next_rowid = ctx.catalog->AllocateRowIds(static_cast<int64_t>(chunk.size()));
    for (const StoredRow& r : chunk) {
      catalog::DecodeRowValue(before, r.value, old_row);
      new_row.assign(after.columns.size(), Value::Null());
      convert(old_row, new_row);
      for (int c : not_null) {
        if (new_row[static_cast<size_t>(c)].is_null()) ThrowNulls(after, after.columns[static_cast<size_t>(c)].name);
      }
      std::string key;
      if (keys_change) {
        // One pass: tombstone the old key unless a row rewritten earlier
        // already took it as its new key (old and new encodings can collide).
        if (!new_keys.contains(r.key)) ctx.txn->Delete(storage::Cf::kRows, r.key);
      }
      if (!keys_change) {
        key = r.key;
      } else if (after.has_primary_key()) {
        key = catalog::EncodePrimaryKey(after, new_row);
        if (!new_keys.insert(key).second) {
          std::string names;
          std::vector<Value> values;
          std::vector<Type> types;
          for (int k : after.primary_key) {
            if (!names.empty()) names += ", ";
            names += after.columns[static_cast<size_t>(k)].name;
            values.push_back(new_row[static_cast<size_t>(k)]);
            types.push_back(after.columns[static_cast<size_t>(k)].type);
          }
          throw DbError(SqlState::kUniqueViolation,
                        fmt::format("could not create unique index \"{}\"", after.primary_key_name))
              .WithDetail(fmt::format("Key ({})=({}) is duplicated.", names, FormatDetailValues(values, types, ctx.eval)))
              .WithSchema(catalog::KnownSchemaName(after.schema))
              .WithTable(after.name)
              .WithConstraint(after.primary_key_name);
        }
      } else {
        key = catalog::EncodeRowIdKey(after.oid, next_rowid++);
        new_keys.insert(key);
      }
      ctx.txn->Put(storage::Cf::kRows, key, catalog::EncodeRowValue(after, new_row));
      if (has_indexes) indexes.Insert(new_row, key);
    }
  }
}

void CheckNoNulls(const catalog::TableDef& table, int column, ExecContext& ctx) {
  Row row;
  std::string begin = catalog::RowKeyPrefix(table.oid);
  std::string end = catalog::RowKeyPrefixEnd(table.oid);
  uint64_t n = 0;
  for (auto cur = ctx.txn->Scan(storage::Cf::kRows, begin, end); cur->Valid(); cur->Next()) {
    if ((++n & 4095) == 0) ctx.CheckCancel();
    catalog::DecodeRowValue(table, cur->value(), row);
    if (row[static_cast<size_t>(column)].is_null()) ThrowNulls(table, table.columns[static_cast<size_t>(column)].name);
  }
}

}  // namespace basalt::engine::sql
