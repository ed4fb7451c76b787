#include "engine/sql/exec/limit_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

LimitExecutor::LimitExecutor(const LimitPlan& plan, ExecutorPtr child, ExecContext& ctx) : child_(std::move(child)) {
  static const Row kEmpty;
  if (plan.limit) {
    Value v = Evaluate(*plan.limit, kEmpty, ctx.eval);
    if (!v.is_null()) {
      if (v.as_int() < 0) throw DbError(SqlState::kInvalidRowCountInLimitClause, "LIMIT must not be negative");
      limit_ = v.as_int();
    }
  }
  if (plan.offset) {
    Value v = Evaluate(*plan.offset, kEmpty, ctx.eval);
    if (!v.is_null()) {
      if (v.as_int() < 0) {
        throw DbError(SqlState::kInvalidRowCountInResultOffsetClause, "OFFSET must not be negative");
      }
      to_skip_ = v.as_int();
    }
  }
}

bool LimitExecutor::Next(RowBatch& out) {
  out.Clear();
  while (out.empty()) {
    if (limit_ >= 0 && emitted_ >= limit_) return false;
    if (!child_->Next(in_)) return false;
    for (Row& row : in_.rows) {
      if (to_skip_ > 0) {
        --to_skip_;
        continue;
      }
      if (limit_ >= 0 && emitted_ >= limit_) break;
      out.rows.push_back(std::move(row));
      ++emitted_;
    }
  }
  return true;
}

}  // namespace basalt::engine::sql
