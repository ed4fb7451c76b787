// engine/sql/exec/table_scan_executor.hpp
#pragma once

#include "engine/sql/exec/executor.hpp"
#include "engine/storage/version_cursor.hpp"

namespace basalt::engine::sql {

// Reads rows of one table through the transaction (snapshot merged with its own
// writes), in primary-key order or through a secondary index, keeping those
// that pass the plan's filter.
class TableScanExecutor final : public Executor {
 public:
  TableScanExecutor(const TableScanPlan& plan, ExecContext& ctx);
  bool Next(RowBatch& out) override;

 private:
  bool Emit(std::string_view key, std::string_view value, RowBatch& out);
  bool NextFromIndex(RowBatch& out);

  const TableScanPlan& plan_;
  ExecContext& ctx_;
  std::unique_ptr<txn::Cursor> cursor_;
  bool point_done_ = false;
  size_t next_range_ = 0;
  Row scratch_;
};

}  // namespace basalt::engine::sql
