// engine/sql/exec/grouping_sets_executor.hpp
//
// GROUPING SETS: reads the input once into memory, then hash-aggregates it
// once per grouping set (an empty set yields one row even for no input, like
// a plain aggregate). Each output row: all keys, NULL where the set does not
// group by them, the set's number, then the aggregates.
#pragma once

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

class GroupingSetsExecutor final : public Executor {
 public:
  GroupingSetsExecutor(const GroupingSetsPlan& plan, ExecutorPtr child, ExecContext& ctx)
      : plan_(plan), child_(std::move(child)), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  void Compute();

  const GroupingSetsPlan& plan_;
  ExecutorPtr child_;
  ExecContext& ctx_;
  std::vector<Row> out_rows_;
  bool computed_ = false;
  size_t next_ = 0;
};

}  // namespace basalt::engine::sql
