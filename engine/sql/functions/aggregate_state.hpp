// engine/sql/functions/aggregate_state.hpp
//
// Running state of one aggregate in one group, and the transition and final
// functions. Integer sums accumulate in 128 bits, so sum(int8) over any
// realistic input is exact before it becomes numeric, as in PostgreSQL.
#pragma once

#include <memory>
#include <unordered_set>

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/row_hash.hpp"
#include "engine/sql/planner/aggregate_spec.hpp"

namespace basalt::engine::sql {

struct AggState {
  int64_t count = 0;
  __int128 int_sum = 0;
  double float_sum = 0;
  Value acc;  // min/max, numeric sums, bool_and/or
  std::unique_ptr<std::unordered_set<Row, RowKeyHash, RowKeyEqual>> seen;  // DISTINCT
  std::unique_ptr<struct AggExtraState> extra;  // ordered input, statistics (aggregate_functions.cpp)
};

// State beyond the common fields, allocated only by the aggregates that need it.
struct AggExtraState {
  std::vector<Row> rows;  // ordered aggregates: {arg, extra args..., sort keys...} per input row
  // Youngs-Cramer / exact accumulators for the statistics aggregates.
  double sx = 0, sxx = 0, sy = 0, syy = 0, sxy = 0;
  Value sum_x, sum_x2;  // numeric sums for exact var/stddev over integers and numerics
  std::string text;     // string_agg's result so far
  bool has_text = false;
};

// Folds one input row into the state: FILTER, argument evaluation, DISTINCT,
// ORDER BY collection, then the transition. What AggregateExecutor (and window
// aggregation) calls per row.
void AggAccumulate(const AggregateSpec& spec, AggState& state, const Row& row, struct EvalContext& ctx);

// The aggregates implemented in aggregate_functions.cpp (string_agg, bit_*,
// statistics, ordered-set): transition over the evaluated arguments
// (vals[0] = arg, vals[1..] = extra args) and final function.
void AggUpdateExtended(const AggregateSpec& spec, AggState& state, const Value* vals);
Value AggFinalExtended(const AggregateSpec& spec, const AggState& state);
// AggFinal for aggregates with ORDER BY: sorts the collected rows (in place,
// kept for later calls) and replays them. Without ORDER BY, the same as AggFinal.
Value AggFinalOrdered(const AggregateSpec& spec, AggState& state);
// Result type of an extended aggregate, or nullopt if it does not apply to
// (input, extra argument types).
std::optional<Type> AggResultTypeExtended(AggKind kind, Type input, const std::vector<Type>& extra);
// Maps a function name to an extended aggregate kind.
std::optional<AggKind> ExtendedAggregateKind(std::string_view name);

// array_agg, json(b)_agg, json(b)_object_agg (container_aggregates.cpp).
std::optional<AggKind> ContainerAggregateKind(std::string_view name);
bool IsContainerAggregate(AggKind kind);
std::optional<Type> ContainerAggResultType(AggKind kind, Type input, const std::vector<Type>& extra);
void ContainerAggUpdate(const AggregateSpec& spec, AggState& state, const Value* vals);
Value ContainerAggFinal(const AggregateSpec& spec, const AggState& state);

// Folds one input value (already evaluated, may be NULL) into the state.
void AggUpdate(const AggregateSpec& spec, AggState& state, const Value& v);
// The aggregate's result for the group.
Value AggFinal(const AggregateSpec& spec, const AggState& state);

// The result type of aggregate `name` over `input` (PostgreSQL's rules:
// sum(int4) is bigint, avg(int) is numeric, ...), or nullopt if it does not apply.
std::optional<Type> AggResultType(AggKind kind, Type input);

}  // namespace basalt::engine::sql
