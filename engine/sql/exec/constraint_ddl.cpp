#include "engine/sql/exec/constraint_ddl.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/row_codec.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/binder/table_expr.hpp"
#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/exec/foreign_keys.hpp"
#include "engine/sql/exec/index_ddl.hpp"

namespace basalt::engine::sql {
namespace {

void CollectColumns(const BoundExpr& e, std::vector<int>& out) {
  if (e.kind == BoundKind::kColumn && std::find(out.begin(), out.end(), e.index) == out.end()) out.push_back(e.index);
  for (const auto& a : e.args) CollectColumns(*a, out);
}

bool ConstraintNameUsed(const catalog::TableDef& table, const std::string& name) {
  if (table.has_primary_key() && table.primary_key_name == name) return true;
  for (const auto& ix : table.indexes) {
    if (ix.constraint && ix.name == name) return true;
  }
  for (const auto& c : table.checks) {
    if (c.name == name) return true;
  }
  for (const auto& fk : table.foreign_keys) {
    if (fk.name == name) return true;
  }
  return false;
}

void RejectDuplicateName(const catalog::TableDef& table, const std::string& name) {
  if (!name.empty() && ConstraintNameUsed(table, name)) {
    throw DbError(SqlState::kDuplicateObject,
                  fmt::format("constraint \"{}\" for relation \"{}\" already exists", name, table.name));
  }
}

// The unique index a UNIQUE constraint on `columns` needs, or nullopt when the
// primary key or an earlier UNIQUE constraint already covers exactly them.
std::optional<catalog::IndexDef> UniqueIndexFor(const catalog::TableDef& table, const std::vector<std::string>& columns,
                                                const std::string& name, int location,
                                                const std::function<bool(const std::string&)>& taken) {
  catalog::IndexDef def;
  def.unique = true;
  def.constraint = true;
  std::vector<int> cols;
  for (const std::string& c : columns) {
    int idx = table.FindColumn(c);
    if (idx < 0) {
      throw AtLocation(DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" named in key does not exist", c)),
                       location);
    }
    if (std::find(cols.begin(), cols.end(), idx) != cols.end()) {
      throw AtLocation(DbError(SqlState::kDuplicateColumn,
                               fmt::format("column \"{}\" appears twice in unique constraint", c)),
                       location);
    }
    TypeId t = table.columns[idx].type.id;
    if (t == TypeId::kInterval || t == TypeId::kTimeTz) {
      throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                               fmt::format("unique constraints on type {} are not supported yet",
                                           FormatType(table.columns[idx].type))),
                       location);
    }
    cols.push_back(idx);
    catalog::IndexKey key;
    key.column = idx;
    def.keys.push_back(key);
  }
  if (name.empty()) {
    if (cols == table.primary_key) return std::nullopt;
    for (const auto& ix : table.indexes) {
      if (!ix.constraint || ix.is_partial() || ix.keys.size() != cols.size()) continue;
      bool same = true;
      for (size_t i = 0; i < cols.size(); ++i) same = same && ix.keys[i].column == cols[i];
      if (same) return std::nullopt;
    }
  }
  if (name.empty()) {
    std::string addition;
    for (const std::string& c : columns) {
      if (!addition.empty()) addition += '_';
      addition += c;
      if (addition.size() >= 63) break;
    }
    def.name = ChooseObjectName(table.name, addition, "key", taken);
  } else {
    if (taken(name)) throw DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists", name));
    RejectDuplicateName(table, name);
    def.name = name;
  }
  return def;
}

catalog::CheckDef MakeCheck(const catalog::TableDef& table, const ast::Constraint& c, const std::string* column) {
  BoundExprPtr bound = CoerceToBool(BindTableExpr(table, *c.expr, "check constraints"), "CHECK");
  if (!c.name.empty() && ConstraintNameUsed(table, c.name)) {
    throw DbError(SqlState::kDuplicateObject, fmt::format("check constraint \"{}\" already exists", c.name));
  }
  catalog::CheckDef def;
  def.expr_sql = DeparseExpr(*c.expr);
  if (!c.name.empty()) {
    def.name = c.name;
  } else {
    std::vector<int> cols;
    CollectColumns(*bound, cols);
    std::string col = cols.size() == 1 ? table.columns[cols[0]].name : "";
    (void)column;
    def.name = ChooseObjectName(table.name, col, "check",
                                [&](const std::string& n) { return ConstraintNameUsed(table, n); });
  }
  return def;
}

