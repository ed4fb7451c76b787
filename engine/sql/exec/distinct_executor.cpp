#include "engine/sql/exec/distinct_executor.hpp"

namespace basalt::engine::sql {

DistinctExecutor::DistinctExecutor(const DistinctPlan& plan, ExecutorPtr child, ExecContext& ctx)
    : child_(std::move(child)),
      seen_(64,
            RowKeyHash{&plan.output_types,
                       plan.key_columns < 0 ? plan.output_types.size() : static_cast<size_t>(plan.key_columns)},
            RowKeyEqual{&plan.output_types,
                        plan.key_columns < 0 ? plan.output_types.size() : static_cast<size_t>(plan.key_columns)}) {}

bool DistinctExecutor::Next(RowBatch& out) {
  out.Clear();
  while (out.empty()) {
    if (!child_->Next(in_)) return false;
    for (Row& row : in_.rows) {
      if (seen_.insert(row).second) out.rows.push_back(std::move(row));
    }
  }
  return true;
}

}  // namespace basalt::engine::sql
