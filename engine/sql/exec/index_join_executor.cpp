#include "engine/sql/exec/index_join_executor.hpp"

#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/row_codec.hpp"
#include "engine/sql/exec/expr_eval.hpp"
#include "engine/storage/key_encoder.hpp"

namespace basalt::engine::sql {

bool IndexJoinExecutor::EmitMatch(const Row& left, std::string_view value, RowBatch& out) {
  const TableScanPlan& inner = *plan_.inner;
  catalog::DecodeRowValue(inner.table, value, right_row_);
  if (inner.filter && !EvaluatePredicate(*inner.filter, right_row_, ctx_.eval)) return false;
  combined_.assign(left.begin(), left.end());
  combined_.insert(combined_.end(), right_row_.begin(), right_row_.end());
  if (plan_.residual && !EvaluatePredicate(*plan_.residual, combined_, ctx_.eval)) return false;
  out.rows.push_back(combined_);
  return true;
}

void IndexJoinExecutor::Probe(const Row& left, RowBatch& out) {
  const TableScanPlan& inner = *plan_.inner;
  bool matched = false;
  bool null_key = false;
  std::string key = inner.index_oid ? catalog::IndexKeyPrefix(inner.index_oid) : catalog::RowKeyPrefix(inner.table.oid);
  for (size_t i = 0; i < plan_.left_keys.size() && !null_key; ++i) {
    Value v = Evaluate(*plan_.left_keys[i], left, ctx_.eval);
    if (v.is_null()) {
      null_key = true;  // = never matches NULL
    } else if (inner.index_oid) {
      catalog::AppendIndexKeyValue(key, v, plan_.key_types[i], plan_.key_descending[i], plan_.key_nulls_first[i]);
    } else {
      catalog::AppendKeyValue(key, v, plan_.key_types[i]);
    }
  }
  if (!null_key) {
    if (!inner.index_oid && plan_.left_keys.size() == inner.table.primary_key.size()) {
      auto value = ctx_.txn->Get(storage::Cf::kRows, key);
      if (value) matched = EmitMatch(left, *value, out);
    } else {
      std::string end = storage::PrefixSuccessor(key);
      storage::Cf cf = inner.index_oid ? storage::Cf::kIndexes : storage::Cf::kRows;
      for (auto cur = ctx_.txn->Scan(cf, key, end); cur->Valid(); cur->Next()) {
        if (inner.index_oid) {
          std::string row_key(cur->value());
          auto value = ctx_.txn->Get(storage::Cf::kRows, row_key);
          if (value && EmitMatch(left, *value, out)) matched = true;
        } else if (EmitMatch(left, cur->value(), out)) {
          matched = true;
        }
      }
    }
  }
  if (!matched && plan_.type == JoinType::kLeft) {
    Row padded(left.begin(), left.end());
    padded.resize(plan_.left_width + plan_.right_width);
    out.rows.push_back(std::move(padded));
  }
}

bool IndexJoinExecutor::Next(RowBatch& out) {
  out.Clear();
  while (out.size() < kBatchSize) {
    if (left_pos_ >= left_batch_.size()) {
      if (left_done_) break;
      ctx_.CheckCancel();
      if (!left_->Next(left_batch_)) {
        left_done_ = true;
        break;
      }
      left_pos_ = 0;
      continue;
    }
    Probe(left_batch_.rows[left_pos_++], out);
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
