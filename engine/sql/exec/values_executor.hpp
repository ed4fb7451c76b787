// engine/sql/exec/values_executor.hpp
#pragma once

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// Produces literal rows (VALUES lists; one empty row for SELECT without FROM).
class ValuesExecutor final : public Executor {
 public:
  ValuesExecutor(const ValuesPlan& plan, ExecContext& ctx) : plan_(plan), ctx_(ctx) {}
  bool Next(RowBatch& out) override;

 private:
  const ValuesPlan& plan_;
  ExecContext& ctx_;
  size_t next_ = 0;
};

}  // namespace basalt::engine::sql
