// engine/sql/exec/ddl_alter.hpp
//
// The pieces of ALTER TABLE (PostgreSQL's tablecmds.c) shared by
// ddl_alter_table.cpp (statement loop, defaults, NOT NULL, options, owner),
// ddl_alter_column.cpp (ADD / DROP / ALTER TYPE of columns),
// ddl_alter_key.cpp (primary keys and DROP CONSTRAINT) and ddl_rename.cpp.
// Every subcommand works on `table`, the current definition, and persists it
// (Catalog::UpdateTable) before returning, so later subcommands of the same
// statement see its effect; everything runs in the statement's transaction.
#pragma once

#include <string>

#include "engine/sql/exec/ddl_dispatch.hpp"

namespace basalt::engine::sql {

// 42703 "column \"c\" of relation \"t\" does not exist" unless found.
int RequireColumn(const catalog::TableDef& table, const std::string& column);

void AlterAddColumn(catalog::TableDef& table, const ast::AlterTableCmd& cmd, Binder& binder, ExecContext& ctx,
                    const DdlEnv& env);
void AlterDropColumn(catalog::TableDef& table, const ast::AlterTableCmd& cmd, ExecContext& ctx, const DdlEnv& env);
void AlterColumnType(catalog::TableDef& table, const ast::AlterTableCmd& cmd, Binder& binder, ExecContext& ctx);

// ADD [CONSTRAINT name] PRIMARY KEY (cols): rewrites the rows into
// primary-key-keyed storage (table_rewrite.hpp).
void AddPrimaryKey(catalog::TableDef& table, const std::vector<std::string>& columns, const std::string& name,
                   int location, ExecContext& ctx);
// DROP CONSTRAINT of any kind; false if `table` has no constraint `name`.
bool DropConstraint(catalog::TableDef& table, const std::string& name, bool cascade, ExecContext& ctx);

// Replaces every reference to column `from` by `to` in stored expression SQL.
std::string RenameColumnInSql(const std::string& sql, const std::string& from, const std::string& to);

}  // namespace basalt::engine::sql
