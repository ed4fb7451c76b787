#include "engine/sql/exec/cte_executor.hpp"

namespace basalt::engine::sql {

bool CteScanExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!state_) {
    auto& slot = ctx_.cte_states[plan_.cte->cte_id];
    if (!slot) {
      slot = std::make_shared<CteState>();
      slot->producer = BuildExecutor(*plan_.cte->plan, ctx_);
    }
    state_ = slot;
  }
  while (out.size() < kBatchSize) {
    if (pos_ >= state_->rows.size()) {
      if (state_->done) break;
      ctx_.CheckCancel();
      RowBatch more;
      if (!state_->producer->Next(more)) {
        state_->done = true;
        state_->producer.reset();
        break;
      }
      for (Row& r : more.rows) state_->rows.push_back(std::move(r));
      continue;
    }
    out.rows.push_back(state_->rows[pos_++]);
  }
  return !out.empty();
}

bool WorkTableScanExecutor::Next(RowBatch& out) {
  out.Clear();
  auto it = ctx_.work_tables.find(plan_.cte_id);
  if (it == ctx_.work_tables.end() || it->second == nullptr) return false;
  const std::vector<Row>& rows = *it->second;
  while (pos_ < rows.size() && out.size() < kBatchSize) out.rows.push_back(rows[pos_++]);
  return !out.empty();
}

RecursiveUnionExecutor::RecursiveUnionExecutor(const RecursiveUnionPlan& plan, ExecutorPtr seed, ExecContext& ctx)
    : plan_(plan),
      current_(std::move(seed)),
      ctx_(ctx),
      seen_(16, RowKeyHash{&plan.output_types, plan.output_types.size()},
            RowKeyEqual{&plan.output_types, plan.output_types.size()}) {}

RecursiveUnionExecutor::~RecursiveUnionExecutor() {
  auto it = ctx_.work_tables.find(plan_.cte_id);
  if (it != ctx_.work_tables.end() && it->second == &working_) ctx_.work_tables.erase(it);
}

void RecursiveUnionExecutor::Offer(Row row) {
  if (!plan_.all) {
    if (!seen_.insert(row).second) return;
  }
  next_.push_back(row);
  pending_.push_back(std::move(row));
}

bool RecursiveUnionExecutor::Next(RowBatch& out) {
  out.Clear();
  while (out.size() < kBatchSize) {
    if (pending_pos_ < pending_.size()) {
      out.rows.push_back(std::move(pending_[pending_pos_++]));
      continue;
    }
    pending_.clear();
    pending_pos_ = 0;
    if (done_) break;
    ctx_.CheckCancel();
    RowBatch batch;
    if (current_ && current_->Next(batch)) {
      for (Row& r : batch.rows) Offer(std::move(r));
      continue;
    }
    // The running term is exhausted: start the next iteration over its rows.
    current_.reset();
    if (next_.empty()) {
      done_ = true;
      break;
    }
    working_ = std::move(next_);
    next_.clear();
    ctx_.work_tables[plan_.cte_id] = &working_;
    in_seed_ = false;
    current_ = BuildExecutor(*plan_.right, ctx_);
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
