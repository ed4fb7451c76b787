// ALTER TABLE ADD PRIMARY KEY / DROP CONSTRAINT, and the column renaming of
// stored expressions that RENAME COLUMN needs.
//
// A table's primary key is its storage key (row_codec.hpp), so adding or
// dropping one rewrites the rows (table_rewrite.hpp) inside the statement's
// transaction: afterwards the table is stored exactly like one created with
// (or without) that key, and point reads by the key are just as fast.
#include <fmt/format.h>

#include <algorithm>

#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/exec/constraint_ddl.hpp"
#include "engine/sql/exec/ddl_alter.hpp"
#include "engine/sql/exec/index_ddl.hpp"
#include "engine/sql/exec/table_rewrite.hpp"
#include "engine/sql/parser/parser.hpp"

namespace basalt::engine::sql {
namespace {

void CopyRow(const Row& in, Row& out) { std::copy(in.begin(), in.end(), out.begin()); }

bool ConstraintNameUsed(const catalog::TableDef& t, const std::string& name) {
  if (t.has_primary_key() && t.primary_key_name == name) return true;
  for (const auto& ix : t.indexes) {
    if (ix.constraint && ix.name == name) return true;
  }
  for (const auto& c : t.checks) {
    if (c.name == name) return true;
  }
  for (const auto& fk : t.foreign_keys) {
    if (fk.name == name) return true;
  }
  return false;
}

bool DropForeignKey(catalog::TableDef& table, const std::string& name, ExecContext& ctx) {
  auto it = std::find_if(table.foreign_keys.begin(), table.foreign_keys.end(),
                         [&](const catalog::ForeignKeyDef& fk) { return fk.name == name; });
  if (it == table.foreign_keys.end()) return false;
  catalog::ForeignKeyDef fk = *it;
  table.foreign_keys.erase(it);
  auto unlink = [&](catalog::TableDef& parent) {
    std::erase_if(parent.referenced_by, [&](const catalog::ForeignKeyRef& r) {
      return r.table == table.oid && r.constraint_name == name;
    });
  };
  if (fk.ref_table == table.oid) {
    unlink(table);
  } else if (auto parent = ctx.catalog->FindTable(*ctx.txn, table.database, fk.ref_schema, fk.ref_table_name)) {
    unlink(*parent);
    ctx.catalog->UpdateTable(*ctx.txn, *parent);
  }
  ctx.catalog->UpdateTable(*ctx.txn, table);
  return true;
}

void RenameInExpr(ast::Expr& e, const std::string& from, const std::string& to) {
  if (e.kind == ast::ExprKind::kColumnRef && !e.names.empty() && e.names.back() == from) e.names.back() = to;
  for (auto& a : e.args) {
    if (a) RenameInExpr(*a, from, to);
  }
}

}  // namespace

void AddPrimaryKey(catalog::TableDef& table, const std::vector<std::string>& columns, const std::string& name,
                   int location, ExecContext& ctx) {
  if (table.has_primary_key()) {
    // PostgreSQL reports ALTER TABLE's key errors without a position.
    throw DbError(SqlState::kInvalidTableDefinition,
                  fmt::format("multiple primary keys for table \"{}\" are not allowed", table.name));
  }
  catalog::TableDef after = table;
  for (const std::string& c : columns) {
    int idx = after.FindColumn(c);
    if (idx < 0) {
      throw DbError(SqlState::kUndefinedColumn,
                    fmt::format("column \"{}\" of relation \"{}\" does not exist", c, table.name));
    }
    if (std::find(after.primary_key.begin(), after.primary_key.end(), idx) != after.primary_key.end()) {
      throw AtLocation(DbError(SqlState::kDuplicateColumn,
                               fmt::format("column \"{}\" appears twice in primary key constraint", c)),
                       location);
    }
    TypeId t = after.columns[static_cast<size_t>(idx)].type.id;
    if (t == TypeId::kInterval || t == TypeId::kTimeTz) {
      throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                               fmt::format("primary keys on type {} are not supported yet",
                                           FormatType(after.columns[static_cast<size_t>(idx)].type))),
                       location);
    }
    after.primary_key.push_back(idx);
    after.columns[static_cast<size_t>(idx)].not_null = true;
  }
  auto taken = [&](const std::string& n) { return RelationNameTaken(ctx, table.database, table.schema, n); };
  if (name.empty()) {
    after.primary_key_name = ChooseObjectName(table.name, "", "pkey", taken);
  } else {
    if (ConstraintNameUsed(table, name)) {
      throw DbError(SqlState::kDuplicateObject,
                    fmt::format("constraint \"{}\" for relation \"{}\" already exists", name, table.name));
    }
    if (taken(name)) throw DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists", name));
    after.primary_key_name = name;
  }
  ctx.catalog->UpdateTable(*ctx.txn, after);
  RewriteTable(table, after, CopyRow, ctx);
  table = std::move(after);
}

bool DropConstraint(catalog::TableDef& table, const std::string& name, bool cascade, ExecContext& ctx) {
  if (table.has_primary_key() && table.primary_key_name == name) {
    for (const catalog::ForeignKeyRef& ref : table.referenced_by) {
      if (ref.table == table.oid) continue;
      if (cascade) {
        throw DbError(SqlState::kFeatureNotSupported,
                      "DROP CONSTRAINT ... CASCADE of a referenced primary key is not supported yet");
      }
      throw DbError(SqlState::kDependentObjectsStillExist,
                    fmt::format("cannot drop constraint {} on table {} because other objects depend on it", name,
                                table.name))
          .WithDetail(fmt::format("constraint {} on table {} depends on index {}", ref.constraint_name, ref.table_name,
                                  name))
          .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
    }
    catalog::TableDef after = table;
    after.primary_key.clear();
    after.primary_key_name.clear();
    ctx.catalog->UpdateTable(*ctx.txn, after);
    RewriteTable(table, after, CopyRow, ctx);  // back to hidden row ids
    table = std::move(after);
    return true;
  }
  if (DropForeignKey(table, name, ctx)) return true;
  return DropTableConstraint(table, name, ctx);
}

std::string RenameColumnInSql(const std::string& sql, const std::string& from, const std::string& to) {
  if (sql.empty()) return sql;
  auto stmts = Parser::Parse("SELECT " + sql);
  auto& select = std::get<ast::SelectStmt>(stmts.at(0).body);
  ast::Expr& e = *select.targets.at(0).expr;
  // Keep the stored text's outer parenthesisation (index keys are stored
  // as PostgreSQL prints them, which a plain deparse would wrap once more).
  const std::string unchanged = DeparseExpr(e);
  RenameInExpr(e, from, to);
  std::string renamed = DeparseExpr(e);
  if (unchanged != sql && unchanged == "(" + sql + ")" && renamed.size() >= 2 && renamed.front() == '(' &&
      renamed.back() == ')') {
    renamed = renamed.substr(1, renamed.size() - 2);
  }
  return renamed;
}

}  // namespace basalt::engine::sql
