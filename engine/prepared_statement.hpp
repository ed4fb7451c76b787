// engine/prepared_statement.hpp
//
// The session's prepared statements and portals (extended query protocol and
// SQL PREPARE/EXECUTE share them, as in PostgreSQL).
//
// A PreparedStatement is parsed exactly once; its AST and the parameter types
// fixed at Parse time (given by the client or inferred by the binder) are
// immutable afterwards and shared by every portal made from it. Binding is
// redone at each Bind with the values as typed constants, so DDL between
// Parse and Execute is seen (or reported as a clean error), never a stale plan.
//
// A Portal is a statement plus values plus execution state: for a query, the
// bound plan and its executor tree, which keeps its position between Executes
// (row-limited Execute -> PortalSuspended). Portals die with their
// transaction: the session drops them at commit and rollback.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/exec/executor.hpp"
#include "engine/sql/parser/ast.hpp"

namespace basalt::engine {

struct PreparedStatement {
  std::string sql;
  std::shared_ptr<const sql::ast::Statement> stmt;  // null: empty query string
  std::vector<sql::Type> param_types;       // all known (unresolved ones became text)
  std::optional<std::vector<ColumnInfo>> columns;  // text formats; nullopt = no rows
};

struct Portal {
  std::shared_ptr<const PreparedStatement> stmt;
  std::vector<sql::Value> params;
  std::optional<std::vector<ColumnInfo>> columns;  // with the formats Bind asked for
  // Queries only: bound at Bind, run across Executes.
  std::optional<sql::BoundQuery> query;
  std::unique_ptr<sql::ExecContext> ctx;  // executors keep pointers into it
  sql::ExecutorPtr exec;
  sql::RowBatch batch;
  size_t batch_pos = 0;
  bool done = false;
  // SQL cursors (engine/session_cursor.cpp). A WITH HOLD cursor is
  // materialized into `rows` at commit and outlives its transaction; a SCROLL
  // cursor is materialized at DECLARE. `position` is PostgreSQL's: 0 = before
  // the first row, n = on row n, rows+1 = after the last.
  bool is_cursor = false;
  bool holdable = false;
  bool scroll = false;
  bool binary = false;
  std::optional<std::vector<sql::Row>> rows;
  int64_t position = 0;
};

}  // namespace basalt::engine
