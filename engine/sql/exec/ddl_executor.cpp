#include "engine/sql/exec/ddl_executor.hpp"

#include "engine/sql/exec/ddl_dispatch.hpp"

#include <fmt/format.h>

#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/exec/ddl_sequence.hpp"
#include "engine/sql/exec/ddl_serial.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/exec/constraint_ddl.hpp"
#include "engine/sql/exec/foreign_keys.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += '.';
    out += names[i];
  }
  return out;
}

void SetPrimaryKey(catalog::TableDef& table, const std::vector<std::string>& columns, const std::string& name,
                   int location) {
  if (table.has_primary_key()) {
    throw AtLocation(DbError(SqlState::kInvalidTableDefinition,
                             fmt::format("multiple primary keys for table \"{}\" are not allowed", table.name)),
                     location);
  }
  for (const std::string& c : columns) {
    int idx = table.FindColumn(c);
    if (idx < 0) {
      throw AtLocation(DbError(SqlState::kUndefinedColumn,
                               fmt::format("column \"{}\" named in key does not exist", c)),
                       location);
    }
    for (int existing : table.primary_key) {
      if (existing == idx) {
        throw AtLocation(DbError(SqlState::kDuplicateColumn,
                                 fmt::format("column \"{}\" appears twice in primary key constraint", c)),
                         location);
      }
    }
    TypeId key_type = table.columns[idx].type.id;
    if (key_type == TypeId::kInterval || key_type == TypeId::kTimeTz) {
      throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                               fmt::format("primary keys on type {} are not supported yet",
                                           FormatType(table.columns[idx].type))),
                       location);
    }
    table.primary_key.push_back(idx);
    table.columns[idx].not_null = true;
  }
  table.primary_key_name = name.empty() ? table.name + "_pkey" : name;
}

void RejectConstraint(const ast::Constraint& c) {
  const char* what = nullptr;
  switch (c.kind) {
    case ast::ConstraintKind::kGenerated: what = "generated columns"; break;
    default: return;
  }
  throw AtLocation(DbError(SqlState::kFeatureNotSupported, fmt::format("{} are not supported yet", what)), c.location);
}

}  // namespace

void ExecuteCreateTable(const ast::CreateTableStmt& stmt, Binder& binder, ExecContext& ctx, catalog::Oid database,
                        catalog::Oid owner, const NoticeFn& notice) {
  ctx.txn->CheckWritable("CREATE TABLE");
  if (stmt.temporary) throw DbError(SqlState::kFeatureNotSupported, "temporary tables are not supported yet");
  if (stmt.as_query) throw DbError(SqlState::kFeatureNotSupported, "CREATE TABLE AS is not supported yet");
  catalog::TableDef table;
  table.database = database;
  table.schema = binder.ResolveCreationSchema(stmt.table);
  table.name = stmt.table.name;
  table.owner = owner;
  if (ctx.catalog->FindTable(*ctx.txn, database, table.schema, table.name)) {
    DbError err(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists", table.name));
    if (stmt.if_not_exists) {
      notice(DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists, skipping", table.name))
                 .WithSeverity(Severity::kNotice));
      return;
    }
    throw err;
  }

  table.reloptions = CheckRelOptions(stmt.options);  // ddl_reloptions.cpp
  std::vector<OwnedSequence> owned_sequences;      // serial / identity columns (ddl_serial.cpp)
  for (const ast::ColumnDef& cd : stmt.columns) {
    if (table.FindColumn(cd.name) >= 0) {
      throw DbError(SqlState::kDuplicateColumn, fmt::format("column \"{}\" specified more than once", cd.name));
    }
    if (IsSerialTypeName(cd.type)) {
      table.columns.push_back(MakeSerialColumn(cd, table, binder, ctx, owned_sequences));
      continue;
    }
    auto type = binder.LookupTypeName(cd.type);
    if (!type) {
      throw AtLocation(DbError(SqlState::kUndefinedObject, fmt::format("type \"{}\" does not exist", JoinNames(cd.type.names))),
                       cd.type.location);
    }
    catalog::ColumnDef col;
    col.name = cd.name;
    col.type = *type;
    table.columns.push_back(std::move(col));
  }
  // Column constraints, after all columns exist (a PRIMARY KEY may come first).
  for (size_t i = 0; i < stmt.columns.size(); ++i) {
    for (const ast::Constraint& c : stmt.columns[i].constraints) {
      RejectConstraint(c);
      switch (c.kind) {
        case ast::ConstraintKind::kNotNull: table.columns[i].not_null = true; break;
        case ast::ConstraintKind::kNull: break;
        case ast::ConstraintKind::kDefault: table.columns[i].default_sql = DeparseExpr(*c.expr); break;
        case ast::ConstraintKind::kPrimaryKey: SetPrimaryKey(table, {table.columns[i].name}, c.name, c.location); break;
        case ast::ConstraintKind::kIdentity:
          MakeIdentityColumn(c, stmt.columns[i], table, static_cast<int>(i), binder, ctx, owned_sequences);
          break;
        default: break;
      }
    }
  }
  for (const ast::Constraint& c : stmt.constraints) {
    RejectConstraint(c);
    if (c.kind == ast::ConstraintKind::kPrimaryKey) SetPrimaryKey(table, c.columns, c.name, c.location);
  }
  // Type-check every default now, as PostgreSQL does at CREATE time.
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (!table.columns[i].default_sql.empty()) binder.BindColumnDefault(table, static_cast<int>(i));
  }
  AddCreateTableConstraints(table, stmt, binder, ctx);
  ctx.catalog->CreateTable(*ctx.txn, table);
  LinkOwnedSequences(ctx, table, owned_sequences);
  RegisterForeignKeys(table, ctx);
}

void ExecuteDropTable(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const NoticeFn& notice) {
  ctx.txn->CheckWritable("DROP TABLE");
  std::vector<catalog::TableDef> tables;
  for (const ast::RangeVar& rv : stmt.objects) {
    auto t = binder.LookupTable(rv);
    std::string shown = rv.schema.empty() ? rv.name : fmt::format("{}.{}", rv.schema, rv.name);
    if (!t) {
      if (stmt.if_exists) {
        notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("table \"{}\" does not exist, skipping", shown))
                   .WithSeverity(Severity::kNotice));
        continue;
      }
      throw DbError(SqlState::kUndefinedTable, fmt::format("table \"{}\" does not exist", shown));
    }
    if (t->relkind == 'S') {
      throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a table", t->name))
          .WithHint("Use DROP SEQUENCE to remove a sequence.");
    }
    if (t->relkind == 'v') {
      throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a table", t->name))
          .WithHint("Use DROP VIEW to remove a view.");
    }
    tables.push_back(std::move(*t));
  }
  for (const auto& t : tables) DropDependentViews(ctx, t, stmt.cascade, notice, tables);  // view_ddl.cpp
  for (const auto& t : tables) {
    // Re-read: dropping an earlier table may have changed this one's links.
    auto current = ctx.catalog->FindTable(*ctx.txn, t.database, t.schema, t.name);
    if (current) DropForeignKeyLinks(*current, ctx, stmt.cascade, notice, tables);
  }
  for (const auto& t : tables) {
    ctx.catalog->DropTable(*ctx.txn, t);
    DropOwnedSequences(ctx, t, "");
  }
}

}  // namespace basalt::engine::sql
