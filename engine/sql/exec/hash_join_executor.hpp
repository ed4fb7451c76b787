// engine/sql/exec/hash_join_executor.hpp
//
// Equi-join by hashing: the right input is read once into a table keyed by
// its join keys (rows with a NULL key never match, but outer joins still
// return them), then each left row probes it. A matched pair must also pass
// the residual predicate. Inner, left, right and full joins; output is the
// left columns then the right columns, NULL-padded for unmatched rows.
#pragma once

#include <unordered_map>

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/row_hash.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

// Hash table from key tuples to the indexes of the build rows having them.
class JoinHashTable {
 public:
  explicit JoinHashTable(const std::vector<Type>& key_types)
      : map_(64, RowKeyHash{&key_types, key_types.size()}, RowKeyEqual{&key_types, key_types.size()}) {}
  void Insert(Row key, size_t row) { map_[std::move(key)].push_back(row); }
  // Build rows whose key equals `key` (null when none).
  const std::vector<size_t>* Find(const Row& key) const {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  size_t size() const { return map_.size(); }

 private:
  std::unordered_map<Row, std::vector<size_t>, RowKeyHash, RowKeyEqual> map_;
};

class HashJoinExecutor final : public Executor {
 public:
  HashJoinExecutor(const HashJoinPlan& plan, ExecutorPtr left, ExecutorPtr right, ExecContext& ctx)
      : plan_(plan), left_(std::move(left)), right_(std::move(right)), ctx_(ctx), table_(plan.key_types) {}
  bool Next(RowBatch& out) override;

 private:
  void Build();
  // The key of `row` under `exprs`; false if a key is NULL.
  bool Key(const std::vector<BoundExprPtr>& exprs, const Row& row, Row& key);

  const HashJoinPlan& plan_;
  ExecutorPtr left_;
  ExecutorPtr right_;
  ExecContext& ctx_;
  JoinHashTable table_;
  std::vector<Row> right_rows_;
  std::vector<bool> right_matched_;
  bool built_ = false;
  bool left_done_ = false;
  bool right_emitted_ = false;
  RowBatch left_batch_;
  Row key_;
};

}  // namespace basalt::engine::sql
