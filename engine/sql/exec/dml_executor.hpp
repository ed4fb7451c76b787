// engine/sql/exec/dml_executor.hpp
//
// Runs INSERT, UPDATE and DELETE. Rows to change are collected first (so a
// statement never sees its own changes, the "Halloween problem"), then each row
// is locked, re-read at its newest version (READ COMMITTED re-checks the WHERE
// clause there, as PostgreSQL's EvalPlanQual does), checked against the
// table's constraints and written to the transaction's buffer.
#pragma once

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/exec/exec_context.hpp"

namespace basalt::engine::sql {

// Returns the number of rows inserted, updated or deleted.
int64_t ExecuteDml(const BoundDml& dml, ExecContext& ctx);

}  // namespace basalt::engine::sql
