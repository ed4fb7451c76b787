#include "engine/sql/exec/dml_executor.hpp"

#include <fmt/format.h>

#include "engine/catalog/row_codec.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/exec/foreign_keys.hpp"
#include "engine/sql/exec/index_maintainer.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {
namespace {

using storage::Cf;

std::string RowText(const catalog::TableDef& table, const Row& row, const std::vector<int>* only, EvalContext& ctx) {
  FormatOptions opts;
  opts.extra_float_digits = ctx.extra_float_digits;
  std::string out;
  auto append = [&](int i) {
    if (!out.empty()) out += ", ";
    if (row[i].is_null()) {
      out += "null";
    } else {
      AppendText(row[i], table.columns[i].type, out, opts);
    }
  };
  if (only) {
    for (int i : *only) append(i);
  } else {
    for (size_t i = 0; i < table.columns.size(); ++i) append(static_cast<int>(i));
  }
  return out;
}

void CheckNotNull(const catalog::TableDef& table, const Row& row, EvalContext& ctx) {
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].not_null && row[i].is_null()) {
      throw DbError(SqlState::kNotNullViolation,
                    fmt::format("null value in column \"{}\" of relation \"{}\" violates not-null constraint",
                                table.columns[i].name, table.name))
          .WithDetail(fmt::format("Failing row contains ({}).", RowText(table, row, nullptr, ctx)))
          .WithSchema(catalog::KnownSchemaName(table.schema))
          .WithTable(table.name)
          .WithColumn(table.columns[i].name);
    }
  }
}

// Locks the key a new row will occupy and fails if a live row holds it.
void ClaimPrimaryKey(const catalog::TableDef& table, const std::string& key, const Row& row, ExecContext& ctx) {
  ctx.txn->LockRow(Cf::kRows, key, txn::LockMode::kExclusive);
  if (ctx.txn->GetForUpdate(Cf::kRows, key)) {
    std::string names;
    for (int c : table.primary_key) {
      if (!names.empty()) names += ", ";
      names += table.columns[c].name;
    }
    throw DbError(SqlState::kUniqueViolation,
                  fmt::format("duplicate key value violates unique constraint \"{}\"", table.primary_key_name))
        .WithDetail(fmt::format("Key ({})=({}) already exists.", names,
                                RowText(table, row, &table.primary_key, ctx.eval)))
        .WithSchema(catalog::KnownSchemaName(table.schema))
        .WithTable(table.name)
        .WithConstraint(table.primary_key_name);
  }
}

// Evaluates the RETURNING list over `row` (table column order) into `returned`.
void Return(const BoundDml& dml, const Row& row, ExecContext& ctx, std::vector<Row>* returned) {
  if (returned == nullptr || dml.returning.empty()) return;
  Row out;
  out.reserve(dml.returning.size());
  for (const auto& e : dml.returning) out.push_back(Evaluate(*e, row, ctx.eval));
  returned->push_back(std::move(out));
}

int64_t ExecuteInsert(const BoundDml& dml, ExecContext& ctx, std::vector<Row>* returned) {
  const catalog::TableDef& table = dml.table;
  ctx.txn->CheckWritable("INSERT");
  ExecutorPtr source = BuildExecutor(*dml.source, ctx);
  IndexMaintainer indexes(table, ctx);
  ForeignKeyEnforcer fks(table, ctx);
  RowBatch batch;
  int64_t count = 0;
  while (source->Next(batch)) {
    ctx.CheckCancel();
    int64_t row_id = table.has_primary_key() ? 0 : ctx.catalog->AllocateRowIds(static_cast<int64_t>(batch.size()));
    for (Row& row : batch.rows) {
      CheckNotNull(table, row, ctx.eval);
      indexes.CheckConstraints(row);
      std::string key;
      if (table.has_primary_key()) {
        key = catalog::EncodePrimaryKey(table, row);
        ClaimPrimaryKey(table, key, row, ctx);
      } else {
        key = catalog::EncodeRowIdKey(table.oid, row_id++);
      }
      ctx.txn->Put(Cf::kRows, key, catalog::EncodeRowValue(table, row));
      indexes.Insert(row, key);
      fks.QueueInsert(row);
      Return(dml, row, ctx, returned);
      ++count;
    }
  }
  fks.Finish();
  return count;
}

