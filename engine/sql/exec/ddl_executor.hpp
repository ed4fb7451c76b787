// engine/sql/exec/ddl_executor.hpp
//
// CREATE TABLE and DROP TABLE. Definitions are written through the statement's
// transaction, so they commit or roll back with it.
#pragma once

#include <functional>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/exec/exec_context.hpp"

namespace basalt::engine::sql {

// Reports a NOTICE (e.g. "relation already exists, skipping").
using NoticeFn = std::function<void(const DbError&)>;

void ExecuteCreateTable(const ast::CreateTableStmt& stmt, Binder& binder, ExecContext& ctx, catalog::Oid database,
                        catalog::Oid owner, const NoticeFn& notice);
void ExecuteDropTable(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const NoticeFn& notice);

}  // namespace basalt::engine::sql
