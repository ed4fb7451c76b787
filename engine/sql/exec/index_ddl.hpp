// engine/sql/exec/index_ddl.hpp
//
// CREATE INDEX and DROP INDEX, plus the naming rules they share with UNIQUE
// and CHECK constraints (PostgreSQL's ChooseRelationName / ChooseConstraintName:
// "<table>_<columns>_<label>", truncated to 63 bytes, then a number appended
// until the name is free). Indexes live in their table's catalog record;
// building one writes an entry for every existing row in the same
// transaction, so a failed build (duplicate key) leaves nothing behind.
#pragma once

#include <functional>
#include <string>

#include "engine/sql/exec/ddl_executor.hpp"

namespace basalt::engine::sql {

void ExecuteCreateIndex(const ast::CreateIndexStmt& stmt, Binder& binder, ExecContext& ctx, const NoticeFn& notice);
void ExecuteDropIndex(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, catalog::Oid database,
                      const NoticeFn& notice);

// PostgreSQL's makeObjectName + numbering: the first free "<name1>_<name2>_<label>[N]".
std::string ChooseObjectName(const std::string& name1, const std::string& name2, const std::string& label,
                             const std::function<bool(const std::string&)>& taken);

// True if a table, index or primary key of the schema is named `name`.
bool RelationNameTaken(ExecContext& ctx, catalog::Oid database, catalog::Oid schema, const std::string& name);

// Adds index `def` (oid and name already set) to `table`, persists the table
// and writes entries for its existing rows (23505 "could not create unique index").
void AddIndexToTable(catalog::TableDef& table, catalog::IndexDef def, ExecContext& ctx);

}  // namespace basalt::engine::sql
