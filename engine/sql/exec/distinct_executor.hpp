// engine/sql/exec/distinct_executor.hpp
#pragma once

#include <unordered_set>

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/row_hash.hpp"

namespace basalt::engine::sql {

// SELECT DISTINCT: passes each row whose key columns were not seen before.
class DistinctExecutor final : public Executor {
 public:
  DistinctExecutor(const DistinctPlan& plan, ExecutorPtr child, ExecContext& ctx);
  bool Next(RowBatch& out) override;

 private:
  ExecutorPtr child_;
  std::unordered_set<Row, RowKeyHash, RowKeyEqual> seen_;
  RowBatch in_;
};

}  // namespace basalt::engine::sql
