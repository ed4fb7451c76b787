// Runs a SQL function call bound by binder/sql_function_binder.cpp: the
// argument values become the outer row of the body's plan, and the result is
// the first column of the body's first row (NULL if it returns none); later
// rows are never computed, as in PostgreSQL (fmgr_sql stops after one row).
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/exec/executor.hpp"
#include "engine/sql/exec/expr_eval.hpp"

namespace basalt::engine::sql {


Value EvalSqlFunctionCall(const BoundExpr& e, const Row& row, EvalContext& ctx) {
  Row args;
  args.reserve(e.args.size());
  for (const auto& a : e.args) {
    args.push_back(Evaluate(*a, row, ctx));
    if (e.strict && args.back().is_null()) return Value::Null();
  }
  // The body sees only its parameters: it was bound with them as its one
  // outer scope, so the caller's outer rows are hidden while it runs.
  std::vector<const Row*> saved;
  saved.swap(ctx.outer_rows);
  ctx.outer_rows.push_back(&args);
  struct Restore {
    EvalContext& ctx;
    std::vector<const Row*>& saved;
    ~Restore() { ctx.outer_rows.swap(saved); }
  } restore{ctx, saved};
  ExecutorPtr exec = BuildExecutor(*e.subplan, *ctx.exec);
  RowBatch batch;
  while (exec->Next(batch)) {
    if (!batch.rows.empty()) return batch.rows[0].empty() ? Value::Null() : batch.rows[0][0];
  }
  return Value::Null();
}

}  // namespace basalt::engine::sql
