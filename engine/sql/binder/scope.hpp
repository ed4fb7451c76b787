// engine/sql/binder/scope.hpp
//
// The columns a name can refer to while binding: the FROM clause's tables, in
// order, each with its alias. Column i of the scope is column i of the rows
// that the FROM clause's plan produces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::sql {

struct ScopeColumn {
  std::string table;   // alias or table name ("" for derived columns)
  std::string name;
  Type type;
  uint32_t table_oid = 0;
  int16_t attnum = 0;
  // A column merged away by JOIN USING/NATURAL: reachable only as table.column
  // (and through table.*), not by its bare name nor by a bare `*`.
  bool hidden = false;
};

struct Scope {
  std::vector<ScopeColumn> columns;
  std::vector<std::string> tables;  // names usable as qualifiers
  // (table name, alias) for tables given an alias: the bare name is then no
  // longer a valid qualifier, and errors hint at the alias.
  std::vector<std::pair<std::string, std::string>> aliased_tables;
  // The enclosing query's scope, for correlated subqueries (null at top level).
  const Scope* outer = nullptr;
  // Set when an expression bound in an inner scope resolved a column of this
  // one as an outer reference (used to tell LATERAL items from plain ones).
  mutable bool referenced = false;
  mutable std::string referenced_table;  // qualifier of the first such reference
  mutable int referenced_location = -1;
  // The FROM items before a non-LATERAL subquery in FROM: not a query level,
  // only there so references to them get PostgreSQL's "cannot be referenced
  // from this part of the query" errors (from_binder.cpp).
  bool invisible = false;
};

// Throws 42P01/42703 if `table`.`column` (table may be empty) names a column
// of the invisible scope `scope`; returns otherwise (expr_binder.cpp).
void ThrowInvisibleReference(const Scope& scope, std::string_view table, std::string_view column, int location);

}  // namespace basalt::engine::sql
