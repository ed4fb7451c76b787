#include "engine/sql/exec/lateral_join_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {
namespace {

struct OuterRowGuard {
  EvalContext& ctx;
  OuterRowGuard(EvalContext& c, const Row* row) : ctx(c) { ctx.outer_rows.push_back(row); }
  ~OuterRowGuard() { ctx.outer_rows.pop_back(); }
};

}  // namespace

bool LateralJoinExecutor::Next(RowBatch& out) {
  out.Clear();
  bool keep_left = plan_.type == JoinType::kLeft;
  while (out.size() < kBatchSize) {
    if (!right_) {
      if (left_pos_ >= left_batch_.size()) {
        if (left_done_) break;
        ctx_.CheckCancel();
        if (!left_->Next(left_batch_)) {
          left_done_ = true;
          break;
        }
        left_pos_ = 0;
      }
      ++left_pos_;
      matched_ = false;
      OuterRowGuard guard(ctx_.eval, &left_batch_.rows[left_pos_ - 1]);
      right_ = BuildExecutor(*plan_.right, ctx_);
    }
    const Row& l = left_batch_.rows[left_pos_ - 1];
    bool more;
    {
      OuterRowGuard guard(ctx_.eval, &l);
      more = right_->Next(right_batch_);
    }
    if (!more) {
      right_.reset();
      if (!matched_ && keep_left) {
        Row r = l;
        r.resize(plan_.left_width + plan_.right_width);
        out.rows.push_back(std::move(r));
      }
      continue;
    }
    for (Row& rr : right_batch_.rows) {
      Row combined;
      combined.reserve(plan_.left_width + plan_.right_width);
      combined.insert(combined.end(), l.begin(), l.end());
      combined.insert(combined.end(), std::make_move_iterator(rr.begin()), std::make_move_iterator(rr.end()));
      // The predicate is bound over left ++ right at the query's own level.
      if (plan_.predicate && !EvaluatePredicate(*plan_.predicate, combined, ctx_.eval)) continue;
      matched_ = true;
      out.rows.push_back(std::move(combined));
    }
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
