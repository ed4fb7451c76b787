// engine/sql/exec/query_executor_factory.hpp
//
// Builds executors for the plan nodes of planner/query_plans.hpp (table
// functions, LATERAL and hash joins, set operations, CTEs, windows). Called by
// BuildExecutor for every kind it does not know itself.
#pragma once

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// Null when `plan` is not one of the query-breadth kinds.
ExecutorPtr BuildQueryExecutor(const PlanNode& plan, ExecContext& ctx);

}  // namespace basalt::engine::sql
