#include "engine/sql/exec/grouping_sets_executor.hpp"

#include <unordered_map>

#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/exec/row_hash.hpp"
#include "engine/sql/functions/aggregate_state.hpp"

namespace basalt::engine::sql {

void GroupingSetsExecutor::Compute() {
  computed_ = true;
  std::vector<Row> input;
  RowBatch b;
  while (child_->Next(b)) {
    ctx_.CheckCancel();
    for (Row& r : b.rows) input.push_back(std::move(r));
  }
  auto new_states = [&] {
    std::vector<AggState> states(plan_.aggregates.size());
    for (size_t i = 0; i < plan_.aggregates.size(); ++i) {
      const AggregateSpec& spec = plan_.aggregates[i];
      if (spec.distinct) {
        states[i].seen = std::make_unique<std::unordered_set<Row, RowKeyHash, RowKeyEqual>>(
            16, RowKeyHash{&spec.arg_types, 1}, RowKeyEqual{&spec.arg_types, 1});
      }
    }
    return states;
  };
  for (size_t s = 0; s < plan_.sets.size(); ++s) {
    const std::vector<int>& set = plan_.sets[s];
    std::vector<Type> types;
    for (int k : set) types.push_back(plan_.keys[static_cast<size_t>(k)]->type);
    std::unordered_map<Row, size_t, RowKeyHash, RowKeyEqual> groups(64, RowKeyHash{&types, types.size()},
                                                                    RowKeyEqual{&types, types.size()});
    std::vector<Row> keys;
    std::vector<std::vector<AggState>> states;
    Row key;
    for (const Row& row : input) {
      key.clear();
      for (int k : set) key.push_back(Evaluate(*plan_.keys[static_cast<size_t>(k)], row, ctx_.eval));
      auto [it, inserted] = groups.emplace(key, keys.size());
      if (inserted) {
        keys.push_back(key);
        states.push_back(new_states());
      }
      std::vector<AggState>& st = states[it->second];
      for (size_t i = 0; i < plan_.aggregates.size(); ++i) AggAccumulate(plan_.aggregates[i], st[i], row, ctx_.eval);
    }
    if (set.empty() && keys.empty()) {
      keys.emplace_back();
      states.push_back(new_states());
    }
    ctx_.CheckCancel();
    for (size_t g = 0; g < keys.size(); ++g) {
      Row row(plan_.keys.size());
      for (size_t j = 0; j < set.size(); ++j) row[static_cast<size_t>(set[j])] = std::move(keys[g][j]);
      row.push_back(Value::Int(static_cast<int64_t>(s)));
      for (size_t i = 0; i < plan_.aggregates.size(); ++i) {
        row.push_back(AggFinalOrdered(plan_.aggregates[i], states[g][i]));
      }
      out_rows_.push_back(std::move(row));
    }
  }
}

bool GroupingSetsExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!computed_) Compute();
  while (next_ < out_rows_.size() && out.size() < kBatchSize) out.rows.push_back(std::move(out_rows_[next_++]));
  return !out.empty();
}

}  // namespace basalt::engine::sql
