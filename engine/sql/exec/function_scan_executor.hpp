// engine/sql/exec/function_scan_executor.hpp
//
// Table functions: FunctionScanExecutor runs one table function in FROM;
// ProjectSetExecutor runs the SRFs of a SELECT list in lock step (PostgreSQL
// 10+ semantics: a row per step until every SRF is exhausted, exhausted ones
// padded with NULL).
#pragma once

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

// Evaluates the call's arguments over `row` and starts it; null when a strict
// function got a NULL argument (no rows).
RowGeneratorPtr StartTableFunction(const std::vector<BoundExprPtr>& args, const TableFunctionInfo& info,
                                   const Row& row, EvalContext& ctx);

class FunctionScanExecutor final : public Executor {
 public:
  FunctionScanExecutor(const FunctionScanPlan& plan, ExecContext& ctx) : plan_(plan), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  const FunctionScanPlan& plan_;
  ExecContext& ctx_;
  RowGeneratorPtr gen_;
  bool started_ = false;
  int64_t ordinal_ = 0;
  std::vector<Value> buf_;
};

class ProjectSetExecutor final : public Executor {
 public:
  ProjectSetExecutor(const ProjectSetPlan& plan, ExecutorPtr child, ExecContext& ctx)
      : plan_(plan), child_(std::move(child)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  bool StartRow();

  const ProjectSetPlan& plan_;
  ExecutorPtr child_;
  ExecContext& ctx_;
  RowBatch in_;
  size_t pos_ = 0;
  bool row_active_ = false;
  bool child_done_ = false;
  std::vector<RowGeneratorPtr> gens_;
  std::vector<Value> buf_;
};

}  // namespace basalt::engine::sql
