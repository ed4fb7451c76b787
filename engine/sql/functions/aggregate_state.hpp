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
};

// Folds one input value (already evaluated, may be NULL) into the state.
void AggUpdate(const AggregateSpec& spec, AggState& state, const Value& v);
// The aggregate's result for the group.
Value AggFinal(const AggregateSpec& spec, const AggState& state);

// The result type of aggregate `name` over `input` (PostgreSQL's rules:
// sum(int4) is bigint, avg(int) is numeric, ...), or nullopt if it does not apply.
std::optional<Type> AggResultType(AggKind kind, Type input);

}  // namespace basalt::engine::sql
