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
  if (plan_.uses_index()) return NextFromIndex(out);
  if (!cursor_) cursor_ = ctx_.txn->Scan(storage::Cf::kRows, plan_.begin_key, plan_.end_key);
  while (cursor_->Valid() && out.size() < kBatchSize) {
    Emit(cursor_->key(), cursor_->value(), out);
    cursor_->Next();
  }
  return !out.empty();
}

// Index entries hold the row's storage key; the row itself is a point read
// (snapshot merged with own writes, like the entry), so an entry and its row
// are always read at the same snapshot.
bool TableScanExecutor::NextFromIndex(RowBatch& out) {
  while (out.size() < kBatchSize) {
    if (!cursor_ || !cursor_->Valid()) {
      if (next_range_ >= plan_.index_ranges.size()) break;
      const auto& range = plan_.index_ranges[next_range_++];
      // Entries written by this very statement (INSERT ... SELECT from the
      // same table) must not feed it again.
      cursor_ = ctx_.txn->Scan(storage::Cf::kIndexes, range.begin, range.end, txn::OwnWrites::kBeforeStatement);
      continue;
    }
    std::string row_key(cursor_->value());
    cursor_->Next();
    auto value = ctx_.txn->Get(storage::Cf::kRows, row_key);
    if (value) Emit(row_key, *value, out);
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
