#include "engine/sql/exec/foreign_keys.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/row_codec.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/exec/index_maintainer.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/storage/key_encoder.hpp"

namespace basalt::engine::sql {
namespace {

using storage::Cf;

constexpr int kMaxCascadeDepth = 64;

std::string JoinColumnNames(const catalog::TableDef& t, const std::vector<int>& cols) {
  std::string out;
  for (int c : cols) {
    if (!out.empty()) out += ", ";
    out += t.columns[static_cast<size_t>(c)].name;
  }
  return out;
}

std::string KeyValues(const catalog::TableDef& t, const std::vector<int>& cols, const Row& row, EvalContext& ctx) {
  std::vector<Value> values;
  std::vector<Type> types;
  for (int c : cols) {
    values.push_back(row[static_cast<size_t>(c)]);
    types.push_back(t.columns[static_cast<size_t>(c)].type);
  }
  return FormatDetailValues(values, types, ctx);
}

bool AnyNull(const Row& row, const std::vector<int>& cols) {
  return std::any_of(cols.begin(), cols.end(), [&](int c) { return row[static_cast<size_t>(c)].is_null(); });
}

bool SameColumnSet(std::vector<int> a, std::vector<int> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

bool Encodable(TypeId a, TypeId b) {
  return PhysicalKindOf(a) == PhysicalKindOf(b) && (a == TypeId::kBpchar) == (b == TypeId::kBpchar) &&
         (a == TypeId::kNumeric) == (b == TypeId::kNumeric);
}

// The unique index of `parent` whose columns are exactly `cols` (any order).
const catalog::IndexDef* UniqueIndexOn(const catalog::TableDef& parent, const std::vector<int>& cols) {
  for (const catalog::IndexDef& ix : parent.indexes) {
    if (!ix.unique || ix.is_partial() || ix.has_expressions()) continue;
    std::vector<int> ix_cols;
    for (const auto& k : ix.keys) ix_cols.push_back(k.column);
    if (SameColumnSet(ix_cols, cols)) return &ix;
  }
  return nullptr;
}

}  // namespace

struct ForeignKeyEnforcer::Child {
  catalog::TableDef table;
  const catalog::ForeignKeyDef* fk = nullptr;
  std::unique_ptr<IndexMaintainer> indexes;
  std::unique_ptr<ForeignKeyEnforcer> fks;
};

ForeignKeyEnforcer::ForeignKeyEnforcer(const catalog::TableDef& table, ExecContext& ctx, int depth)
    : table_(table), ctx_(ctx), depth_(depth) {
  if (depth_ > kMaxCascadeDepth) {
    throw DbError(SqlState::kProgramLimitExceeded, "foreign key cascades nest too deeply");
  }
  parents_.resize(table.foreign_keys.size());
  children_.resize(table.referenced_by.size());
}

ForeignKeyEnforcer::~ForeignKeyEnforcer() = default;

void ForeignKeyEnforcer::CheckReference(const catalog::ForeignKeyDef& fk, const Row& row) {
  if (AnyNull(row, fk.columns)) return;  // MATCH SIMPLE
  size_t pos = static_cast<size_t>(&fk - table_.foreign_keys.data());
  const catalog::TableDef* parent = &table_;
  if (fk.ref_table != table_.oid) {
    if (!parents_[pos]) {
      auto def = ctx_.catalog->FindTable(*ctx_.txn, table_.database, fk.ref_schema, fk.ref_table_name);
      if (!def) throw DbError(SqlState::kInternalError, "internal error: referenced table is missing");
      parents_[pos] = std::make_unique<catalog::TableDef>(std::move(*def));
    }
    parent = parents_[pos].get();
  }
  bool found = false;
  if (SameColumnSet(parent->primary_key, fk.ref_columns)) {
    std::string key = catalog::RowKeyPrefix(parent->oid);
    for (int pk_col : parent->primary_key) {
      size_t j = static_cast<size_t>(std::find(fk.ref_columns.begin(), fk.ref_columns.end(), pk_col) - fk.ref_columns.begin());
      catalog::AppendKeyValue(key, row[static_cast<size_t>(fk.columns[j])], parent->columns[static_cast<size_t>(pk_col)].type.id);
    }
    ctx_.txn->LockRow(Cf::kRows, key, txn::LockMode::kKeyShare);
    found = ctx_.txn->GetForUpdate(Cf::kRows, key).has_value();
  } else if (const catalog::IndexDef* ix = UniqueIndexOn(*parent, fk.ref_columns)) {
    std::string key = catalog::IndexKeyPrefix(ix->oid);
    for (const catalog::IndexKey& k : ix->keys) {
      size_t j = static_cast<size_t>(std::find(fk.ref_columns.begin(), fk.ref_columns.end(), k.column) - fk.ref_columns.begin());
      catalog::AppendIndexKeyValue(key, row[static_cast<size_t>(fk.columns[j])],
                                   parent->columns[static_cast<size_t>(k.column)].type.id, k.descending, k.nulls_first);
    }
    ctx_.txn->LockRow(Cf::kIndexes, key, txn::LockMode::kKeyShare);
    found = ctx_.txn->GetForUpdate(Cf::kIndexes, key).has_value();
  } else {
    throw DbError(SqlState::kInvalidForeignKey,
                  fmt::format("there is no unique constraint matching given keys for referenced table \"{}\"", parent->name));
  }
  if (!found) {
    throw DbError(SqlState::kForeignKeyViolation,
                  fmt::format("insert or update on table \"{}\" violates foreign key constraint \"{}\"", table_.name, fk.name))
        .WithDetail(fmt::format("Key ({})=({}) is not present in table \"{}\".", JoinColumnNames(table_, fk.columns),
                                KeyValues(table_, fk.columns, row, ctx_.eval), parent->name))
        .WithSchema(catalog::KnownSchemaName(table_.schema))
        .WithTable(table_.name)
        .WithConstraint(fk.name);
  }
}

void ForeignKeyEnforcer::QueueInsert(const Row& row) {
  if (!table_.foreign_keys.empty()) pending_.push_back(Event{'i', {}, row});
}

void ForeignKeyEnforcer::QueueUpdate(const Row& old_row, const Row& new_row) {
  if (!empty()) pending_.push_back(Event{'u', old_row, new_row});
}

void ForeignKeyEnforcer::QueueDelete(const Row& old_row) {
  if (!table_.referenced_by.empty()) pending_.push_back(Event{'d', old_row, {}});
}

void ForeignKeyEnforcer::Finish() {
  std::vector<Event> events = std::move(pending_);
  pending_.clear();
  for (const Event& e : events) {
    ctx_.CheckCancel();
    switch (e.kind) {
      case 'i': CheckInsert(e.new_row); break;
      case 'u': CheckUpdate(e.old_row, e.new_row); break;
      default: CheckDelete(e.old_row); break;
    }
  }
}

void ForeignKeyEnforcer::CheckInsert(const Row& row) {
  for (const catalog::ForeignKeyDef& fk : table_.foreign_keys) CheckReference(fk, row);
}

void ForeignKeyEnforcer::CheckUpdate(const Row& old_row, const Row& new_row) {
  for (const catalog::ForeignKeyDef& fk : table_.foreign_keys) {
    bool changed = false;
    for (int c : fk.columns) {
      const Value& a = old_row[static_cast<size_t>(c)];
      const Value& b = new_row[static_cast<size_t>(c)];
      changed = changed || a.is_null() != b.is_null() ||
                (!a.is_null() && Compare(a, b, table_.columns[static_cast<size_t>(c)].type.id) != 0);
    }
    if (changed) CheckReference(fk, new_row);
  }
  if (!table_.referenced_by.empty()) OnParentChange(old_row, &new_row);
}

void ForeignKeyEnforcer::CheckDelete(const Row& old_row) {
  if (!table_.referenced_by.empty()) OnParentChange(old_row, nullptr);
}

ForeignKeyEnforcer::Child& ForeignKeyEnforcer::LoadChild(const catalog::ForeignKeyRef& ref) {
  size_t pos = static_cast<size_t>(&ref - table_.referenced_by.data());
  if (!children_[pos]) {
    auto child = std::make_unique<Child>();
    auto def = ref.table == table_.oid ? std::optional<catalog::TableDef>(table_)
                                       : ctx_.catalog->FindTable(*ctx_.txn, table_.database, ref.schema, ref.table_name);
    if (!def) throw DbError(SqlState::kInternalError, "internal error: referencing table is missing");
    child->table = std::move(*def);
    for (const auto& fk : child->table.foreign_keys) {
      if (fk.name == ref.constraint_name && fk.ref_table == table_.oid) child->fk = &fk;
    }
    if (!child->fk) throw DbError(SqlState::kInternalError, "internal error: foreign key is missing");
    child->indexes = std::make_unique<IndexMaintainer>(child->table, ctx_);
    child->fks = std::make_unique<ForeignKeyEnforcer>(child->table, ctx_, depth_ + 1);
    children_[pos] = std::move(child);
  }
  return *children_[pos];
}

void ForeignKeyEnforcer::OnParentChange(const Row& old_row, const Row* new_row) {
  for (const catalog::ForeignKeyRef& ref : table_.referenced_by) {
    Child& child = LoadChild(ref);
    const catalog::ForeignKeyDef& fk = *child.fk;
    if (AnyNull(old_row, fk.ref_columns)) continue;
    if (new_row) {
      bool changed = false;
      for (int c : fk.ref_columns) {
        const Value& b = (*new_row)[static_cast<size_t>(c)];
        changed = changed || b.is_null() ||
                  Compare(old_row[static_cast<size_t>(c)], b, table_.columns[static_cast<size_t>(c)].type.id) != 0;
      }
      if (!changed) continue;
    }
    const catalog::TableDef& ct = child.table;
    // Candidate rows: through a child index (or primary key) led by the
    // foreign-key columns when there is one, else the whole child table.
    std::string begin = catalog::RowKeyPrefix(ct.oid);
    std::string end = catalog::RowKeyPrefixEnd(ct.oid);
    Cf cf = Cf::kRows;
    auto value_for = [&](int child_col) -> const Value& {
      size_t j = static_cast<size_t>(std::find(fk.columns.begin(), fk.columns.end(), child_col) - fk.columns.begin());
      return old_row[static_cast<size_t>(fk.ref_columns[j])];
    };
    auto is_fk_col = [&](int c) { return std::find(fk.columns.begin(), fk.columns.end(), c) != fk.columns.end(); };
    if (!ct.primary_key.empty() && is_fk_col(ct.primary_key[0])) {
      std::string p = catalog::RowKeyPrefix(ct.oid);
      for (int c : ct.primary_key) {
        if (!is_fk_col(c)) break;
        catalog::AppendKeyValue(p, value_for(c), ct.columns[static_cast<size_t>(c)].type.id);
      }
      begin = p;
      end = storage::PrefixSuccessor(p);
    } else {
      for (const catalog::IndexDef& ix : ct.indexes) {
        if (ix.is_partial() || ix.keys.empty() || ix.keys[0].column < 0 || !is_fk_col(ix.keys[0].column)) continue;
        std::string p = catalog::IndexKeyPrefix(ix.oid);
        for (const catalog::IndexKey& k : ix.keys) {
          if (k.column < 0 || !is_fk_col(k.column)) break;
          catalog::AppendIndexKeyValue(p, value_for(k.column), ct.columns[static_cast<size_t>(k.column)].type.id,
                                       k.descending, k.nulls_first);
        }
        begin = p;
        end = storage::PrefixSuccessor(p);
        cf = Cf::kIndexes;
        break;
      }
    }
    std::vector<std::pair<std::string, Row>> matches;
    Row row;
    for (auto cur = ctx_.txn->Scan(cf, begin, end); cur->Valid(); cur->Next()) {
      std::string row_key(cf == Cf::kIndexes ? cur->value() : cur->key());
      std::optional<std::string> bytes;
      if (cf == Cf::kIndexes) {
        bytes = ctx_.txn->Get(Cf::kRows, row_key);
        if (!bytes) continue;
      }
      catalog::DecodeRowValue(ct, cf == Cf::kIndexes ? std::string_view(*bytes) : cur->value(), row);
      bool match = true;
      for (size_t j = 0; j < fk.columns.size() && match; ++j) {
        const Value& v = row[static_cast<size_t>(fk.columns[j])];
        match = !v.is_null() &&
                Compare(v, old_row[static_cast<size_t>(fk.ref_columns[j])], ct.columns[static_cast<size_t>(fk.columns[j])].type.id) == 0;
      }
      if (match) matches.emplace_back(std::move(row_key), row);
    }
    if (matches.empty()) continue;
    char action = new_row ? fk.on_update : fk.on_delete;
    if (action == 'a' || action == 'r') {
      throw DbError(SqlState::kForeignKeyViolation,
                    fmt::format("update or delete on table \"{}\" violates foreign key constraint \"{}\" on table \"{}\"",
                                table_.name, fk.name, ct.name))
          .WithDetail(fmt::format("Key ({})=({}) is still referenced from table \"{}\".",
                                  JoinColumnNames(table_, fk.ref_columns),
                                  KeyValues(table_, fk.ref_columns, old_row, ctx_.eval), ct.name))
          .WithSchema(catalog::KnownSchemaName(ct.schema))
          .WithTable(ct.name)
          .WithConstraint(fk.name);
    }
    std::vector<BoundExprPtr> defaults;
    if (action == 'd') {
      Binder binder(*ctx_.catalog, *ctx_.txn, ct.database);
      for (int c : fk.columns) defaults.push_back(binder.BindColumnDefault(ct, c));
    }
    for (auto& [key, scanned] : matches) {
      ctx_.txn->LockRow(Cf::kRows, key, txn::LockMode::kExclusive);
      auto bytes = ctx_.txn->GetForUpdate(Cf::kRows, key);
      if (!bytes) continue;
      Row current;
      catalog::DecodeRowValue(ct, *bytes, current);
      if (action == 'c' && !new_row) {
        ctx_.txn->Delete(Cf::kRows, key);
        child.indexes->Delete(current, key);
        child.fks->CheckDelete(current);
        continue;
      }
      Row updated = current;
      for (size_t j = 0; j < fk.columns.size(); ++j) {
        size_t c = static_cast<size_t>(fk.columns[j]);
        if (action == 'c') {
          updated[c] = (*new_row)[static_cast<size_t>(fk.ref_columns[j])];
        } else if (action == 'n') {
          updated[c] = Value::Null();
        } else {
          updated[c] = Evaluate(*defaults[j], current, ctx_.eval);
        }
        if (updated[c].is_null() && ct.columns[c].not_null) {
          throw DbError(SqlState::kNotNullViolation,
                        fmt::format("null value in column \"{}\" of relation \"{}\" violates not-null constraint",
                                    ct.columns[c].name, ct.name))
              .WithSchema(catalog::KnownSchemaName(ct.schema))
              .WithTable(ct.name)
              .WithColumn(ct.columns[c].name);
        }
      }
      child.indexes->CheckConstraints(updated);
      std::string new_key = key;
      if (ct.has_primary_key()) {
        new_key = catalog::EncodePrimaryKey(ct, updated);
        if (new_key != key) {
          ctx_.txn->Delete(Cf::kRows, key);
          ctx_.txn->LockRow(Cf::kRows, new_key, txn::LockMode::kExclusive);
          if (ctx_.txn->GetForUpdate(Cf::kRows, new_key)) {
            throw DbError(SqlState::kUniqueViolation,
                          fmt::format("duplicate key value violates unique constraint \"{}\"", ct.primary_key_name));
          }
        }
      }
      ctx_.txn->Put(Cf::kRows, new_key, catalog::EncodeRowValue(ct, updated));
      child.indexes->Update(current, key, updated, new_key);
      // A cascaded key must reference the new parent key, which this
      // statement has just written; SET DEFAULT must reference an existing row.
      if (action == 'd') child.fks->CheckReference(*child.fk, updated);
      child.fks->CheckUpdate(current, updated);
    }
  }
}

catalog::ForeignKeyDef MakeForeignKey(const catalog::TableDef& table, const catalog::TableDef* parent,
                                      const ast::Constraint& c, const std::vector<std::string>& columns,
                                      const std::string& name) {
  const catalog::TableDef& ref = parent ? *parent : table;
  if (c.deferrable && c.initially_deferred) {
    throw DbError(SqlState::kFeatureNotSupported, "deferred foreign key constraints are not supported yet");
  }
  catalog::ForeignKeyDef fk;
  for (const std::string& name : columns) {
    int idx = table.FindColumn(name);
    if (idx < 0) {
      throw DbError(SqlState::kUndefinedColumn,
                               fmt::format("column \"{}\" referenced in foreign key constraint does not exist", name));
    }
    fk.columns.push_back(idx);
  }
  if (c.ref_columns.empty()) {
    if (!ref.has_primary_key()) {
      throw DbError(SqlState::kUndefinedObject,
                               fmt::format("there is no primary key for referenced table \"{}\"", ref.name));
    }
    fk.ref_columns = ref.primary_key;
  } else {
    for (const std::string& name : c.ref_columns) {
      int idx = ref.FindColumn(name);
      if (idx < 0) {
        throw DbError(SqlState::kUndefinedColumn,
                                 fmt::format("column \"{}\" referenced in foreign key constraint does not exist", name));
      }
      fk.ref_columns.push_back(idx);
    }
  }
  if (fk.columns.size() != fk.ref_columns.size()) {
    throw DbError(SqlState::kInvalidForeignKey,
                             "number of referencing and referenced columns for foreign key disagree");
  }
  if (!SameColumnSet(ref.primary_key, fk.ref_columns) && !UniqueIndexOn(ref, fk.ref_columns)) {
    throw DbError(SqlState::kInvalidForeignKey,
                             fmt::format("there is no unique constraint matching given keys for referenced table \"{}\"",
                                         ref.name));
  }
  fk.name = name;
  fk.ref_table = parent ? parent->oid : 0;
  fk.ref_schema = ref.schema;
  fk.ref_table_name = ref.name;
  fk.on_delete = c.on_delete;
  fk.on_update = c.on_update;
  for (size_t j = 0; j < fk.columns.size(); ++j) {
    const Type& a = table.columns[static_cast<size_t>(fk.columns[j])].type;
    const Type& b = ref.columns[static_cast<size_t>(fk.ref_columns[j])].type;
    if (!Encodable(a.id, b.id)) {
      throw DbError(SqlState::kDatatypeMismatch, fmt::format("foreign key constraint \"{}\" cannot be implemented",
                                                             fk.name))
          .WithDetail(fmt::format("Key columns \"{}\" and \"{}\" are of incompatible types: {} and {}.",
                                  table.columns[static_cast<size_t>(fk.columns[j])].name,
                                  ref.columns[static_cast<size_t>(fk.ref_columns[j])].name, FormatType(a), FormatType(b)));
    }
  }
  return fk;
}

void RegisterForeignKeys(const catalog::TableDef& table, ExecContext& ctx) {
  for (const catalog::ForeignKeyDef& fk : table.foreign_keys) {
    auto parent = ctx.catalog->FindTable(*ctx.txn, table.database, fk.ref_schema, fk.ref_table_name);
    if (!parent) continue;
    if (fk.ref_table == 0) {
      // A self-reference learns the table's OID only now.
      for (auto& own : parent->foreign_keys) {
        if (own.name == fk.name) own.ref_table = parent->oid;
      }
    }
    parent->referenced_by.push_back(catalog::ForeignKeyRef{table.oid, table.schema, table.name, fk.name});
    ctx.catalog->UpdateTable(*ctx.txn, *parent);
  }
}

void DropForeignKeyLinks(const catalog::TableDef& table, ExecContext& ctx, bool cascade,
                         const std::function<void(const DbError&)>& notice,
                         const std::vector<catalog::TableDef>& dropped_too) {
  auto dropped = [&](catalog::Oid oid) {
    return std::any_of(dropped_too.begin(), dropped_too.end(), [&](const auto& t) { return t.oid == oid; });
  };
  std::vector<const catalog::ForeignKeyRef*> deps;
  for (const catalog::ForeignKeyRef& ref : table.referenced_by) {
    if (ref.table != table.oid && !dropped(ref.table)) deps.push_back(&ref);
  }
  std::string lines;
  for (const auto* ref : deps) {
    if (!lines.empty()) lines += '\n';
    lines += fmt::format("constraint {} on table {}", ref->constraint_name, ref->table_name);
  }
  if (!deps.empty() && !cascade) {
    std::string detail;
    for (const auto* ref : deps) {
      if (!detail.empty()) detail += '\n';
      detail += fmt::format("constraint {} on table {} depends on table {}", ref->constraint_name, ref->table_name,
                            table.name);
    }
    throw DbError(SqlState::kDependentObjectsStillExist,
                  fmt::format("cannot drop table {} because other objects depend on it", table.name))
        .WithDetail(detail)
        .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
  }
  if (deps.size() == 1) {
    notice(DbError(SqlState::kSuccessfulCompletion, "drop cascades to " + lines).WithSeverity(Severity::kNotice));
  } else if (deps.size() > 1) {
    notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("drop cascades to {} other objects", deps.size()))
               .WithDetail("drop cascades to " + [&] {
                 std::string d;
                 for (const auto* ref : deps) {
                   if (!d.empty()) d += "\ndrop cascades to ";
                   d += fmt::format("constraint {} on table {}", ref->constraint_name, ref->table_name);
                 }
                 return d;
               }())
               .WithSeverity(Severity::kNotice));
  }
  for (const auto* ref : deps) {
    auto child = ctx.catalog->FindTable(*ctx.txn, table.database, ref->schema, ref->table_name);
    if (!child) continue;
    auto& fks = child->foreign_keys;
    fks.erase(std::remove_if(fks.begin(), fks.end(), [&](const auto& fk) { return fk.name == ref->constraint_name; }),
              fks.end());
    ctx.catalog->UpdateTable(*ctx.txn, *child);
  }
  for (const catalog::ForeignKeyDef& fk : table.foreign_keys) {
    if (fk.ref_table == table.oid || dropped(fk.ref_table)) continue;
    auto parent = ctx.catalog->FindTable(*ctx.txn, table.database, fk.ref_schema, fk.ref_table_name);
    if (!parent) continue;
    auto& refs = parent->referenced_by;
    refs.erase(std::remove_if(refs.begin(), refs.end(),
                              [&](const auto& r) { return r.table == table.oid && r.constraint_name == fk.name; }),
               refs.end());
    ctx.catalog->UpdateTable(*ctx.txn, *parent);
  }
}

}  // namespace basalt::engine::sql
