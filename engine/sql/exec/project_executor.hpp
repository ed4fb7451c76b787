// engine/sql/exec/project_executor.hpp
#pragma once

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// Computes the output expressions over each input row.
class ProjectExecutor final : public Executor {
 public:
  ProjectExecutor(const ProjectPlan& plan, ExecutorPtr child, ExecContext& ctx)
      : plan_(plan), child_(std::move(child)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  const ProjectPlan& plan_;
  ExecutorPtr child_;
  ExecContext& ctx_;
  RowBatch in_;
};

}  // namespace basalt::engine::sql
