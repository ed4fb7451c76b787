// engine/sql/binder/binder.hpp
//
// Turns AST statements into plans against the catalog as the transaction sees
// it. SELECT becomes a plan tree (planner/plan.hpp); INSERT/UPDATE/DELETE
// become a BoundDml that exec/dml_executor runs.
#pragma once

#include <string>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/sql/binder/scope.hpp"
#include "engine/sql/parser/ast.hpp"
#include "engine/sql/planner/plan.hpp"

namespace basalt::engine::sql {

struct OutputColumn {
  std::string name;
  Type type;
  uint32_t table_oid = 0;
  int16_t attnum = 0;
};

struct BoundQuery {
  PlanPtr plan;
  std::vector<OutputColumn> columns;
};

enum class DmlKind { kInsert, kUpdate, kDelete };

struct BoundDml {
  DmlKind kind = DmlKind::kInsert;
  catalog::TableDef table;
  // INSERT: produces complete rows in table column order.
  // UPDATE/DELETE: produces the table's rows that match, with the storage key last.
  PlanPtr source;
  // UPDATE: for each table column, the new value's expression over the scanned
  // row, or null to keep the column.
  std::vector<BoundExprPtr> assignments;
  // UPDATE under READ COMMITTED re-checks this on the newest row version.
  BoundExprPtr recheck;
};

class Binder {
 public:
  Binder(catalog::Catalog& catalog, txn::Transaction& txn, catalog::Oid database)
      : catalog_(catalog), txn_(txn), database_(database) {}

  // `outer` is the enclosing query's scope when binding a subquery.
  BoundQuery BindSelect(const ast::SelectStmt& stmt, const Scope* outer = nullptr);
  BoundDml BindInsert(const ast::InsertStmt& stmt);
  BoundDml BindUpdate(const ast::UpdateStmt& stmt);
  BoundDml BindDelete(const ast::DeleteStmt& stmt);

  // Finds a table; throws 42P01 (or 3F000 for an unknown schema).
  catalog::TableDef ResolveTable(const ast::RangeVar& rv);
  // nullopt if absent; throws 3F000 for an unknown schema.
  std::optional<catalog::TableDef> LookupTable(const ast::RangeVar& rv);
  // The schema OID a name in `schema` ("" = search path) is created in.
  catalog::Oid ResolveCreationSchema(const ast::RangeVar& rv);

  // Binds a column's DEFAULT (or NULL) coerced to the column type.
  BoundExprPtr BindColumnDefault(const catalog::TableDef& table, int column);

 private:
  BoundQuery BindValues(const ast::SelectStmt& stmt, const Scope* outer);
  // One FROM item (table, join, subquery): appends its columns to `scope`.
  PlanPtr BindFromItem(const ast::TableRef& ref, Scope& scope);
  // The scan of one table with WHERE pushed into it as key range + filter.
  std::unique_ptr<TableScanPlan> BindTableScan(const catalog::TableDef& table, const std::string& alias,
                                               Scope& scope, const ast::Expr* where, const char* clause);

  catalog::Catalog& catalog_;
  txn::Transaction& txn_;
  catalog::Oid database_;
};

// PostgreSQL's FigureColname: the output name of a select-list expression.
std::string FigureColumnName(const ast::Expr& e);

// Narrows a table scan to the primary-key range that `filter` implies.
void PushKeyRange(TableScanPlan& scan);

}  // namespace basalt::engine::sql
