#include "engine/sql/exec/aggregate_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

namespace {
std::vector<Type> KeyTypes(const AggregatePlan& plan) {
  std::vector<Type> out;
  for (const auto& k : plan.group_keys) out.push_back(k->type);
  return out;
}
}  // namespace

AggregateExecutor::AggregateExecutor(const AggregatePlan& plan, ExecutorPtr child, ExecContext& ctx)
    : plan_(plan),
      child_(std::move(child)),
      ctx_(ctx),
      key_types_(KeyTypes(plan)),
      groups_(64, RowKeyHash{&key_types_, key_types_.size()}, RowKeyEqual{&key_types_, key_types_.size()}) {}

std::vector<AggState> AggregateExecutor::NewStates() const {
  std::vector<AggState> states(plan_.aggregates.size());
  for (size_t i = 0; i < plan_.aggregates.size(); ++i) {
    const AggregateSpec& spec = plan_.aggregates[i];
    if (spec.distinct) {
      states[i].seen = std::make_unique<std::unordered_set<Row, RowKeyHash, RowKeyEqual>>(
          16, RowKeyHash{&spec.arg_types, 1}, RowKeyEqual{&spec.arg_types, 1});
    }
  }
  return states;
}

void AggregateExecutor::Consume() {
  RowBatch in;
  Row key;
  while (child_->Next(in)) {
    ctx_.CheckCancel();
    for (const Row& row : in.rows) {
      key.clear();
      for (const auto& k : plan_.group_keys) key.push_back(Evaluate(*k, row, ctx_.eval));
      auto it = groups_.find(key);
      size_t g;
      if (it == groups_.end()) {
        g = group_keys_.size();
        groups_.emplace(key, g);
        group_keys_.push_back(key);
        states_.push_back(NewStates());
      } else {
        g = it->second;
      }
      std::vector<AggState>& states = states_[g];
      for (size_t i = 0; i < plan_.aggregates.size(); ++i) {
        AggAccumulate(plan_.aggregates[i], states[i], row, ctx_.eval);
      }
    }
  }
  if (plan_.group_keys.empty() && group_keys_.empty()) {
    group_keys_.emplace_back();
    states_.push_back(NewStates());
  }
  consumed_ = true;
}

bool AggregateExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!consumed_) Consume();
  while (next_ < group_keys_.size() && out.size() < kBatchSize) {
    Row& row = out.rows.emplace_back(std::move(group_keys_[next_]));
    for (size_t i = 0; i < plan_.aggregates.size(); ++i) row.push_back(AggFinalOrdered(plan_.aggregates[i], states_[next_][i]));
    ++next_;
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
