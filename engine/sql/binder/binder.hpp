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

struct CteDefinition;  // planner/query_plans.hpp
struct SrfCall;        // planner/query_plans.hpp

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
  // RETURNING: expressions over the row in table column order (the new row for
  // INSERT/UPDATE, the old one for DELETE), and the result columns they make.
  std::vector<BoundExprPtr> returning;
  std::vector<OutputColumn> returning_columns;
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
  // Binds a RETURNING list over `dml.table`'s columns (qualifier `alias`).
  void BindReturning(BoundDml& dml, const std::vector<ast::ResTarget>& returning, const std::string& alias);

  // Finds a table; throws 42P01 (or 3F000 for an unknown schema).
  catalog::TableDef ResolveTable(const ast::RangeVar& rv);
  // nullopt if absent; throws 3F000 for an unknown schema.
  std::optional<catalog::TableDef> LookupTable(const ast::RangeVar& rv);
  // The schema OID a name in `schema` ("" = search path) is created in.
  catalog::Oid ResolveCreationSchema(const ast::RangeVar& rv);

  // Binds a column's DEFAULT (or NULL) coerced to the column type.
  BoundExprPtr BindColumnDefault(const catalog::TableDef& table, int column);

  // A type name: built-in types, then user-defined types in the catalog
  // (type_name_binder.cpp); nullopt if there is no such type.
  std::optional<Type> LookupTypeName(const ast::TypeName& name);
  catalog::Catalog& catalog() { return catalog_; }
  txn::Transaction& txn() { return txn_; }
  catalog::Oid database() const { return database_; }

 private:
  BoundQuery BindValues(const ast::SelectStmt& stmt, const Scope* outer);
  // One FROM item (table, join, subquery): appends its columns to `scope`.
  PlanPtr BindFromItem(const ast::TableRef& ref, Scope& scope);
  // The scan of one table with WHERE pushed into it as key range + filter.
  std::unique_ptr<TableScanPlan> BindTableScan(const catalog::TableDef& table, const std::string& alias,
                                               Scope& scope, const ast::Expr* where, const char* clause);

  // --- Query breadth (from_binder.cpp, srf_binder.cpp, set_op_binder.cpp, cte_binder.cpp, view_binder.cpp).
  struct FromResult {
    PlanPtr plan;
    bool lateral = false;  // reads the row of the items before it (LateralJoin)
    std::string lateral_table;  // the first such reference, for errors
    int lateral_location = -1;
  };
  // FROM and WHERE: a plan whose rows are laid out as scope.columns.
  PlanPtr BindFromWhere(const ast::SelectStmt& stmt, Scope& scope);
  // One FROM item; scope.columns[base..] are the left row a LATERAL item may read.
  FromResult BindFromItemAt(const ast::TableRef& ref, Scope& scope, size_t base);
  PlanPtr BindRelationItem(const ast::TableRef& ref, Scope& scope);
  PlanPtr BindJoin(const ast::TableRef& ref, Scope& scope);
  PlanPtr BindUsingJoin(const ast::TableRef& ref, JoinType type, PlanPtr left, PlanPtr right, Scope& scope,
                        size_t jbase, size_t mid);
  // A table function in FROM; its columns go to `item`, arguments see `args_outer`.
  PlanPtr BindFunctionItem(const ast::TableRef& ref, Scope& item, const Scope* args_outer);
  void CheckDuplicateAlias(const Scope& scope, const std::string& alias, int location);
  void RenameColumns(Scope& scope, size_t start, const std::vector<std::string>& names, const std::string& alias,
                     int location);
  // A reference to a WITH query in scope, or null.
  PlanPtr BindCteReference(const ast::TableRef& ref, Scope& scope);
  // A view (relkind 'v'), expanded as a subquery of its stored query text.
  PlanPtr BindViewReference(const ast::TableRef& ref, const catalog::TableDef& view, Scope& scope);
  // SELECT core after FROM/WHERE (select list, grouping, SRFs, ORDER BY, LIMIT).
  BoundQuery BindSetOperation(const ast::SelectStmt& stmt, const Scope* outer);
  // Pushes the WITH list of `stmt`; returns how many entries to pop.
  size_t PushWith(const ast::SelectStmt& stmt, const Scope* outer);
  // ORDER BY / LIMIT over the output columns of a set operation or VALUES.
  BoundQuery ApplyOrderLimit(BoundQuery q, const ast::SelectStmt& stmt);

 public:
  struct CteBinding {
    std::string name;
    std::vector<OutputColumn> columns;
    std::shared_ptr<const CteDefinition> def;  // null while the recursive term is bound
    int cte_id = 0;
    bool recursive_ref_allowed = false;  // inside its own recursive term
    int self_references = 0;
  };

 private:
  std::vector<CteBinding> ctes_;  // innermost last
  // Set while binding the direct inputs of a set operation: their untyped
  // literals stay `unknown` so the set operation resolves them (1 UNION 'a').
  bool set_op_leaf_ = false;
  std::vector<catalog::Oid> referenced_relations_;  // tables and views read (view dependencies)

 public:
  // OIDs of the tables and views the bound statements read, in binding order.
  const std::vector<catalog::Oid>& referenced_relations() const { return referenced_relations_; }

 private:

  catalog::Catalog& catalog_;
  txn::Transaction& txn_;
  catalog::Oid database_;
};

// Puts a ProjectSet running `srfs` over `input` and points the kSrfRef
// placeholders in `targets` at its output columns (srf_binder.cpp).
PlanPtr AddProjectSet(PlanPtr input, std::vector<SrfCall>& srfs, std::vector<BoundExprPtr>& targets);

// PostgreSQL's FigureColname: the output name of a select-list expression.
std::string FigureColumnName(const ast::Expr& e);

// The one-row relation a sequence reads as (last_value, log_cnt, is_called).
PlanPtr BindSequenceRelation(catalog::Catalog& catalog, const catalog::TableDef& seq);

// Narrows a table scan to the primary-key range that `filter` implies, or
// reads it through a secondary index when that is cheaper (key_range.cpp).
void PushKeyRange(TableScanPlan& scan);
// True if `plan` (a projection over a table scan) already yields rows in
// `keys` order, possibly after switching the scan to an index read (worth it
// when `limited`): the sort can then be left out.
bool ScanDeliversOrder(PlanNode& plan, const std::vector<SortKey>& keys, bool limited);
// An index nested-loop join of `left` and `right` on `conds` when the right
// side is a table whose primary key or an index the equalities fix and the
// left side is selective (index_join.cpp); null (arguments untouched) otherwise.
PlanPtr MakeIndexJoin(JoinType type, PlanPtr& left, PlanPtr& right, std::vector<BoundExprPtr>& conds);

}  // namespace basalt::engine::sql
