// engine/sql/exec/cte_executor.hpp
//
// WITH queries at run time. A CTE's rows are produced once per statement by
// one shared producer (CteState) and buffered; each CteScan reads the buffer
// at its own pace and asks the producer for more only when it runs out, so a
// LIMIT above an endless recursive CTE stops it, as in PostgreSQL.
//
// RecursiveUnionExecutor runs the non-recursive term, then the recursive term
// repeatedly over the previous iteration's rows (its working table, read by
// WorkTableScan through ExecContext::work_tables) until an iteration yields
// nothing new. UNION (without ALL) drops rows seen before, which also ends
// cycles.
#pragma once

#include <unordered_set>

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/row_hash.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

struct CteState {
  ExecutorPtr producer;
  std::vector<Row> rows;
  bool done = false;
};

class CteScanExecutor final : public Executor {
 public:
  CteScanExecutor(const CteScanPlan& plan, ExecContext& ctx) : plan_(plan), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  const CteScanPlan& plan_;
  ExecContext& ctx_;
  std::shared_ptr<CteState> state_;
  size_t pos_ = 0;
};

class WorkTableScanExecutor final : public Executor {
 public:
  WorkTableScanExecutor(const WorkTableScanPlan& plan, ExecContext& ctx) : plan_(plan), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  const WorkTableScanPlan& plan_;
  ExecContext& ctx_;
  size_t pos_ = 0;
};

class RecursiveUnionExecutor final : public Executor {
 public:
  RecursiveUnionExecutor(const RecursiveUnionPlan& plan, ExecutorPtr seed, ExecContext& ctx);
  ~RecursiveUnionExecutor() override;
  bool Next(RowBatch& out) override;

 private:
  // Keeps `row` if new (UNION) and records it for the next iteration.
  void Offer(Row row);

  const RecursiveUnionPlan& plan_;
  ExecutorPtr current_;  // the seed, then the running iteration
  ExecContext& ctx_;
  std::vector<Row> working_;  // rows of the previous iteration
  std::vector<Row> next_;     // rows of the running iteration
  std::vector<Row> pending_;  // produced, not yet returned
  size_t pending_pos_ = 0;
  std::unordered_set<Row, RowKeyHash, RowKeyEqual> seen_;
  bool in_seed_ = true;
  bool done_ = false;
};

}  // namespace basalt::engine::sql
