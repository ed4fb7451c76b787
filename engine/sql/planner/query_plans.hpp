// engine/sql/planner/query_plans.hpp
//
// Plan nodes for the query-breadth features: table functions in FROM and in
// the SELECT list, LATERAL joins, hash joins, set operations, CTEs (shared and
// recursive), window functions and grouping sets. Like every plan they are
// immutable data; exec/query_executor_factory.cpp builds their executors.
//
// Column conventions: joins output the left columns then the right columns;
// ProjectSet outputs its input columns then one column per SRF.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/sql/exec/window_frame.hpp"
#include "engine/sql/functions/table_functions.hpp"
#include "engine/sql/planner/aggregate_spec.hpp"
#include "engine/sql/planner/plan.hpp"

namespace basalt::engine::sql {

// A table function in FROM. `args` are evaluated once per execution over an
// empty row; LATERAL references reach the current left row as outer columns
// (depth 1), which LateralJoinExecutor pushes.
struct FunctionScanPlan final : PlanNode {
  FunctionScanPlan() : PlanNode(PlanKind::kFunctionScan) {}
  std::string name;
  std::vector<BoundExprPtr> args;
  TableFunctionInfo info;
  bool ordinality = false;  // WITH ORDINALITY: a trailing bigint column, 1-based
};

// One set-returning call in a SELECT list.
struct SrfCall {
  std::string name;
  std::vector<BoundExprPtr> args;  // over the ProjectSet's input row
  TableFunctionInfo info;
};

// PostgreSQL's ProjectSet: for each input row, runs every SRF in lock step
// until all are exhausted; exhausted ones yield NULL.
struct ProjectSetPlan final : PlanNode {
  ProjectSetPlan() : PlanNode(PlanKind::kProjectSet) {}
  std::vector<SrfCall> srfs;
  size_t input_width = 0;
};

// A nested loop that re-runs `right` for each left row, with the left row
// visible to `right` as the innermost outer row (LATERAL). Inner or left join.
struct LateralJoinPlan final : PlanNode {
  LateralJoinPlan() : PlanNode(PlanKind::kLateralJoin) {}
  JoinType type = JoinType::kInner;
  PlanPtr right;
  BoundExprPtr predicate;  // over left ++ right; null = none
  size_t left_width = 0;
  size_t right_width = 0;
};

// Equi-join: builds a hash table on the right input's keys, probes with the
// left's. `residual` filters matched pairs (over left ++ right). NULL keys
// never match. Output: left columns, then right columns.
struct HashJoinPlan final : PlanNode {
  HashJoinPlan() : PlanNode(PlanKind::kHashJoin) {}
  JoinType type = JoinType::kInner;
  PlanPtr right;
  std::vector<BoundExprPtr> left_keys;   // over the left row
  std::vector<BoundExprPtr> right_keys;  // over the right row, same types as left_keys
  std::vector<Type> key_types;
  BoundExprPtr residual;
  size_t left_width = 0;
  size_t right_width = 0;
};

enum class SetOpType { kUnion, kIntersect, kExcept };

// UNION / INTERSECT / EXCEPT [ALL] of `child` (left) and `right`, whose
// columns are already coerced to `output_types`.
struct SetOpPlan final : PlanNode {
  SetOpPlan() : PlanNode(PlanKind::kSetOp) {}
  SetOpType op = SetOpType::kUnion;
  bool all = false;
  PlanPtr right;
};

// The result of one WITH query, computed at most once per statement execution
// and shared by all its references (CteScanPlan with the same `cte_id`).
struct CteDefinition {
  int cte_id = 0;
  std::shared_ptr<const PlanNode> plan;
};

struct CteScanPlan final : PlanNode {
  CteScanPlan() : PlanNode(PlanKind::kCteScan) {}
  std::shared_ptr<const CteDefinition> cte;
  std::string name;
};

// WITH RECURSIVE: `child` is the non-recursive term, `right` the recursive
// term, whose WorkTableScan (same `cte_id`) reads the previous iteration's rows.
// UNION (not ALL) discards rows already produced, which also ends cycles.
struct RecursiveUnionPlan final : PlanNode {
  RecursiveUnionPlan() : PlanNode(PlanKind::kRecursiveUnion) {}
  int cte_id = 0;
  bool all = false;
  PlanPtr right;
};

struct WorkTableScanPlan final : PlanNode {
  WorkTableScanPlan() : PlanNode(PlanKind::kWorkTableScan) {}
  int cte_id = 0;
};

enum class WindowFuncKind {
  kRowNumber, kRank, kDenseRank, kPercentRank, kCumeDist, kNtile,
  kLag, kLead, kFirstValue, kLastValue, kNthValue, kAggregate,
};

// One window (PARTITION BY / ORDER BY / frame) shared by calls with the same
// definition. Expressions are over the WindowPlan's input row.
struct WindowDefinition {
  std::vector<BoundExprPtr> partition;
  std::vector<BoundExprPtr> order;
  std::vector<SortKey> order_keys;  // column = index into `order`; direction and NULL order
  FrameSpec frame;
};

struct WindowCall {
  WindowFuncKind kind = WindowFuncKind::kRowNumber;
  std::string name;
  std::vector<BoundExprPtr> args;  // over the input row
  AggregateSpec aggregate;          // kAggregate
  size_t window = 0;                // index into WindowPlan::windows
  Type type;
};

// Window functions: reads all input rows, evaluates each call over its
// window and outputs every input row followed by one column per call.
struct WindowPlan final : PlanNode {
  WindowPlan() : PlanNode(PlanKind::kWindow) {}
  std::vector<WindowDefinition> windows;
  std::vector<WindowCall> calls;
  size_t input_width = 0;
};

// SELECT DISTINCT ON (...): keeps the first row (in input order, which the
// binder sorts) of each group of rows equal on `key_columns`.
struct DistinctOnPlan final : PlanNode {
  DistinctOnPlan() : PlanNode(PlanKind::kDistinctOn) {}
  std::vector<int> key_columns;
  std::vector<Type> key_types;
};

// GROUP BY GROUPING SETS / ROLLUP / CUBE: the input is aggregated once per
// set. Output: every group key (NULL where the set does not group by it),
// then the set's number (what grouping() reads), then the aggregates.
struct GroupingSetsPlan final : PlanNode {
  GroupingSetsPlan() : PlanNode(PlanKind::kGroupingSets) {}
  std::vector<BoundExprPtr> keys;      // over the input row
  std::vector<std::vector<int>> sets;  // indexes into `keys`, per set
  std::vector<AggregateSpec> aggregates;
};

}  // namespace basalt::engine::sql
