// engine/sql/exec/aggregate_executor.hpp
#pragma once

#include <unordered_map>

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/row_hash.hpp"
#include "engine/sql/functions/aggregate_state.hpp"

namespace basalt::engine::sql {

// Hash aggregation: GROUP BY keys -> aggregate states. Without GROUP BY there
// is exactly one group, even over empty input (count(*) = 0).
// TODO(lead): spill beyond work_mem (SQL-breadth issue).
class AggregateExecutor final : public Executor {
 public:
  AggregateExecutor(const AggregatePlan& plan, ExecutorPtr child, ExecContext& ctx);
  bool Next(RowBatch& out) override;

 private:
  void Consume();
  std::vector<AggState> NewStates() const;

  const AggregatePlan& plan_;
  ExecutorPtr child_;
  ExecContext& ctx_;
  std::vector<Type> key_types_;
  std::unordered_map<Row, size_t, RowKeyHash, RowKeyEqual> groups_;
  std::vector<Row> group_keys_;
  std::vector<std::vector<AggState>> states_;
  bool consumed_ = false;
  size_t next_ = 0;
};

}  // namespace basalt::engine::sql
