// engine/sql/planner/aggregate_spec.hpp
//
// One aggregate call of a query (count(*), sum(x), avg(DISTINCT y) ...), as the
// binder resolved it: which function, over which bound argument, with which
// input and result types.
#pragma once

#include <string>

#include "engine/sql/binder/bound_expr.hpp"

namespace basalt::engine::sql {

enum class AggKind {
  kCountStar, kCount, kSum, kAvg, kMin, kMax, kBoolAnd, kBoolOr,
  // functions/aggregate_functions.cpp
  kStringAgg,                         // string_agg(text, delimiter)
  kBitAnd, kBitOr, kBitXor,           // integer types
  kVarSamp, kVarPop, kStddevSamp, kStddevPop,
  kCorr, kCovarPop, kCovarSamp,       // (y, x) float8 pairs
  kRegrCount, kRegrSxx, kRegrSyy, kRegrSxy, kRegrAvgX, kRegrAvgY, kRegrSlope, kRegrIntercept, kRegrR2,
  kPercentileCont, kPercentileDisc, kMode,  // ordered-set: WITHIN GROUP (ORDER BY arg)
  // functions/container_aggregates.cpp: keep nulls, so they bypass the common null skip
  kArrayAgg, kJsonAgg, kJsonbAgg, kJsonObjectAgg, kJsonbObjectAgg,
};

// One ORDER BY key of an ordered aggregate (agg(x ORDER BY k)) or of WITHIN GROUP.
struct AggOrderKey {
  BoundExprPtr expr;
  bool descending = false;
  bool nulls_first = false;
};

struct AggregateSpec {
  AggKind kind = AggKind::kCountStar;
  std::string name;       // as written, lower-case ("count", "sum", "every")
  BoundExprPtr arg;       // null for count(*)
  BoundExprPtr filter;    // FILTER (WHERE ...), null if absent
  bool distinct = false;
  Type input_type;
  Type result_type;
  std::vector<Type> arg_types;  // {input_type}: the key type list DISTINCT hashing uses
  // Arguments after the first (string_agg's delimiter, corr's x) and, for
  // ordered-set aggregates, the direct argument (percentile fraction).
  std::vector<BoundExprPtr> extra_args;
  std::vector<Type> extra_types;
  // agg(... ORDER BY ...): input rows are collected and fed in this order. For
  // WITHIN GROUP aggregates `arg` is the single sort expression.
  std::vector<AggOrderKey> order_by;
};

}  // namespace basalt::engine::sql
