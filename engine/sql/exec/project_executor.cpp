#include "engine/sql/exec/project_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

bool ProjectExecutor::Next(RowBatch& out) {
  out.Clear();
  if (!child_->Next(in_)) return false;
  out.rows.reserve(in_.size());
  for (const Row& row : in_.rows) {
    Row& o = out.rows.emplace_back();
    o.reserve(plan_.exprs.size());
    for (const auto& e : plan_.exprs) o.push_back(Evaluate(*e, row, ctx_.eval));
  }
  return true;
}

}  // namespace basalt::engine::sql
