// engine/sql/exec/window_executor.hpp
//
// Window functions over the whole input: rows are read into memory, then for
// each window definition an index is sorted by (PARTITION BY, ORDER BY) and
// every call on that window is computed partition by partition: ranking
// functions from peer groups, lag/lead/ntile from positions, frame-aware
// functions (aggregates, first/last/nth_value) from window_frame.hpp's
// bounds. Aggregates over frames that start at the partition's start are
// accumulated incrementally; other frames are recomputed per row. Output
// rows follow the last window's sort order, each extended by one column per
// call.
#pragma once

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

class WindowExecutor final : public Executor {
 public:
  WindowExecutor(const WindowPlan& plan, ExecutorPtr child, ExecContext& ctx)
      : plan_(plan), child_(std::move(child)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  void Compute();
  // Computes every call on window `w` into results_; leaves the sorted order in `order`.
  void ComputeWindow(size_t w, std::vector<size_t>& order);
  void ComputeCall(const WindowCall& call, const std::vector<size_t>& order, size_t begin, size_t end,
                   const std::vector<size_t>& peer_begin, const std::vector<size_t>& peer_end);

  const WindowPlan& plan_;
  ExecutorPtr child_;
  ExecContext& ctx_;
  std::vector<Row> rows_;
  std::vector<std::vector<Value>> results_;  // [call][row]
  std::vector<size_t> output_order_;
  bool computed_ = false;
  size_t next_ = 0;
};

}  // namespace basalt::engine::sql