// The rows the statement targets, each with its storage key as the last column.
std::vector<Row> CollectTargets(const BoundDml& dml, ExecContext& ctx) {
  std::vector<Row> rows;
  ExecutorPtr source = BuildExecutor(*dml.source, ctx);
  RowBatch batch;
  while (source->Next(batch)) {
    ctx.CheckCancel();
    for (Row& r : batch.rows) rows.push_back(std::move(r));
  }
  return rows;
}

// Locks the row and returns its newest version, or nullopt if it is gone or no
// longer matches the statement's WHERE clause.
std::optional<Row> LockCurrent(const BoundDml& dml, const std::string& key, txn::LockMode mode, ExecContext& ctx) {
  ctx.txn->LockRow(Cf::kRows, key, mode);
  auto bytes = ctx.txn->GetForUpdate(Cf::kRows, key);
  if (!bytes) return std::nullopt;
  Row current;
  catalog::DecodeRowValue(dml.table, *bytes, current);
  if (dml.recheck && !EvaluatePredicate(*dml.recheck, current, ctx.eval)) return std::nullopt;
  return current;
}

int64_t ExecuteUpdate(const BoundDml& dml, ExecContext& ctx, std::vector<Row>* returned) {
  const catalog::TableDef& table = dml.table;
  ctx.txn->CheckWritable("UPDATE");
  std::vector<Row> targets = CollectTargets(dml, ctx);
  bool key_changing = false;
  for (int c : table.primary_key) key_changing = key_changing || dml.assignments[c];
  IndexMaintainer indexes(table, ctx);
  ForeignKeyEnforcer fks(table, ctx);
  int64_t count = 0;
  for (Row& scanned : targets) {
    ctx.CheckCancel();
    std::string key = scanned.back().as_string();
    auto current = LockCurrent(dml, key, key_changing ? txn::LockMode::kExclusive : txn::LockMode::kNoKeyExclusive, ctx);
    if (!current) continue;
    Row updated = *current;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (dml.assignments[i]) updated[i] = Evaluate(*dml.assignments[i], *current, ctx.eval);
    }
    CheckNotNull(table, updated, ctx.eval);
    indexes.CheckConstraints(updated);
    std::string new_key = key;
    if (table.has_primary_key() && key_changing) {
      new_key = catalog::EncodePrimaryKey(table, updated);
      if (new_key != key) {
        ctx.txn->Delete(Cf::kRows, key);
        ClaimPrimaryKey(table, new_key, updated, ctx);
      }
    }
    ctx.txn->Put(Cf::kRows, new_key, catalog::EncodeRowValue(table, updated));
    indexes.Update(*current, key, updated, new_key);
    fks.QueueUpdate(*current, updated);
    Return(dml, updated, ctx, returned);
    ++count;
  }
  fks.Finish();
  return count;
}

int64_t ExecuteDelete(const BoundDml& dml, ExecContext& ctx, std::vector<Row>* returned) {
  ctx.txn->CheckWritable("DELETE");
  std::vector<Row> targets = CollectTargets(dml, ctx);
  IndexMaintainer indexes(dml.table, ctx);
  ForeignKeyEnforcer fks(dml.table, ctx);
  int64_t count = 0;
  for (Row& scanned : targets) {
    ctx.CheckCancel();
    std::string key = scanned.back().as_string();
    auto current = LockCurrent(dml, key, txn::LockMode::kExclusive, ctx);
    if (!current) continue;
    ctx.txn->Delete(Cf::kRows, key);
    indexes.Delete(*current, key);
    fks.QueueDelete(*current);
    Return(dml, *current, ctx, returned);
    ++count;
  }
  fks.Finish();
  return count;
}

}  // namespace

int64_t ExecuteDml(const BoundDml& dml, ExecContext& ctx, std::vector<Row>* returned) {
  switch (dml.kind) {
    case DmlKind::kInsert: return ExecuteInsert(dml, ctx, returned);
    case DmlKind::kUpdate: return ExecuteUpdate(dml, ctx, returned);
    case DmlKind::kDelete: return ExecuteDelete(dml, ctx, returned);
  }
  return 0;
}

}  // namespace basalt::engine::sql
