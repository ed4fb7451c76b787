// engine/session_dml.cpp
//
// INSERT / UPDATE / DELETE with their RETURNING rows. The statement runs to
// completion first (as PostgreSQL's ModifyTable does before the portal hands
// rows out), then its RETURNING rows go to the sink in the requested formats,
// then the command tag.
#include <fmt/format.h>

#include "engine/session.hpp"
#include "engine/sql/exec/dml_executor.hpp"

namespace basalt::engine {

void Session::RunDml(const sql::BoundDml& dml, sql::ExecContext& ctx, bool describe,
                     const std::vector<ColumnInfo>* formats, ResultSink& sink) {
  std::vector<sql::Row> returned;
  int64_t n = sql::ExecuteDml(dml, ctx, dml.returning.empty() ? nullptr : &returned);
  if (!dml.returning.empty()) {
    if (describe) sink.Columns(ColumnsOf(dml.returning_columns));
    sql::FormatOptions opts;
    opts.extra_float_digits = ctx.eval.extra_float_digits;
    opts.datetime = datetime_;
    std::string bytes;
    for (const sql::Row& row : returned) SendRow(row, dml.returning_columns, formats, opts, bytes, sink);
  }
  switch (dml.kind) {
    case sql::DmlKind::kInsert: sink.Complete(fmt::format("INSERT 0 {}", n)); break;
    case sql::DmlKind::kUpdate: sink.Complete(fmt::format("UPDATE {}", n)); break;
    case sql::DmlKind::kDelete: sink.Complete(fmt::format("DELETE {}", n)); break;
  }
}

}  // namespace basalt::engine
