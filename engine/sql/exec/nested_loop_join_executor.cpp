#include "engine/sql/exec/nested_loop_join_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

void NestedLoopJoinExecutor::MaterializeRight() {
  RowBatch b;
  while (right_->Next(b)) {
    ctx_.CheckCancel();
    for (Row& r : b.rows) right_rows_.push_back(std::move(r));
  }
  right_matched_.assign(right_rows_.size(), false);
  right_ready_ = true;
}

Row NestedLoopJoinExecutor::Combine(const Row* l, const Row* r) const {
  Row out;
  out.reserve(plan_.left_width + plan_.right_width);
  if (l) {
    out.insert(out.end(), l->begin(), l->end());
  } else {
    out.resize(plan_.left_width);
  }
  if (r) {
    out.insert(out.end(), r->begin(), r->end());
  } else {
    out.resize(plan_.left_width + plan_.right_width);
  }
  return out;
}

bool NestedLoopJoinExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!right_ready_) MaterializeRight();
  bool keep_left = plan_.type == JoinType::kLeft || plan_.type == JoinType::kFull;
  bool keep_right = plan_.type == JoinType::kRight || plan_.type == JoinType::kFull;
  while (out.size() < kBatchSize) {
    if (left_pos_ >= left_batch_.size()) {
      if (left_done_) break;
      ctx_.CheckCancel();
      if (!left_->Next(left_batch_)) {
        left_done_ = true;
        left_batch_.Clear();
        break;
      }
      left_pos_ = 0;
    }
    const Row& l = left_batch_.rows[left_pos_++];
    bool matched = false;
    for (size_t i = 0; i < right_rows_.size(); ++i) {
      Row combined = Combine(&l, &right_rows_[i]);
      if (plan_.predicate && !EvaluatePredicate(*plan_.predicate, combined, ctx_.eval)) continue;
      matched = true;
      right_matched_[i] = true;
      out.rows.push_back(std::move(combined));
    }
    if (!matched && keep_left) out.rows.push_back(Combine(&l, nullptr));
  }
  if (left_done_ && keep_right && !unmatched_right_emitted_ && out.size() < kBatchSize) {
    for (size_t i = 0; i < right_rows_.size(); ++i) {
      if (!right_matched_[i]) out.rows.push_back(Combine(nullptr, &right_rows_[i]));
    }
    unmatched_right_emitted_ = true;
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
