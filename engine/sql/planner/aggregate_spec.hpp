// engine/sql/planner/aggregate_spec.hpp
//
// One aggregate call of a query (count(*), sum(x), avg(DISTINCT y) ...), as the
// binder resolved it: which function, over which bound argument, with which
// input and result types.
#pragma once

#include <string>

#include "engine/sql/binder/bound_expr.hpp"

namespace basalt::engine::sql {

enum class AggKind { kCountStar, kCount, kSum, kAvg, kMin, kMax, kBoolAnd, kBoolOr };

struct AggregateSpec {
  AggKind kind = AggKind::kCountStar;
  std::string name;       // as written, lower-case ("count", "sum", "every")
  BoundExprPtr arg;       // null for count(*)
  BoundExprPtr filter;    // FILTER (WHERE ...), null if absent
  bool distinct = false;
  Type input_type;
  Type result_type;
  std::vector<Type> arg_types;  // {input_type}: the key type list DISTINCT hashing uses
};

}  // namespace basalt::engine::sql
