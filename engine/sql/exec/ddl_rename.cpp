// ALTER TABLE / SEQUENCE / VIEW / INDEX ... RENAME [COLUMN | CONSTRAINT]
// (PostgreSQL's renamerel, renameatt, RenameConstraint). Catalog records are
// keyed by name, so renaming a relation moves its record; foreign keys keep
// the names of the tables on their other side, which are updated too.
#include <fmt/format.h>

#include "engine/sql/exec/ddl_alter.hpp"
#include "engine/sql/exec/index_ddl.hpp"

namespace basalt::engine::sql {
namespace {

const char* TagFor(ast::ObjectKind kind) {
  switch (kind) {
    case ast::ObjectKind::kIndex: return "ALTER INDEX";
    case ast::ObjectKind::kSequence: return "ALTER SEQUENCE";
    case ast::ObjectKind::kView: return "ALTER VIEW";
    default: return "ALTER TABLE";
  }
}

void Notice(const DdlEnv& env, std::string message) {
  if (env.notice) env.notice(DbError(SqlState::kSuccessfulCompletion, std::move(message)).WithSeverity(Severity::kNotice));
}

void RequireFreeRelationName(ExecContext& ctx, const catalog::TableDef& t, const std::string& name) {
  if (RelationNameTaken(ctx, t.database, t.schema, name)) {
    throw DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists", name));
  }
}

// The table owning index (or primary key) `name`, with the index position
// (-1 = the primary key).
std::optional<std::pair<catalog::TableDef, int>> FindIndexOwner(ExecContext& ctx, catalog::Oid database,
                                                                 const std::string& name) {
  for (catalog::TableDef& t : ctx.catalog->ListTables(*ctx.txn, database)) {
    if (t.has_primary_key() && t.primary_key_name == name) return std::make_pair(std::move(t), -1);
    for (size_t i = 0; i < t.indexes.size(); ++i) {
      if (t.indexes[i].name == name) return std::make_pair(std::move(t), static_cast<int>(i));
    }
  }
  return std::nullopt;
}

void RenameRelation(catalog::TableDef table, const std::string& new_name, ExecContext& ctx) {
  RequireFreeRelationName(ctx, table, new_name);
  const std::string old_name = table.name;
  table.name = new_name;
  for (catalog::ForeignKeyDef& fk : table.foreign_keys) {
    if (fk.ref_table == table.oid) fk.ref_table_name = new_name;
  }
  for (catalog::ForeignKeyRef& ref : table.referenced_by) {
    if (ref.table == table.oid) ref.table_name = new_name;
  }
  ctx.catalog->RenameTable(*ctx.txn, table, old_name);
  for (const catalog::ForeignKeyRef& ref : table.referenced_by) {
    if (ref.table == table.oid) continue;
    auto child = ctx.catalog->FindTable(*ctx.txn, table.database, ref.schema, ref.table_name);
    if (!child) continue;
    for (catalog::ForeignKeyDef& fk : child->foreign_keys) {
      if (fk.ref_table == table.oid) fk.ref_table_name = new_name;
    }
    ctx.catalog->UpdateTable(*ctx.txn, *child);
  }
  for (const catalog::ForeignKeyDef& fk : table.foreign_keys) {
    if (fk.ref_table == table.oid) continue;
    auto parent = ctx.catalog->FindTable(*ctx.txn, table.database, fk.ref_schema, fk.ref_table_name);
    if (!parent) continue;
    for (catalog::ForeignKeyRef& ref : parent->referenced_by) {
      if (ref.table == table.oid) ref.table_name = new_name;
    }
    ctx.catalog->UpdateTable(*ctx.txn, *parent);
  }
}

void RenameColumn(catalog::TableDef& table, const ast::RenameStmt& stmt, ExecContext& ctx) {
  int col = table.FindColumn(stmt.subname);
  if (col < 0) throw DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" does not exist", stmt.subname));
  if (table.FindColumn(stmt.new_name) >= 0) {
    throw DbError(SqlState::kDuplicateColumn,
                  fmt::format("column \"{}\" of relation \"{}\" already exists", stmt.new_name, table.name));
  }
  const std::string& from = stmt.subname;
  const std::string& to = stmt.new_name;
  table.columns[static_cast<size_t>(col)].name = to;
  for (catalog::CheckDef& c : table.checks) c.expr_sql = RenameColumnInSql(c.expr_sql, from, to);
  for (catalog::IndexDef& ix : table.indexes) {
    for (catalog::IndexKey& k : ix.keys) {
      if (k.column < 0) k.expr_sql = RenameColumnInSql(k.expr_sql, from, to);
    }
    ix.predicate_sql = RenameColumnInSql(ix.predicate_sql, from, to);
  }
  ctx.catalog->UpdateTable(*ctx.txn, table);
}

