// engine/sql/exec/executor.hpp
//
// Executors pull batches of rows from their children (the Volcano model, a
// batch at a time so per-row virtual calls are amortised). Next() fills `out`
// with up to kBatchSize rows and returns false once the input is exhausted and
// `out` is empty.
#pragma once

#include <memory>
#include <vector>

#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/planner/plan.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

using Row = std::vector<Value>;

inline constexpr size_t kBatchSize = 1024;

struct RowBatch {
  std::vector<Row> rows;
  void Clear() { rows.clear(); }
  bool empty() const { return rows.empty(); }
  size_t size() const { return rows.size(); }
};

class Executor {
 public:
  virtual ~Executor() = default;
  virtual bool Next(RowBatch& out) = 0;
};

using ExecutorPtr = std::unique_ptr<Executor>;

// Builds the executor tree for `plan`. The plan must outlive the executors.
ExecutorPtr BuildExecutor(const PlanNode& plan, ExecContext& ctx);

}  // namespace basalt::engine::sql
