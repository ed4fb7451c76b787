// engine/sql/exec/limit_executor.hpp
#pragma once

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// LIMIT / OFFSET. Stops pulling from its child once the limit is reached.
class LimitExecutor final : public Executor {
 public:
  LimitExecutor(const LimitPlan& plan, ExecutorPtr child, ExecContext& ctx);
  bool Next(RowBatch& out) override;

 private:
  ExecutorPtr child_;
  int64_t limit_ = -1;  // -1 = none
  int64_t to_skip_ = 0;
  int64_t emitted_ = 0;
  RowBatch in_;
};

}  // namespace basalt::engine::sql
