#include "engine/sql/exec/system_scan_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql {

SystemScanExecutor::SystemScanExecutor(const TableScanPlan& plan, ExecContext& ctx) : plan_(plan), ctx_(ctx) {}

bool SystemScanExecutor::Next(RowBatch& out) {
  out.Clear();
  ctx_.CheckCancel();
  if (!generated_) {
    generated_ = true;
    const system::SystemRelation* rel = system::FindSystemRelation(plan_.table.oid);
    if (rel != nullptr && rel->generate != nullptr) {
      system::SystemScan scan{ctx_, plan_.table.database};
      rel->generate(scan, rows_);
    }
  }
  while (pos_ < rows_.size() && out.size() < kBatchSize) {
    Row& row = rows_[pos_++];
    if (plan_.filter && !EvaluatePredicate(*plan_.filter, row, ctx_.eval)) continue;
    out.rows.push_back(std::move(row));
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
