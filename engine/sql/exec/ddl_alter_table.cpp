// ALTER TABLE (PostgreSQL's tablecmds.c): the statement loop and the
// subcommands that only change the table's catalog record (defaults, NOT NULL,
// storage parameters, owner, statistics targets). Column and key changes that
// touch rows live in ddl_alter_column.cpp and ddl_alter_key.cpp.
#include <fmt/format.h>

#include <algorithm>

#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/exec/constraint_ddl.hpp"
#include "engine/sql/exec/ddl_alter.hpp"
#include "engine/sql/exec/ddl_serial.hpp"
#include "engine/sql/exec/table_rewrite.hpp"

namespace basalt::engine::sql {
namespace {

void Notice(const DdlEnv& env, std::string message) {
  if (env.notice) env.notice(DbError(SqlState::kSuccessfulCompletion, std::move(message)).WithSeverity(Severity::kNotice));
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    size_t nl = s.find('\n', start);
    out.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string OptionName(const std::string& o) { return o.substr(0, o.find('=')); }

// SET (name = value, ...) / RESET (name, ...): pg_class.reloptions.
void AlterOptions(catalog::TableDef& table, const ast::AlterTableCmd& cmd, ExecContext& ctx) {
  std::vector<std::string> given = SplitLines(cmd.name);
  bool reset = cmd.node_name == "AT_ResetRelOptions";
  if (!reset) CheckRelOptions(given);
  for (const std::string& o : given) {
    std::string name = OptionName(o);
    std::erase_if(table.reloptions, [&](const std::string& e) { return OptionName(e) == name; });
    if (!reset) table.reloptions.push_back(o);
  }
  ctx.catalog->UpdateTable(*ctx.txn, table);
}

void AlterDefault(catalog::TableDef& table, const ast::AlterTableCmd& cmd, Binder& binder, ExecContext& ctx) {
  int col = RequireColumn(table, cmd.name);
  catalog::ColumnDef& c = table.columns[static_cast<size_t>(col)];
  if (cmd.kind == ast::AlterTableKind::kDropDefault) {
    if (c.identity) {
      throw DbError(SqlState::kSyntaxError, fmt::format("column \"{}\" of relation \"{}\" is an identity column",
                                                        c.name, table.name))
          .WithHint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.");
    }
    c.default_sql.clear();
  } else {
    if (c.identity) {
      throw DbError(SqlState::kSyntaxError, fmt::format("column \"{}\" of relation \"{}\" is an identity column",
                                                        c.name, table.name))
          .WithHint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.");
    }
    c.default_sql = DeparseExpr(*cmd.expr);
    binder.BindColumnDefault(table, col);  // type-checks it now, as PostgreSQL does
  }
  ctx.catalog->UpdateTable(*ctx.txn, table);
}

void AlterNotNull(catalog::TableDef& table, const ast::AlterTableCmd& cmd, ExecContext& ctx) {
  int col = RequireColumn(table, cmd.name);
  catalog::ColumnDef& c = table.columns[static_cast<size_t>(col)];
  if (cmd.kind == ast::AlterTableKind::kSetNotNull) {
    if (c.not_null) return;
    CheckNoNulls(table, col, ctx);
    c.not_null = true;
  } else {
    if (std::find(table.primary_key.begin(), table.primary_key.end(), col) != table.primary_key.end()) {
      throw DbError(SqlState::kInvalidTableDefinition, fmt::format("column \"{}\" is in a primary key", c.name));
    }
    if (c.identity) {
      throw DbError(SqlState::kSyntaxError, fmt::format("column \"{}\" of relation \"{}\" is an identity column",
                                                        c.name, table.name));
    }
    c.not_null = false;
  }
  ctx.catalog->UpdateTable(*ctx.txn, table);
}

void AlterOwner(catalog::TableDef& table, const ast::AlterTableCmd& cmd, ExecContext& ctx, const DdlEnv& env) {
  catalog::Oid owner = env.owner;
  if (!cmd.name.empty()) {
    auto role = ctx.catalog->FindRole(*ctx.txn, cmd.name);
    if (!role) throw DbError(SqlState::kUndefinedObject, fmt::format("role \"{}\" does not exist", cmd.name));
    owner = role->oid;
  }
  table.owner = owner;
  ctx.catalog->UpdateTable(*ctx.txn, table);
}

void AlterOther(catalog::TableDef& table, const ast::AlterTableCmd& cmd, ExecContext& ctx, const DdlEnv& env) {
  const std::string& n = cmd.node_name;
  if (n == "AT_ChangeOwner") {
    AlterOwner(table, cmd, ctx, env);
  } else if (n == "AT_SetStatistics" || n == "AT_SetStorage" || n == "AT_SetCompression") {
    // Per-column statistics targets and TOAST strategies tune PostgreSQL's
    // heap and ANALYZE sample; Basalt accepts them for compatibility.
    if (!cmd.name.empty()) RequireColumn(table, cmd.name);
  } else {
    std::string what = n.rfind("AT_", 0) == 0 ? n.substr(3) : n;
    throw DbError(SqlState::kFeatureNotSupported, fmt::format("ALTER TABLE {} is not supported yet", what));
  }
}

void AddConstraint(catalog::TableDef& table, const ast::AlterTableCmd& cmd, Binder& binder, ExecContext& ctx) {
  const ast::Constraint& c = *cmd.constraint;
  switch (c.kind) {
    case ast::ConstraintKind::kPrimaryKey: AddPrimaryKey(table, c.columns, c.name, c.location, ctx); return;
    case ast::ConstraintKind::kUnique:
    case ast::ConstraintKind::kCheck:
    case ast::ConstraintKind::kForeignKey: AddTableConstraint(table, c, binder, ctx); return;
    default:
      throw AtLocation(DbError(SqlState::kFeatureNotSupported, "this constraint kind cannot be added with ALTER TABLE yet"),
                       c.location);
  }
}

}  // namespace

int RequireColumn(const catalog::TableDef& table, const std::string& column) {
  int idx = table.FindColumn(column);
  if (idx < 0) {
    throw DbError(SqlState::kUndefinedColumn,
                  fmt::format("column \"{}\" of relation \"{}\" does not exist", column, table.name));
  }
  return idx;
}

std::string ExecuteAlterTable(const ast::AlterTableStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ctx.txn->CheckWritable("ALTER TABLE");
  const char* tag = stmt.kind == ast::ObjectKind::kIndex      ? "ALTER INDEX"
                    : stmt.kind == ast::ObjectKind::kView     ? "ALTER VIEW"
                    : stmt.kind == ast::ObjectKind::kSequence ? "ALTER SEQUENCE"
                                                              : "ALTER TABLE";
  if (stmt.kind != ast::ObjectKind::kTable) {
    throw DbError(SqlState::kFeatureNotSupported, fmt::format("{} is not supported yet", tag));
  }
  auto found = binder.LookupTable(stmt.table);
  if (!found) {
    if (stmt.if_exists) {
      Notice(env, fmt::format("relation \"{}\" does not exist, skipping", stmt.table.name));
      return tag;
    }
    throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", stmt.table.name));
  }
  catalog::TableDef table = std::move(*found);
  if (table.oid < catalog::kFirstUserOid) {
    throw DbError(SqlState::kInsufficientPrivilege, fmt::format("permission denied: \"{}\" is a system catalog", table.name));
  }
  if (table.relkind != 'r') {
    throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a table", table.name));
  }
  bool first = true;
  for (const ast::AlterTableCmd& cmd : stmt.cmds) {
    // Subcommands that read rows must see what the earlier ones wrote.
    if (!first) ctx.txn->BeginStatement();
    first = false;
    switch (cmd.kind) {
      case ast::AlterTableKind::kAddColumn: AlterAddColumn(table, cmd, binder, ctx, env); break;
      case ast::AlterTableKind::kDropColumn: AlterDropColumn(table, cmd, ctx, env); break;
      case ast::AlterTableKind::kAlterColumnType: AlterColumnType(table, cmd, binder, ctx); break;
      case ast::AlterTableKind::kSetDefault:
      case ast::AlterTableKind::kDropDefault: AlterDefault(table, cmd, binder, ctx); break;
      case ast::AlterTableKind::kSetNotNull:
      case ast::AlterTableKind::kDropNotNull: AlterNotNull(table, cmd, ctx); break;
      case ast::AlterTableKind::kAddConstraint: AddConstraint(table, cmd, binder, ctx); break;
      case ast::AlterTableKind::kDropConstraint:
        if (!DropConstraint(table, cmd.name, cmd.cascade, ctx)) {
          if (!cmd.missing_ok) {
            throw DbError(SqlState::kUndefinedObject,
                          fmt::format("constraint \"{}\" of relation \"{}\" does not exist", cmd.name, table.name));
          }
          Notice(env, fmt::format("constraint \"{}\" of relation \"{}\" does not exist, skipping", cmd.name, table.name));
        }
        break;
      case ast::AlterTableKind::kSetOptions: AlterOptions(table, cmd, ctx); break;
      case ast::AlterTableKind::kAddIdentity:
      case ast::AlterTableKind::kDropIdentity:
        throw DbError(SqlState::kFeatureNotSupported, "ALTER TABLE ... IDENTITY is not supported yet");
      case ast::AlterTableKind::kOther: AlterOther(table, cmd, ctx, env); break;
    }
    // Helpers may have changed other records (foreign-key links): re-read.
    if (auto fresh = ctx.catalog->FindTable(*ctx.txn, table.database, table.schema, table.name)) table = std::move(*fresh);
  }
  return tag;
}

}  // namespace basalt::engine::sql
