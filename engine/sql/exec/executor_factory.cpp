#include "engine/sql/exec/aggregate_executor.hpp"
#include "engine/sql/exec/distinct_executor.hpp"
#include "engine/sql/exec/filter_executor.hpp"
#include "engine/sql/exec/index_join_executor.hpp"
#include "engine/sql/exec/limit_executor.hpp"
#include "engine/sql/exec/nested_loop_join_executor.hpp"
#include "engine/sql/exec/project_executor.hpp"
#include "engine/sql/exec/query_executor_factory.hpp"
#include "engine/sql/exec/sort_executor.hpp"
#include "engine/sql/exec/system_scan_executor.hpp"
#include "engine/sql/system/system_relation.hpp"
#include "engine/sql/exec/table_scan_executor.hpp"
#include "engine/sql/exec/values_executor.hpp"

namespace basalt::engine::sql {

ExecutorPtr BuildExecutor(const PlanNode& plan, ExecContext& ctx) {
  switch (plan.kind) {
    case PlanKind::kTableScan:
      if (system::IsSystemRelationOid(static_cast<const TableScanPlan&>(plan).table.oid)) {
        return std::make_unique<SystemScanExecutor>(static_cast<const TableScanPlan&>(plan), ctx);
      }
      return std::make_unique<TableScanExecutor>(static_cast<const TableScanPlan&>(plan), ctx);
    case PlanKind::kValues:
      return std::make_unique<ValuesExecutor>(static_cast<const ValuesPlan&>(plan), ctx);
    case PlanKind::kFilter:
      return std::make_unique<FilterExecutor>(static_cast<const FilterPlan&>(plan), BuildExecutor(*plan.child, ctx),
                                              ctx);
    case PlanKind::kProject:
      return std::make_unique<ProjectExecutor>(static_cast<const ProjectPlan&>(plan),
                                               BuildExecutor(*plan.child, ctx), ctx);
    case PlanKind::kAggregate:
      return std::make_unique<AggregateExecutor>(static_cast<const AggregatePlan&>(plan),
                                                 BuildExecutor(*plan.child, ctx), ctx);
    case PlanKind::kSort:
      return std::make_unique<SortExecutor>(static_cast<const SortPlan&>(plan), BuildExecutor(*plan.child, ctx), ctx);
    case PlanKind::kLimit:
      return std::make_unique<LimitExecutor>(static_cast<const LimitPlan&>(plan), BuildExecutor(*plan.child, ctx),
                                             ctx);
    case PlanKind::kDistinct:
      return std::make_unique<DistinctExecutor>(static_cast<const DistinctPlan&>(plan),
                                                BuildExecutor(*plan.child, ctx), ctx);
    case PlanKind::kNestedLoopJoin: {
      const auto& join = static_cast<const NestedLoopJoinPlan&>(plan);
      return std::make_unique<NestedLoopJoinExecutor>(join, BuildExecutor(*plan.child, ctx),
                                                      BuildExecutor(*join.right, ctx), ctx);
    }
    case PlanKind::kIndexJoin:
      return std::make_unique<IndexJoinExecutor>(static_cast<const IndexJoinPlan&>(plan),
                                                 BuildExecutor(*plan.child, ctx), ctx);
    default:
      if (ExecutorPtr e = BuildQueryExecutor(plan, ctx)) return e;
      break;
  }
  throw DbError(SqlState::kInternalError, "unknown plan node");
}

}  // namespace basalt::engine::sql