void SortChecks(catalog::TableDef& table) {
  std::stable_sort(table.checks.begin(), table.checks.end(),
                   [](const catalog::CheckDef& a, const catalog::CheckDef& b) { return a.name < b.name; });
}

// A named foreign key for `c` on `table` (the referenced table resolved
// through `binder`; the table itself for a self-reference).
catalog::ForeignKeyDef ForeignKeyFor(const catalog::TableDef& table, const ast::Constraint& c,
                                     const std::vector<std::string>& columns, Binder& binder) {
  // A table being created (oid 0) that references itself is its own parent.
  bool creating_self = table.oid == 0 && c.ref_table.name == table.name &&
                       (c.ref_table.schema.empty() || binder.ResolveCreationSchema(c.ref_table) == table.schema);
  std::optional<catalog::TableDef> parent;
  if (!creating_self) {
    parent = binder.LookupTable(c.ref_table);
    if (!parent) {
      std::string shown = c.ref_table.schema.empty() ? c.ref_table.name : c.ref_table.schema + "." + c.ref_table.name;
      throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", shown));
    }
  }
  const catalog::TableDef* ref = nullptr;
  if (parent) ref = parent->oid == table.oid ? &table : &*parent;
  RejectDuplicateName(table, c.name);
  std::string name = c.name;
  if (name.empty()) {
    std::string addition;
    for (const std::string& col : columns) {
      if (!addition.empty()) addition += '_';
      addition += col;
      if (addition.size() >= 63) break;
    }
    name = ChooseObjectName(table.name, addition, "fkey",
                            [&](const std::string& n) { return ConstraintNameUsed(table, n); });
  }
  catalog::ForeignKeyDef fk = MakeForeignKey(table, ref, c, columns, name);
  return fk;
}

}  // namespace

void AddCreateTableConstraints(catalog::TableDef& table, const ast::CreateTableStmt& stmt, Binder& binder,
                               ExecContext& ctx) {
  std::vector<std::string> new_names;
  auto taken = [&](const std::string& n) {
    if (n == table.name || (table.has_primary_key() && n == table.primary_key_name)) return true;
    for (const auto& ix : table.indexes) {
      if (ix.name == n) return true;
    }
    return RelationNameTaken(ctx, table.database, table.schema, n);
  };
  auto add = [&](const ast::Constraint& c, const std::vector<std::string>& columns, const std::string* column) {
    switch (c.kind) {
      case ast::ConstraintKind::kUnique: {
        auto def = UniqueIndexFor(table, columns, c.name, c.location, taken);
        if (def) {
          def->oid = ctx.catalog->AllocateOid();
          table.indexes.push_back(std::move(*def));
        }
        break;
      }
      case ast::ConstraintKind::kCheck: table.checks.push_back(MakeCheck(table, c, column)); break;
      case ast::ConstraintKind::kForeignKey:
        table.foreign_keys.push_back(ForeignKeyFor(table, c, columns, binder));
        break;
      default: break;
    }
  };
  for (size_t i = 0; i < stmt.columns.size(); ++i) {
    for (const ast::Constraint& c : stmt.columns[i].constraints) add(c, {stmt.columns[i].name}, &stmt.columns[i].name);
  }
  for (const ast::Constraint& c : stmt.constraints) add(c, c.columns, nullptr);
  SortChecks(table);
}