void RenameConstraint(catalog::TableDef& table, const ast::RenameStmt& stmt, ExecContext& ctx) {
  const std::string& from = stmt.subname;
  const std::string& to = stmt.new_name;
  bool exists = (table.has_primary_key() && table.primary_key_name == to);
  for (const auto& ix : table.indexes) exists = exists || (ix.constraint && ix.name == to);
  for (const auto& c : table.checks) exists = exists || c.name == to;
  for (const auto& fk : table.foreign_keys) exists = exists || fk.name == to;
  auto duplicate = [&] {
    return DbError(SqlState::kDuplicateObject,
                   fmt::format("constraint \"{}\" for relation \"{}\" already exists", to, table.name));
  };
  if (table.has_primary_key() && table.primary_key_name == from) {
    if (exists) throw duplicate();
    RequireFreeRelationName(ctx, table, to);
    table.primary_key_name = to;
  } else if (auto ix = std::find_if(table.indexes.begin(), table.indexes.end(),
                                    [&](const catalog::IndexDef& i) { return i.constraint && i.name == from; });
             ix != table.indexes.end()) {
    if (exists) throw duplicate();
    RequireFreeRelationName(ctx, table, to);
    ix->name = to;
  } else if (auto ck = std::find_if(table.checks.begin(), table.checks.end(),
                                    [&](const catalog::CheckDef& c) { return c.name == from; });
             ck != table.checks.end()) {
    if (exists) throw duplicate();
    ck->name = to;
    std::stable_sort(table.checks.begin(), table.checks.end(),
                     [](const catalog::CheckDef& a, const catalog::CheckDef& b) { return a.name < b.name; });
  } else if (auto fk = std::find_if(table.foreign_keys.begin(), table.foreign_keys.end(),
                                    [&](const catalog::ForeignKeyDef& f) { return f.name == from; });
             fk != table.foreign_keys.end()) {
    if (exists) throw duplicate();
    fk->name = to;
    auto relink = [&](catalog::TableDef& parent) {
      for (catalog::ForeignKeyRef& r : parent.referenced_by) {
        if (r.table == table.oid && r.constraint_name == from) r.constraint_name = to;
      }
    };
    if (fk->ref_table == table.oid) {
      relink(table);
    } else if (auto parent = ctx.catalog->FindTable(*ctx.txn, table.database, fk->ref_schema, fk->ref_table_name)) {
      relink(*parent);
      ctx.catalog->UpdateTable(*ctx.txn, *parent);
    }
  } else {
    throw DbError(SqlState::kUndefinedObject,
                  fmt::format("constraint \"{}\" for table \"{}\" does not exist", from, table.name));
  }
  ctx.catalog->UpdateTable(*ctx.txn, table);
}

}  // namespace

std::string ExecuteRename(const ast::RenameStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  const char* tag = TagFor(stmt.kind);
  if (stmt.kind == ast::ObjectKind::kSchema || stmt.kind == ast::ObjectKind::kOther) {
    throw DbError(SqlState::kFeatureNotSupported, "this RENAME is not supported yet");
  }
  ctx.txn->CheckWritable(tag);
  if (stmt.kind == ast::ObjectKind::kIndex && !stmt.column) {
    auto owner = FindIndexOwner(ctx, env.database, stmt.relation.name);
    if (!owner) {
      if (stmt.if_exists) {
        Notice(env, fmt::format("relation \"{}\" does not exist, skipping", stmt.relation.name));
        return tag;
      }
      throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", stmt.relation.name));
    }
    auto& [table, pos] = *owner;
    RequireFreeRelationName(ctx, table, stmt.new_name);
    if (pos < 0) {
      table.primary_key_name = stmt.new_name;
    } else {
      table.indexes[static_cast<size_t>(pos)].name = stmt.new_name;
    }
    ctx.catalog->UpdateTable(*ctx.txn, table);
    return tag;
  }
  auto found = binder.LookupTable(stmt.relation);
  if (!found || found->oid < catalog::kFirstUserOid) {
    if (!found && !stmt.column && !stmt.constraint) {
      // ALTER TABLE also renames indexes, as in PostgreSQL.
      if (auto owner = FindIndexOwner(ctx, env.database, stmt.relation.name)) {
        ast::RenameStmt as_index;
        as_index.kind = ast::ObjectKind::kIndex;
        as_index.relation = stmt.relation;
        as_index.new_name = stmt.new_name;
        ExecuteRename(as_index, binder, ctx, env);
        return tag;
      }
    }
    if (found) {
      throw DbError(SqlState::kInsufficientPrivilege,
                    fmt::format("permission denied: \"{}\" is a system catalog", stmt.relation.name));
    }
    if (stmt.if_exists) {
      Notice(env, fmt::format("relation \"{}\" does not exist, skipping", stmt.relation.name));
      return tag;
    }
    throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", stmt.relation.name));
  }
  catalog::TableDef table = std::move(*found);
  if (stmt.kind == ast::ObjectKind::kSequence && table.relkind != 'S') {
    throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a sequence", table.name));
  }
  if (stmt.kind == ast::ObjectKind::kView && table.relkind != 'v') {
    throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a view", table.name));
  }
  if (stmt.column) {
    RenameColumn(table, stmt, ctx);
  } else if (stmt.constraint) {
    RenameConstraint(table, stmt, ctx);
  } else {
    RenameRelation(std::move(table), stmt.new_name, ctx);
  }
  return tag;
}

}  // namespace basalt::engine::sql
