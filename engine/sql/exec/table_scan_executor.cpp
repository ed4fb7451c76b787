#include "engine/sql/exec/table_scan_executor.hpp"

#include "engine/catalog/row_codec.hpp"
#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

TableScanExecutor::TableScanExecutor(const TableScanPlan& plan, ExecContext& ctx) : plan_(plan), ctx_(ctx) {}

bool TableScanExecutor::Emit(std::string_view key, std::string_view value, RowBatch& out) {
  catalog::DecodeRowValue(plan_.table, value, scratch_);
  if (plan_.filter && !EvaluatePredicate(*plan_.filter, scratch_, ctx_.eval)) return false;
  Row& row = out.rows.emplace_back(scratch_);
  if (plan_.emit_key) row.push_back(Value::String(key));
  return true;
}

bool TableScanExecutor::Next(RowBatch& out) {
  out.Clear();
  ctx_.CheckCancel();
  if (plan_.point_key) {
    if (point_done_) return false;
    point_done_ = true;
    auto value = ctx_.txn->Get(storage::Cf::kRows, *plan_.point_key);
    if (value) Emit(*plan_.point_key, *value, out);
    return !out.empty();
  }
  if (!cursor_) cursor_ = ctx_.txn->Scan(storage::Cf::kRows, plan_.begin_key, plan_.end_key);
  while (cursor_->Valid() && out.size() < kBatchSize) {
    Emit(cursor_->key(), cursor_->value(), out);
    cursor_->Next();
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
