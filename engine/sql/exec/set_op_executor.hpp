// engine/sql/exec/set_op_executor.hpp
//
// UNION / INTERSECT / EXCEPT [ALL] with SQL's duplicate semantics (rows are
// equal when every column is equal or both NULL). UNION ALL streams both
// inputs; UNION streams the inputs through a set of rows already returned;
// INTERSECT and EXCEPT count the right input's rows in a hash table first,
// then stream the left input against it (ALL: min(l, r) / max(l - r, 0)
// copies; otherwise each distinct row once).
#pragma once

#include <unordered_map>
#include <unordered_set>

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/row_hash.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

class SetOpExecutor final : public Executor {
 public:
  SetOpExecutor(const SetOpPlan& plan, ExecutorPtr left, ExecutorPtr right, ExecContext& ctx);
  bool Next(RowBatch& out) override;

 private:
  void BuildRight();

  const SetOpPlan& plan_;
  ExecutorPtr left_;
  ExecutorPtr right_;
  ExecContext& ctx_;
  bool left_done_ = false;
  bool right_built_ = false;
  std::unordered_set<Row, RowKeyHash, RowKeyEqual> emitted_;
  std::unordered_map<Row, int64_t, RowKeyHash, RowKeyEqual> right_counts_;
  RowBatch in_;
};

}  // namespace basalt::engine::sql
