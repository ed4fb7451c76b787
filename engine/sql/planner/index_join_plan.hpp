// engine/sql/planner/index_join_plan.hpp
//
// Index nested-loop join: for each left row, the join keys are evaluated and
// the right table is probed through its primary key or a secondary index whose
// leading key columns the keys fix, instead of reading the whole right table.
// Output: left columns, then right columns (as every join).
#pragma once

#include "engine/sql/planner/plan.hpp"

namespace basalt::engine::sql {

struct IndexJoinPlan final : PlanNode {
  IndexJoinPlan() : PlanNode(PlanKind::kIndexJoin) {}
  JoinType type = JoinType::kInner;  // kInner or kLeft
  // The right table, its own filter (over its columns) and, when index_oid is
  // set, the index probed; index_oid 0 probes the primary key. Its key ranges
  // are unused.
  std::unique_ptr<TableScanPlan> inner;
  // One expression over the left row per leading key column probed.
  std::vector<BoundExprPtr> left_keys;
  std::vector<TypeId> key_types;
  std::vector<bool> key_descending;
  std::vector<bool> key_nulls_first;
  BoundExprPtr residual;  // over left ++ right; null = none
  size_t left_width = 0;
  size_t right_width = 0;
};

}  // namespace basalt::engine::sql
