// engine/sql/binder/aggregate_binder.hpp
//
// Binds the arguments of an aggregate call into its AggregateSpec: the value
// argument, further arguments (string_agg's delimiter, corr's x), ORDER BY
// inside the call, and the WITHIN GROUP form of the ordered-set aggregates
// (percentile_cont/disc(fraction) WITHIN GROUP (ORDER BY x), mode()). Checks
// PostgreSQL's rules and sets the input and result types.
#pragma once

#include "engine/sql/binder/expr_binder.hpp"

namespace basalt::engine::sql {

// Fills spec.arg, extra_args, order_by, input_type, result_type, arg_types.
// Throws 42883 when no aggregate of that name takes these argument types.
void BindAggregateArgs(ExprBinder& binder, const ast::Expr& e, AggregateSpec& spec);

// The aggregate a function name denotes (count(*) when `star`), if any.
std::optional<AggKind> AggregateKindOf(std::string_view name, bool star);

}  // namespace basalt::engine::sql
