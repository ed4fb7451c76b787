#include "engine/sql/exec/values_executor.hpp"

#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {

bool ValuesExecutor::Next(RowBatch& out) {
  out.Clear();
  static const Row kEmpty;
  while (next_ < plan_.rows.size() && out.size() < kBatchSize) {
    Row& row = out.rows.emplace_back();
    for (const auto& e : plan_.rows[next_]) row.push_back(Evaluate(*e, kEmpty, ctx_.eval));
    ++next_;
  }
  return !out.empty();
}

}  // namespace basalt::engine::sql
