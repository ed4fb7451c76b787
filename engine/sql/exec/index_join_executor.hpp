// engine/sql/exec/index_join_executor.hpp
#pragma once

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/planner/index_join_plan.hpp"

namespace basalt::engine::sql {

// Runs an IndexJoinPlan: one primary-key or index probe per left row.
class IndexJoinExecutor final : public Executor {
 public:
  IndexJoinExecutor(const IndexJoinPlan& plan, ExecutorPtr left, ExecContext& ctx)
      : plan_(plan), left_(std::move(left)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  // Appends the joined rows of one left row to `out`.
  void Probe(const Row& left, RowBatch& out);
  bool EmitMatch(const Row& left, std::string_view value, RowBatch& out);

  const IndexJoinPlan& plan_;
  ExecutorPtr left_;
  ExecContext& ctx_;
  RowBatch left_batch_;
  size_t left_pos_ = 0;
  bool left_done_ = false;
  Row right_row_;
  Row combined_;
};

}  // namespace basalt::engine::sql
