// engine/sql/exec/lateral_join_executor.hpp
//
// LATERAL: for each left row, rebuilds and runs the right plan with the left
// row pushed as the innermost outer row (so the right side's depth-1 outer
// column references read it). Inner and left joins only, as in PostgreSQL.
#pragma once

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

class LateralJoinExecutor final : public Executor {
 public:
  LateralJoinExecutor(const LateralJoinPlan& plan, ExecutorPtr left, ExecContext& ctx)
      : plan_(plan), left_(std::move(left)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  const LateralJoinPlan& plan_;
  ExecutorPtr left_;
  ExecContext& ctx_;
  RowBatch left_batch_;
  size_t left_pos_ = 0;
  bool left_done_ = false;
  ExecutorPtr right_;     // running for left_batch_.rows[left_pos_ - 1]
  bool matched_ = false;
  RowBatch right_batch_;
};

}  // namespace basalt::engine::sql
