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
#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// Returns the number of rows inserted, updated or deleted. With a RETURNING
// list and `returned`, appends one row of its values per affected row.
int64_t ExecuteDml(const BoundDml& dml, ExecContext& ctx, std::vector<Row>* returned = nullptr);

}  // namespace basalt::engine::sql
