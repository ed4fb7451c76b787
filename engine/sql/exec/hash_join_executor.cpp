#include "engine/sql/exec/hash_join_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

bool HashJoinExecutor::Key(const std::vector<BoundExprPtr>& exprs, const Row& row, Row& key) {
  key.resize(exprs.size());
  for (size_t i = 0; i < exprs.size(); ++i) {
    key[i] = Evaluate(*exprs[i], row, ctx_.eval);
    if (key[i].is_null()) return false;
  }
  return true;
}

void HashJoinExecutor::Build() {
  RowBatch b;
  Row key;
  while (right_->Next(b)) {
    ctx_.CheckCancel();
    for (Row& r : b.rows) {
      if (Key(plan_.right_keys, r, key)) table_.Insert(key, right_rows_.size());
      right_rows_.push_back(std::move(r));
    }
  }
  right_matched_.assign(right_rows_.size(), false);
  built_ = true;
}

bool HashJoinExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!built_) Build();
  bool keep_left = plan_.type == JoinType::kLeft || plan_.type == JoinType::kFull;
  bool keep_right = plan_.type == JoinType::kRight || plan_.type == JoinType::kFull;
  size_t width = plan_.left_width + plan_.right_width;
  while (out.empty() && !left_done_) {
    ctx_.CheckCancel();
    if (!left_->Next(left_batch_)) {
      left_done_ = true;
      break;
    }
    for (Row& l : left_batch_.rows) {
      bool matched = false;
      const std::vector<size_t>* hits = Key(plan_.left_keys, l, key_) ? table_.Find(key_) : nullptr;
      if (hits != nullptr) {
        for (size_t idx : *hits) {
          Row combined;
          combined.reserve(width);
          combined.insert(combined.end(), l.begin(), l.end());
          combined.insert(combined.end(), right_rows_[idx].begin(), right_rows_[idx].end());
          if (plan_.residual && !EvaluatePredicate(*plan_.residual, combined, ctx_.eval)) continue;
          matched = true;
          right_matched_[idx] = true;
          out.rows.push_back(std::move(combined));
        }
      }
      if (!matched && keep_left) {
        l.resize(width);
        out.rows.push_back(std::move(l));
      }
    }
  }
  if (left_done_ && keep_right && !right_emitted_ && out.empty()) {
    right_emitted_ = true;
    for (size_t i = 0; i < right_rows_.size(); ++i) {
      if (right_matched_[i]) continue;
      Row r(plan_.left_width);
      r.insert(r.end(), right_rows_[i].begin(), right_rows_[i].end());
      out.rows.push_back(std::move(r));
    }
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
