#include "engine/sql/exec/index_maintainer.hpp"

#include <fmt/format.h>

#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/sql/binder/table_expr.hpp"
#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {
namespace {

using storage::Cf;

}  // namespace

std::string FormatDetailValues(const std::vector<Value>& values, const std::vector<Type>& types, EvalContext& ctx) {
  FormatOptions opts;
  opts.extra_float_digits = ctx.extra_float_digits;
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    if (values[i].is_null()) {
      out += "null";
    } else {
      AppendText(values[i], types[i], out, opts);
    }
  }
  return out;
}

IndexMaintainer::IndexMaintainer(const catalog::TableDef& table, ExecContext& ctx) : table_(table), ctx_(ctx) {
  for (const catalog::IndexDef& def : table.indexes) {
    BoundIndex ix;
    ix.def = &def;
    for (const catalog::IndexKey& k : def.keys) {
      if (k.column >= 0) {
        ix.exprs.push_back(nullptr);
        ix.types.push_back(table.columns[k.column].type);
      } else {
        BoundExprPtr e = BindTableExprSql(table, k.expr_sql, "index expressions");
        ix.types.push_back(e->type);
        ix.exprs.push_back(std::move(e));
      }
    }
    if (def.is_partial()) ix.predicate = BindTableExprSql(table, def.predicate_sql, "index predicate");
    indexes_.push_back(std::move(ix));
  }
  for (const catalog::CheckDef& c : table.checks) checks_.push_back(BindTableExprSql(table, c.expr_sql, "check constraints"));
}

void IndexMaintainer::CheckConstraints(const Row& row) {
  for (size_t i = 0; i < checks_.size(); ++i) {
    Value v = Evaluate(*checks_[i], row, ctx_.eval);
    if (v.is_null() || v.as_bool()) continue;
    std::vector<Type> types;
    for (const auto& c : table_.columns) types.push_back(c.type);
    std::vector<Value> values(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(table_.columns.size()));
    const std::string& name = table_.checks[i].name;
    throw DbError(SqlState::kCheckViolation,
                  fmt::format("new row for relation \"{}\" violates check constraint \"{}\"", table_.name, name))
        .WithDetail(fmt::format("Failing row contains ({}).", FormatDetailValues(values, types, ctx_.eval)))
        .WithSchema(catalog::KnownSchemaName(table_.schema))
        .WithTable(table_.name)
        .WithConstraint(name);
  }
}

IndexMaintainer::Entry IndexMaintainer::MakeEntry(const BoundIndex& ix, const Row& row, std::string_view row_key) {
  Entry e;
  if (ix.predicate && !EvaluatePredicate(*ix.predicate, row, ctx_.eval)) return e;
  e.present = true;
  e.key = catalog::IndexKeyPrefix(ix.def->oid);
  bool has_null = false;
  for (size_t i = 0; i < ix.def->keys.size(); ++i) {
    const catalog::IndexKey& k = ix.def->keys[i];
    if (k.column >= 0) {
      const Value& v = row[k.column];
      has_null = has_null || v.is_null();
      catalog::AppendIndexKeyValue(e.key, v, ix.types[i].id, k.descending, k.nulls_first);
    } else {
      Value v = Evaluate(*ix.exprs[i], row, ctx_.eval);
      has_null = has_null || v.is_null();
      catalog::AppendIndexKeyValue(e.key, v, ix.types[i].id, k.descending, k.nulls_first);
    }
  }
  e.unique_point = ix.def->unique && !has_null;
  if (!e.unique_point) e.key.append(row_key);
  return e;
}

void IndexMaintainer::ThrowDuplicate(const BoundIndex& ix, const Row& row) {
  std::string names;
  std::vector<Value> values;
  for (size_t i = 0; i < ix.def->keys.size(); ++i) {
    const catalog::IndexKey& k = ix.def->keys[i];
    if (!names.empty()) names += ", ";
    if (k.column >= 0) {
      names += table_.columns[k.column].name;
      values.push_back(row[k.column]);
    } else {
      names += k.expr_sql;
      values.push_back(Evaluate(*ix.exprs[i], row, ctx_.eval));
    }
  }
  throw DbError(SqlState::kUniqueViolation,
                fmt::format("duplicate key value violates unique constraint \"{}\"", ix.def->name))
      .WithDetail(fmt::format("Key ({})=({}) already exists.", names, FormatDetailValues(values, ix.types, ctx_.eval)))
      .WithSchema(catalog::KnownSchemaName(table_.schema))
      .WithTable(table_.name)
      .WithConstraint(ix.def->name);
}

void IndexMaintainer::Put(const BoundIndex& ix, const Entry& e, const Row& row, std::string_view row_key) {
  if (!e.present) return;
  if (e.unique_point) {
    ctx_.txn->LockRow(Cf::kIndexes, e.key, txn::LockMode::kExclusive);
    if (ctx_.txn->GetForUpdate(Cf::kIndexes, e.key)) ThrowDuplicate(ix, row);
  }
  ctx_.txn->Put(Cf::kIndexes, e.key, std::string(row_key));
}

void IndexMaintainer::Remove(const Entry& e) {
  if (!e.present) return;
  // Locking the unique key makes a concurrent inserter of the same value wait
  // for this transaction instead of failing on a row that may go away.
  if (e.unique_point) ctx_.txn->LockRow(Cf::kIndexes, e.key, txn::LockMode::kExclusive);
  ctx_.txn->Delete(Cf::kIndexes, e.key);
}

void IndexMaintainer::Insert(const Row& row, std::string_view row_key) {
  for (const BoundIndex& ix : indexes_) Put(ix, MakeEntry(ix, row, row_key), row, row_key);
}

void IndexMaintainer::InsertInto(size_t index_pos, const Row& row, std::string_view row_key) {
  const BoundIndex& ix = indexes_.at(index_pos);
  Put(ix, MakeEntry(ix, row, row_key), row, row_key);
}

void IndexMaintainer::Delete(const Row& row, std::string_view row_key) {
  for (const BoundIndex& ix : indexes_) Remove(MakeEntry(ix, row, row_key));
}

void IndexMaintainer::Update(const Row& old_row, std::string_view old_key, const Row& new_row,
                             std::string_view new_key) {
  for (const BoundIndex& ix : indexes_) {
    Entry before = MakeEntry(ix, old_row, old_key);
    Entry after = MakeEntry(ix, new_row, new_key);
    if (before.present == after.present && before.key == after.key) {
      // Same entry; only its value (the row key) may have to follow the row.
      if (after.present && old_key != new_key) ctx_.txn->Put(Cf::kIndexes, after.key, std::string(new_key));
      continue;
    }
    Remove(before);
    Put(ix, after, new_row, new_key);
  }
}

}  // namespace basalt::engine::sql
