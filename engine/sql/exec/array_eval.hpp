// engine/sql/exec/array_eval.hpp
//
// Evaluation of the array expression kinds: `x op ANY/ALL (array)`
// (BoundKind::kArrayCompare, PostgreSQL's ScalarArrayOpExpr) and the rows of
// ARRAY(subquery) collected into an array.
#pragma once

#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// ExecEvalScalarArrayOp: a null array gives null; an empty array gives false
// for ANY and true for ALL (even for a null test value); otherwise a null test
// value or null comparison result makes an undecided answer null.
Value EvalArrayCompare(const BoundExpr& e, const Value& test, const Value& array);

// ARRAY(subquery): the first column of every row, in order ('{}' for none).
Value CollectArray(Executor& exec);

}  // namespace basalt::engine::sql
