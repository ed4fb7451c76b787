// engine/sql/binder/expr_deparse.hpp
//
// Turns an AST expression back into SQL text that parses to the same tree.
// Used to store DEFAULT expressions in the catalog (and later by pg_get_expr).
#pragma once

#include <string>

#include "engine/sql/parser/ast.hpp"

namespace basalt::engine::sql {

std::string DeparseExpr(const ast::Expr& e);

// 'text' with quotes doubled.
std::string QuoteLiteral(std::string_view s);
// An identifier, double-quoted when it would not survive unquoted.
std::string QuoteIdentifier(std::string_view s);

}  // namespace basalt::engine::sql
