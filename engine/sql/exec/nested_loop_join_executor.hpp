// engine/sql/exec/nested_loop_join_executor.hpp
#pragma once

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

class NestedLoopJoinExecutor final : public Executor {
 public:
  NestedLoopJoinExecutor(const NestedLoopJoinPlan& plan, ExecutorPtr left, ExecutorPtr right, ExecContext& ctx)
      : plan_(plan), left_(std::move(left)), right_(std::move(right)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  void MaterializeRight();
  Row Combine(const Row* l, const Row* r) const;

  const NestedLoopJoinPlan& plan_;
  ExecutorPtr left_;
  ExecutorPtr right_;
  ExecContext& ctx_;
  std::vector<Row> right_rows_;
  std::vector<bool> right_matched_;
  bool right_ready_ = false;
  bool left_done_ = false;
  bool unmatched_right_emitted_ = false;
  RowBatch left_batch_;
  size_t left_pos_ = 0;
};

}  // namespace basalt::engine::sql
