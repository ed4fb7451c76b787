// engine/sql/exec/constraint_ddl.hpp
//
// UNIQUE, CHECK and FOREIGN KEY constraints in CREATE TABLE
// and for ALTER TABLE ADD/DROP CONSTRAINT. A UNIQUE constraint is a unique
// index flagged `constraint` (named <table>_<cols>_key); a CHECK constraint is
// stored as deparsed SQL (named <table>_<col>_check when it references exactly
// one column, else <table>_check), kept sorted by name because PostgreSQL
// tests them in that order and reports the first that fails.
#pragma once

#include <string_view>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/exec/exec_context.hpp"

namespace basalt::engine::sql {

// CREATE TABLE: adds the statement's UNIQUE and CHECK constraints (column and
// table level) to `table`, which is not stored yet and has no rows.
void AddCreateTableConstraints(catalog::TableDef& table, const ast::CreateTableStmt& stmt, Binder& binder,
                               ExecContext& ctx);

// ALTER TABLE ADD CONSTRAINT (UNIQUE / CHECK / FOREIGN KEY): validates the
// existing rows (23505 / 23514 / 23503), builds the backing index, updates `table` and persists it.
void AddTableConstraint(catalog::TableDef& table, const ast::Constraint& c, Binder& binder, ExecContext& ctx);

// ALTER TABLE DROP CONSTRAINT: removes a UNIQUE (with its index) or CHECK
// constraint named `name` and persists the table; false if there is none.
bool DropTableConstraint(catalog::TableDef& table, std::string_view name, ExecContext& ctx);

}  // namespace basalt::engine::sql
