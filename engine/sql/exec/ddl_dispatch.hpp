// engine/sql/exec/ddl_dispatch.hpp
//
// Entry points of the DDL statements that run inside a transaction (sequences,
// TRUNCATE, ALTER TABLE, RENAME, schemas, DROP of non-table objects). Each
// returns the CommandComplete tag. The session calls them from its statement
// dispatch (one line), so the statement families live in ddl_*.cpp files.
#pragma once

#include <string>
#include <type_traits>

#include "engine/sql/exec/ddl_executor.hpp"

namespace basalt::engine::sql {

struct DdlEnv {
  catalog::Oid database = 0;
  catalog::Oid owner = 0;
  NoticeFn notice;
};

template <class T>
inline constexpr bool kIsDdlStatement =
    std::is_same_v<T, ast::CreateSequenceStmt> || std::is_same_v<T, ast::AlterSequenceStmt> ||
    std::is_same_v<T, ast::TruncateStmt> || std::is_same_v<T, ast::AlterTableStmt> ||
    std::is_same_v<T, ast::RenameStmt> || std::is_same_v<T, ast::CreateSchemaStmt> ||
    std::is_same_v<T, ast::CreateEnumStmt> || std::is_same_v<T, ast::AlterEnumStmt> ||
    std::is_same_v<T, ast::CreateFunctionStmt> || std::is_same_v<T, ast::DropUserObjectStmt> ||
    std::is_same_v<T, ast::CommentStmt> || std::is_same_v<T, ast::CreateViewStmt>;

std::string ExecuteDdl(const ast::CreateSequenceStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
// CREATE [OR REPLACE] VIEW and DROP VIEW (view_ddl.cpp).
std::string ExecuteDdl(const ast::CreateViewStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDropView(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
// Before `rel` is dropped: with `cascade` drops the views that depend on it
// (NOTICE "drop cascades to ..."), else fails with 2BP01 if there are any.
// Relations in `dropped_too` are being dropped by the same statement.
void DropDependentViews(ExecContext& ctx, const catalog::TableDef& rel, bool cascade, const NoticeFn& notice,
                        const std::vector<catalog::TableDef>& dropped_too);
std::string ExecuteDdl(const ast::AlterSequenceStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDdl(const ast::TruncateStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDdl(const ast::AlterTableStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDdl(const ast::RenameStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
// CREATE / DROP / ALTER SCHEMA ... RENAME (ddl_schema.cpp).
std::string ExecuteDdl(const ast::CreateSchemaStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDropSchema(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteRenameSchema(const ast::RenameStmt& stmt, Binder& binder, ExecContext& ctx);
// The statement families (ddl_alter_table.cpp, ddl_truncate.cpp).
std::string ExecuteAlterTable(const ast::AlterTableStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteRename(const ast::RenameStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteTruncate(const ast::TruncateStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
// Enum types, SQL functions, comments (ddl_type.cpp, ddl_function.cpp, ddl_comment.cpp).
std::string ExecuteDdl(const ast::CreateEnumStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDdl(const ast::AlterEnumStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDdl(const ast::CreateFunctionStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDdl(const ast::DropUserObjectStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDdl(const ast::CommentStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDropType(const ast::DropUserObjectStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);
std::string ExecuteDropFunction(const ast::DropUserObjectStmt& stmt, Binder& binder, ExecContext& ctx,
                                const DdlEnv& env);
// DROP SEQUENCE / SCHEMA / VIEW / TYPE / FUNCTION ... (everything but TABLE and INDEX).
std::string ExecuteDropOther(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env);

}  // namespace basalt::engine::sql
