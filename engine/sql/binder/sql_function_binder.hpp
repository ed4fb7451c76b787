// engine/sql/binder/sql_function_binder.hpp
//
// Calls of LANGUAGE sql functions (CREATE FUNCTION). A call binds to a scalar
// sublink over the function body whose arguments travel in BoundExpr::args:
//   kSubquery, subquery_kind kScalar, args = the call's arguments coerced to
//   the parameter types (plus one placeholder constant when there are none),
//   strict = STRICT, subplan = the body bound with the parameters as an outer
//   scope (columns named after the parameters, qualifier = function name).
// exec/sql_function_eval.cpp evaluates the arguments into a row, pushes it as
// the body's outer row and returns the first column of the first row (NULL
// when there is none), as PostgreSQL's SQL functions do. `$n` in the body is
// rewritten to the n-th parameter's column before parsing.
#pragma once

#include <string>
#include <vector>

#include "engine/catalog/user_objects.hpp"
#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/parser/ast.hpp"

namespace basalt::engine::sql {

class Binder;

// Binds a call of a user-defined SQL function. Returns null when no function
// of that name exists and `required` is false; throws 42883/42725 otherwise
// when no overload matches or several do.
BoundExprPtr BindSqlFunctionCall(Binder& binder, const ast::Expr& call, std::vector<BoundExprPtr>& args,
                                 bool required);

// Binds `def`'s body against its parameters and checks the result column
// against the declared return type (CREATE FUNCTION's validation, 42P13).
void ValidateSqlFunctionBody(Binder& binder, const catalog::FunctionDef& def);

// The body with `$n` replaced by the quoted n-th parameter column name.
std::string RewriteParamRefs(std::string_view body, const std::vector<std::string>& columns);

// The outer-scope column name of parameter i (its name, or "$i+1").
std::string ParamColumnName(const catalog::FunctionDef& def, size_t i);

}  // namespace basalt::engine::sql
