// engine/sql/planner/plan.hpp
//
// Physical plans are immutable data (BusTub's rule: plans are data, executors
// are state). A plan tree may be cached and executed many times, concurrently;
// executors (exec/) hold all per-execution state.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/planner/aggregate_spec.hpp"

namespace basalt::engine::sql {

enum class PlanKind {
  kTableScan, kValues, kFilter, kProject, kAggregate, kSort, kLimit, kDistinct, kNestedLoopJoin,
  // Query-engineer nodes (planner/query_plans.hpp, built by exec/query_executor_factory.cpp):
  kFunctionScan, kProjectSet, kLateralJoin, kHashJoin, kSetOp, kCteScan, kWorkTableScan, kRecursiveUnion,
  kWindow, kGroupingSets, kDistinctOn,
  kIndexJoin,  // index engineer: IndexJoinPlan (planner/index_join_plan.hpp)
};

struct PlanNode;
using PlanPtr = std::unique_ptr<PlanNode>;

struct PlanNode {
  explicit PlanNode(PlanKind k) : kind(k) {}
  virtual ~PlanNode() = default;
  PlanKind kind;
  std::vector<Type> output_types;
  PlanPtr child;  // single-input nodes
};

// Reads a table's rows in key order between two encoded keys (a point lookup
// when `point_key` is set), applying `filter` to each row.
struct TableScanPlan final : PlanNode {
  TableScanPlan() : PlanNode(PlanKind::kTableScan) {}
  catalog::TableDef table;
  std::string begin_key;                 // inclusive
  std::string end_key;                   // exclusive; empty = table end
  std::optional<std::string> point_key;  // exactly one primary key
  BoundExprPtr filter;                   // null = every row
  bool emit_key = false;                 // append the row's storage key as a last column (for DML)
  std::string alias;                     // for EXPLAIN
  // Set when the rows are read through a secondary index (catalog/index_keys.hpp)
  // instead: each [begin, end) range of index entries is read in order and
  // every entry's row fetched by its key. begin_key/end_key/point_key are then
  // unused; `filter` still applies to every fetched row.
  struct IndexRange {
    std::string begin;
    std::string end;
  };
  catalog::Oid index_oid = 0;
  std::string index_name;  // for EXPLAIN
  std::vector<IndexRange> index_ranges;
  bool uses_index() const { return index_oid != 0; }
};

// Literal rows (VALUES, or one empty row for SELECT without FROM).
struct ValuesPlan final : PlanNode {
  ValuesPlan() : PlanNode(PlanKind::kValues) {}
  std::vector<std::vector<BoundExprPtr>> rows;
};

struct FilterPlan final : PlanNode {
  FilterPlan() : PlanNode(PlanKind::kFilter) {}
  BoundExprPtr predicate;
};

struct ProjectPlan final : PlanNode {
  ProjectPlan() : PlanNode(PlanKind::kProject) {}
  std::vector<BoundExprPtr> exprs;
};

// Output: the group keys, then one column per aggregate.
struct AggregatePlan final : PlanNode {
  AggregatePlan() : PlanNode(PlanKind::kAggregate) {}
  std::vector<BoundExprPtr> group_keys;
  std::vector<AggregateSpec> aggregates;
};

struct SortKey {
  int column = 0;
  Type type;
  bool descending = false;
  bool nulls_first = false;
};

struct SortPlan final : PlanNode {
  SortPlan() : PlanNode(PlanKind::kSort) {}
  std::vector<SortKey> keys;
};

struct LimitPlan final : PlanNode {
  LimitPlan() : PlanNode(PlanKind::kLimit) {}
  BoundExprPtr limit;   // null = no limit
  BoundExprPtr offset;  // null = 0
};

// Drops duplicate rows over the first `key_columns` columns (all when -1).
struct DistinctPlan final : PlanNode {
  DistinctPlan() : PlanNode(PlanKind::kDistinct) {}
  int key_columns = -1;
};

enum class JoinType { kInner, kLeft, kRight, kFull };

// Joins every left row with every right row (the right input is materialised
// once), keeping pairs that satisfy `predicate`; outer joins add the unmatched
// rows padded with NULLs. Output: left columns, then right columns.
// TODO(lead): hash and merge joins chosen by cost (SQL-breadth issue).
struct NestedLoopJoinPlan final : PlanNode {
  NestedLoopJoinPlan() : PlanNode(PlanKind::kNestedLoopJoin) {}
  JoinType type = JoinType::kInner;
  PlanPtr right;
  BoundExprPtr predicate;  // null = cross join
  size_t left_width = 0;
  size_t right_width = 0;
};

}  // namespace basalt::engine::sql
