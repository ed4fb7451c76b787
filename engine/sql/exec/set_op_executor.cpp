#include "engine/sql/exec/set_op_executor.hpp"

namespace basalt::engine::sql {

SetOpExecutor::SetOpExecutor(const SetOpPlan& plan, ExecutorPtr left, ExecutorPtr right, ExecContext& ctx)
    : plan_(plan),
      left_(std::move(left)),
      right_(std::move(right)),
      ctx_(ctx),
      emitted_(16, RowKeyHash{&plan.output_types, plan.output_types.size()},
               RowKeyEqual{&plan.output_types, plan.output_types.size()}),
      right_counts_(16, RowKeyHash{&plan.output_types, plan.output_types.size()},
                    RowKeyEqual{&plan.output_types, plan.output_types.size()}) {}

void SetOpExecutor::BuildRight() {
  RowBatch b;
  while (right_->Next(b)) {
    ctx_.CheckCancel();
    for (Row& r : b.rows) ++right_counts_[std::move(r)];
  }
  right_built_ = true;
}

bool SetOpExecutor::Next(RowBatch& out) {
  out.Clear();
  if (plan_.op == SetOpType::kUnion) {
    while (out.empty()) {
      ctx_.CheckCancel();
      Executor* src = left_done_ ? right_.get() : left_.get();
      if (!src->Next(in_)) {
        if (left_done_) return false;
        left_done_ = true;
        continue;
      }
      if (plan_.all) {
        out.rows = std::move(in_.rows);
        in_.rows.clear();
        return true;
      }
      for (Row& r : in_.rows) {
        if (emitted_.insert(r).second) out.rows.push_back(std::move(r));
      }
    }
    return true;
  }
  if (!right_built_) BuildRight();
  bool intersect = plan_.op == SetOpType::kIntersect;
  while (out.empty()) {
    ctx_.CheckCancel();
    if (!left_->Next(in_)) return false;
    for (Row& r : in_.rows) {
      auto it = right_counts_.find(r);
      bool in_right = it != right_counts_.end() && it->second > 0;
      if (plan_.all) {
        if (in_right) --it->second;
        if (in_right == intersect) out.rows.push_back(std::move(r));
      } else if (in_right == intersect && emitted_.insert(r).second) {
        out.rows.push_back(std::move(r));
      }
    }
  }
  return true;
}

}  // namespace basalt::engine::sql
