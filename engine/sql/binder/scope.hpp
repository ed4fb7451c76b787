// engine/sql/binder/scope.hpp
//
// The columns a name can refer to while binding: the FROM clause's tables, in
// order, each with its alias. Column i of the scope is column i of the rows
// that the FROM clause's plan produces.
#pragma once

#include <string>
#include <vector>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::sql {

struct ScopeColumn {
  std::string table;   // alias or table name ("" for derived columns)
  std::string name;
  Type type;
  uint32_t table_oid = 0;
  int16_t attnum = 0;
};

struct Scope {
  std::vector<ScopeColumn> columns;
  std::vector<std::string> tables;  // names usable as qualifiers
  // (table name, alias) for tables given an alias: the bare name is then no
  // longer a valid qualifier, and errors hint at the alias.
  std::vector<std::pair<std::string, std::string>> aliased_tables;
  // The enclosing query's scope, for correlated subqueries (null at top level).
  const Scope* outer = nullptr;
};

}  // namespace basalt::engine::sql
