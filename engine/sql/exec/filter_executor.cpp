#include "engine/sql/exec/filter_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

bool FilterExecutor::Next(RowBatch& out) {
  out.Clear();
  while (out.empty()) {
    if (!child_->Next(in_)) return false;
    for (Row& row : in_.rows) {
      if (EvaluatePredicate(*plan_.predicate, row, ctx_.eval)) out.rows.push_back(std::move(row));
    }
  }
  return true;
}

}  // namespace basalt::engine::sql
