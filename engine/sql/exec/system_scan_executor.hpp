// engine/sql/exec/system_scan_executor.hpp
//
// Scans a pg_catalog / information_schema relation: on the first Next() the
// relation's generator builds its rows from the catalog as the statement's
// transaction sees it (engine/sql/system/); then rows pass the plan's filter
// and leave in batches, like a TableScanExecutor's.
#pragma once

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

class SystemScanExecutor final : public Executor {
 public:
  SystemScanExecutor(const TableScanPlan& plan, ExecContext& ctx);
  bool Next(RowBatch& out) override;

 private:
  const TableScanPlan& plan_;
  ExecContext& ctx_;
  std::vector<Row> rows_;
  size_t pos_ = 0;
  bool generated_ = false;
};

}  // namespace basalt::engine::sql
