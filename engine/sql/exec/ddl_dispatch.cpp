#include "engine/sql/exec/ddl_dispatch.hpp"

#include <fmt/format.h>

#include <cctype>

#include "engine/sql/exec/ddl_sequence.hpp"

namespace basalt::engine::sql {

std::string ExecuteDdl(const ast::CreateSequenceStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ExecuteCreateSequence(stmt, binder, ctx, env.database, env.owner, env.notice);
  return "CREATE SEQUENCE";
}

std::string ExecuteDdl(const ast::AlterSequenceStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ExecuteAlterSequence(stmt, binder, ctx, env.notice);
  return "ALTER SEQUENCE";
}

std::string ExecuteDdl(const ast::RenameStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  if (stmt.kind == ast::ObjectKind::kSchema) return ExecuteRenameSchema(stmt, binder, ctx);  // ddl_schema.cpp
  return ExecuteRename(stmt, binder, ctx, env);
}

std::string ExecuteDdl(const ast::AlterTableStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  return ExecuteAlterTable(stmt, binder, ctx, env);
}

std::string ExecuteDdl(const ast::TruncateStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  return ExecuteTruncate(stmt, binder, ctx, env);
}

namespace {

// PostgreSQL's names of object kinds in "... does not exist, skipping".
const char* KindWord(const ast::DropStmt& stmt) {
  switch (stmt.kind) {
    case ast::ObjectKind::kView: return "view";
    case ast::ObjectKind::kSchema: return "schema";
    case ast::ObjectKind::kSequence: return "sequence";
    default: return nullptr;
  }
}

}  // namespace

std::string ExecuteDropOther(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  if (stmt.kind == ast::ObjectKind::kSequence) {
    ExecuteDropSequence(stmt, binder, ctx, env.notice);
    return "DROP SEQUENCE";
  }
  if (stmt.kind == ast::ObjectKind::kView) return ExecuteDropView(stmt, binder, ctx, env);  // view_ddl.cpp
  if (stmt.kind == ast::ObjectKind::kSchema) return ExecuteDropSchema(stmt, binder, ctx, env);  // ddl_schema.cpp
  const char* word = KindWord(stmt);
  if (word == nullptr) throw DbError(SqlState::kFeatureNotSupported, "this kind of DROP is not supported yet");
  std::string tag = fmt::format("DROP {}", word);
  for (char& c : tag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const ast::RangeVar& rv : stmt.objects) {
    std::string shown = rv.schema.empty() ? rv.name : rv.schema + "." + rv.name;
    if (stmt.kind == ast::ObjectKind::kSchema && (rv.name == "public" || rv.name == "pg_catalog")) {
      throw DbError(SqlState::kFeatureNotSupported, fmt::format("DROP SCHEMA {} is not supported", rv.name));
    }
    if (!stmt.if_exists) {
      throw DbError(stmt.kind == ast::ObjectKind::kSchema ? SqlState::kUndefinedSchema : SqlState::kUndefinedTable,
                    fmt::format("{} \"{}\" does not exist", word, shown));
    }
    env.notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("{} \"{}\" does not exist, skipping", word, shown))
                   .WithSeverity(Severity::kNotice));
  }
  return tag;
}

}  // namespace basalt::engine::sql
