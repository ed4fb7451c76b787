// ALTER TABLE and RENAME (PostgreSQL's tablecmds.c).
#include <fmt/format.h>

#include "engine/sql/exec/ddl_dispatch.hpp"

namespace basalt::engine::sql {

std::string ExecuteAlterTable(const ast::AlterTableStmt&, Binder&, ExecContext&, const DdlEnv&) {
  throw DbError(SqlState::kFeatureNotSupported, "ALTER TABLE is not supported yet");
}

std::string ExecuteRename(const ast::RenameStmt&, Binder&, ExecContext&, const DdlEnv&) {
  throw DbError(SqlState::kFeatureNotSupported, "RENAME is not supported yet");
}

}  // namespace basalt::engine::sql