void AddTableConstraint(catalog::TableDef& table, const ast::Constraint& c, Binder& binder, ExecContext& ctx) {
  switch (c.kind) {
    case ast::ConstraintKind::kUnique: {
      auto taken = [&](const std::string& n) { return RelationNameTaken(ctx, table.database, table.schema, n); };
      auto def = UniqueIndexFor(table, c.columns, c.name, c.location, taken);
      if (!def) {
        // PostgreSQL still adds a redundant constraint requested by ALTER TABLE.
        catalog::IndexDef fresh;
        fresh.unique = true;
        fresh.constraint = true;
        for (const std::string& col : c.columns) fresh.keys.push_back(catalog::IndexKey{table.FindColumn(col), "", false, false});
        std::string addition;
        for (const std::string& col : c.columns) addition += (addition.empty() ? "" : "_") + col;
        fresh.name = ChooseObjectName(table.name, addition, "key", taken);
        def = std::move(fresh);
      }
      def->oid = ctx.catalog->AllocateOid();
      AddIndexToTable(table, std::move(*def), ctx);
      return;
    }
    case ast::ConstraintKind::kCheck: {
      catalog::CheckDef def = MakeCheck(table, c, nullptr);
      BoundExprPtr bound = BindTableExprSql(table, def.expr_sql, "check constraints");
      Row row;
      std::string begin = catalog::RowKeyPrefix(table.oid);
      std::string end = catalog::RowKeyPrefixEnd(table.oid);
      for (auto cur = ctx.txn->Scan(storage::Cf::kRows, begin, end); cur->Valid(); cur->Next()) {
        catalog::DecodeRowValue(table, cur->value(), row);
        Value v = Evaluate(*bound, row, ctx.eval);
        if (!v.is_null() && !v.as_bool()) {
          throw DbError(SqlState::kCheckViolation, fmt::format("check constraint \"{}\" of relation \"{}\" is violated by some row",
                                                               def.name, table.name))
              .WithSchema(catalog::KnownSchemaName(table.schema))
              .WithTable(table.name)
              .WithConstraint(def.name);
        }
      }
      table.checks.push_back(std::move(def));
      SortChecks(table);
      ctx.catalog->UpdateTable(*ctx.txn, table);
      return;
    }
    case ast::ConstraintKind::kForeignKey: {
      table.foreign_keys.push_back(ForeignKeyFor(table, c, c.columns, binder));
      // Existing rows must satisfy it.
      ForeignKeyEnforcer check(table, ctx);
      Row row;
      std::string begin = catalog::RowKeyPrefix(table.oid);
      std::string end = catalog::RowKeyPrefixEnd(table.oid);
      for (auto cur = ctx.txn->Scan(storage::Cf::kRows, begin, end); cur->Valid(); cur->Next()) {
        catalog::DecodeRowValue(table, cur->value(), row);
        check.CheckInsert(row);
      }
      ctx.catalog->UpdateTable(*ctx.txn, table);
      catalog::TableDef only = table;
      only.foreign_keys = {table.foreign_keys.back()};
      RegisterForeignKeys(only, ctx);
      if (only.foreign_keys[0].ref_table == table.oid) {
        if (auto fresh = ctx.catalog->FindTable(*ctx.txn, table.database, table.schema, table.name)) table = *fresh;
      }
      return;
    }
    default:
      throw AtLocation(DbError(SqlState::kFeatureNotSupported, "this constraint kind cannot be added here yet"),
                       c.location);
  }
}

bool DropTableConstraint(catalog::TableDef& table, std::string_view name, ExecContext& ctx) {
  for (size_t i = 0; i < table.indexes.size(); ++i) {
    if (!table.indexes[i].constraint || table.indexes[i].name != name) continue;
    catalog::DeleteIndexEntries(*ctx.txn, table.indexes[i].oid);
    table.indexes.erase(table.indexes.begin() + static_cast<std::ptrdiff_t>(i));
    ctx.catalog->UpdateTable(*ctx.txn, table);
    return true;
  }
  for (size_t i = 0; i < table.checks.size(); ++i) {
    if (table.checks[i].name != name) continue;
    table.checks.erase(table.checks.begin() + static_cast<std::ptrdiff_t>(i));
    ctx.catalog->UpdateTable(*ctx.txn, table);
    return true;
  }
  return false;
}

}  // namespace basalt::engine::sql
