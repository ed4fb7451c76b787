#include "engine/sql/exec/function_scan_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

RowGeneratorPtr StartTableFunction(const std::vector<BoundExprPtr>& args, const TableFunctionInfo& info,
                                   const Row& row, EvalContext& ctx) {
  std::vector<Value> values;
  values.reserve(args.size());
  for (const auto& a : args) {
    values.push_back(Evaluate(*a, row, ctx));
    if (info.strict && values.back().is_null()) return nullptr;
  }
  return info.factory(std::move(values), info, ctx);
}

bool FunctionScanExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!started_) {
    static const Row kEmpty;
    started_ = true;
    gen_ = StartTableFunction(plan_.args, plan_.info, kEmpty, ctx_.eval);
    buf_.resize(plan_.info.columns.size());
  }
  if (!gen_) return false;
  while (out.size() < kBatchSize) {
    if (!gen_->Next(buf_)) {
      gen_.reset();
      break;
    }
    Row& r = out.rows.emplace_back(buf_);
    if (plan_.ordinality) r.push_back(Value::Int(++ordinal_));
  }
  if (out.size() == kBatchSize) ctx_.CheckCancel();
  return !out.empty();
}

bool ProjectSetExecutor::StartRow() {
  const Row& row = in_.rows[pos_];
  gens_.clear();
  for (const SrfCall& call : plan_.srfs) gens_.push_back(StartTableFunction(call.args, call.info, row, ctx_.eval));
  return true;
}

bool ProjectSetExecutor::Next(RowBatch& out) {
  out.Clear();
  size_t n = plan_.srfs.size();
  while (out.size() < kBatchSize) {
    if (!row_active_) {
      if (pos_ + 1 < in_.size() && !in_.empty() && pos_ < in_.size()) {
        ++pos_;
      } else {
        if (child_done_) break;
        ctx_.CheckCancel();
        if (!child_->Next(in_)) {
          child_done_ = true;
          break;
        }
        pos_ = 0;
      }
      StartRow();
      row_active_ = true;
    }
    Row step = in_.rows[pos_];
    step.resize(plan_.input_width + n);
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      if (!gens_[i]) continue;
      buf_.resize(plan_.srfs[i].info.columns.size());
      if (gens_[i]->Next(buf_)) {
        step[plan_.input_width + i] = std::move(buf_[0]);
        any = true;
      } else {
        gens_[i].reset();
      }
    }
    if (!any) {
      row_active_ = false;
      continue;
    }
    out.rows.push_back(std::move(step));
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
