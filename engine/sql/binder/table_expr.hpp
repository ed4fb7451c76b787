// engine/sql/binder/table_expr.hpp
//
// Binds expressions that belong to a table rather than to a query: index
// expressions, partial-index predicates and CHECK constraints. They are stored
// as deparsed SQL in the catalog and bound over the table's columns in column
// order, so column i of a stored row is column i of the expression's input.
#pragma once

#include <string_view>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/parser/ast.hpp"

namespace basalt::engine::sql {

// Binds `e` over `table`'s columns; `clause` names it in errors ("index expressions").
BoundExprPtr BindTableExpr(const catalog::TableDef& table, const ast::Expr& e, std::string_view clause);
// Parses and binds stored SQL text.
BoundExprPtr BindTableExprSql(const catalog::TableDef& table, std::string_view sql, std::string_view clause);

}  // namespace basalt::engine::sql
