// engine/sql/exec/distinct_on_executor.hpp
//
// DISTINCT ON: streams its input, passing the first row of each distinct key
// (NULLs equal) and dropping later ones.
#pragma once

#include <unordered_set>

#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/row_hash.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

class DistinctOnExecutor final : public Executor {
 public:
  DistinctOnExecutor(const DistinctOnPlan& plan, ExecutorPtr child, ExecContext& ctx)
      : plan_(plan),
        child_(std::move(child)),
        ctx_(ctx),
        seen_(64, RowKeyHash{&plan.key_types, plan.key_types.size()},
              RowKeyEqual{&plan.key_types, plan.key_types.size()}) {}
  bool Next(RowBatch& out) override {
    out.Clear();
    while (out.empty()) {
      ctx_.CheckCancel();
      if (!child_->Next(in_)) return false;
      for (Row& r : in_.rows) {
        Row key;
        key.reserve(plan_.key_columns.size());
        for (int c : plan_.key_columns) key.push_back(r[static_cast<size_t>(c)]);
        if (seen_.insert(std::move(key)).second) out.rows.push_back(std::move(r));
      }
    }
    return true;
  }

 private:
  const DistinctOnPlan& plan_;
  ExecutorPtr child_;
  ExecContext& ctx_;
  std::unordered_set<Row, RowKeyHash, RowKeyEqual> seen_;
  RowBatch in_;
};

}  // namespace basalt::engine::sql
