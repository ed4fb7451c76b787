// engine/sql/exec/filter_executor.hpp
#pragma once

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// Keeps the rows for which the predicate is TRUE.
class FilterExecutor final : public Executor {
 public:
  FilterExecutor(const FilterPlan& plan, ExecutorPtr child, ExecContext& ctx)
      : plan_(plan), child_(std::move(child)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  const FilterPlan& plan_;
  ExecutorPtr child_;
  ExecContext& ctx_;
  RowBatch in_;
};

}  // namespace basalt::engine::sql
