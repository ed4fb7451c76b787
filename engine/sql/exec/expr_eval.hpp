// engine/sql/exec/expr_eval.hpp
//
// Evaluates bound expressions over one input row with SQL's three-valued logic.
#pragma once

#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

Value Evaluate(const BoundExpr& e, const Row& row, EvalContext& ctx);

// True only when `e` evaluates to TRUE (NULL and FALSE both reject), as WHERE wants.
inline bool EvaluatePredicate(const BoundExpr& e, const Row& row, EvalContext& ctx) {
  Value v = Evaluate(e, row, ctx);
  return !v.is_null() && v.as_bool();
}

// SQL LIKE / ILIKE matching with PostgreSQL's escape rules (default escape '\').
bool LikeMatch(std::string_view text, std::string_view pattern, bool case_insensitive, int escape_char);

}  // namespace basalt::engine::sql
