#include "engine/sql/exec/query_executor_factory.hpp"

#include "engine/sql/exec/cte_executor.hpp"
#include "engine/sql/exec/distinct_on_executor.hpp"
#include "engine/sql/exec/function_scan_executor.hpp"
#include "engine/sql/exec/grouping_sets_executor.hpp"
#include "engine/sql/exec/hash_join_executor.hpp"
#include "engine/sql/exec/lateral_join_executor.hpp"
#include "engine/sql/exec/set_op_executor.hpp"
#include "engine/sql/exec/window_executor.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

ExecutorPtr BuildQueryExecutor(const PlanNode& plan, ExecContext& ctx) {
  switch (plan.kind) {
    case PlanKind::kFunctionScan:
      return std::make_unique<FunctionScanExecutor>(static_cast<const FunctionScanPlan&>(plan), ctx);
    case PlanKind::kProjectSet:
      return std::make_unique<ProjectSetExecutor>(static_cast<const ProjectSetPlan&>(plan),
                                                  BuildExecutor(*plan.child, ctx), ctx);
    case PlanKind::kLateralJoin:
      return std::make_unique<LateralJoinExecutor>(static_cast<const LateralJoinPlan&>(plan),
                                                   BuildExecutor(*plan.child, ctx), ctx);
    case PlanKind::kHashJoin: {
      const auto& join = static_cast<const HashJoinPlan&>(plan);
      return std::make_unique<HashJoinExecutor>(join, BuildExecutor(*plan.child, ctx), BuildExecutor(*join.right, ctx),
                                                ctx);
    }
    case PlanKind::kSetOp: {
      const auto& op = static_cast<const SetOpPlan&>(plan);
      return std::make_unique<SetOpExecutor>(op, BuildExecutor(*plan.child, ctx), BuildExecutor(*op.right, ctx), ctx);
    }
    case PlanKind::kCteScan:
      return std::make_unique<CteScanExecutor>(static_cast<const CteScanPlan&>(plan), ctx);
    case PlanKind::kWorkTableScan:
      return std::make_unique<WorkTableScanExecutor>(static_cast<const WorkTableScanPlan&>(plan), ctx);
    case PlanKind::kRecursiveUnion:
      return std::make_unique<RecursiveUnionExecutor>(static_cast<const RecursiveUnionPlan&>(plan),
                                                      BuildExecutor(*plan.child, ctx), ctx);
    case PlanKind::kWindow:
      return std::make_unique<WindowExecutor>(static_cast<const WindowPlan&>(plan), BuildExecutor(*plan.child, ctx),
                                              ctx);
    case PlanKind::kDistinctOn:
      return std::make_unique<DistinctOnExecutor>(static_cast<const DistinctOnPlan&>(plan),
                                                  BuildExecutor(*plan.child, ctx), ctx);
    case PlanKind::kGroupingSets:
      return std::make_unique<GroupingSetsExecutor>(static_cast<const GroupingSetsPlan&>(plan),
                                                    BuildExecutor(*plan.child, ctx), ctx);
    default:
      return nullptr;
  }
}

}  // namespace basalt::engine::sql
