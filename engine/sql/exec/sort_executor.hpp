// engine/sql/exec/sort_executor.hpp
#pragma once

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// ORDER BY: reads its whole input, sorts it stably, then streams it out.
// TODO(lead): spill to disk beyond work_mem (SQL-breadth issue).
class SortExecutor final : public Executor {
 public:
  SortExecutor(const SortPlan& plan, ExecutorPtr child, ExecContext& ctx)
      : plan_(plan), child_(std::move(child)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  const SortPlan& plan_;
  ExecutorPtr child_;
  ExecContext& ctx_;
  std::vector<Row> rows_;
  bool sorted_ = false;
  size_t next_ = 0;
};

// Compares two rows by sort keys; negative/zero/positive like strcmp.
int CompareRows(const Row& a, const Row& b, const std::vector<SortKey>& keys);

}  // namespace basalt::engine::sql
