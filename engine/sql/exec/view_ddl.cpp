// CREATE [OR REPLACE] VIEW, DROP VIEW and the view dependencies of DROP TABLE.
//
// A view is a relation (TableDef, relkind 'v') in the tables' name space, so
// CREATE TABLE/VIEW collisions give 42P07 like PostgreSQL. Its ViewDef keeps
// the query as SQL text and the OIDs of the relations it reads; dropping one
// of those fails with 2BP01 unless CASCADE, which drops the views too.
#include <fmt/format.h>

#include <algorithm>

#include "engine/sql/exec/ddl_dispatch.hpp"

namespace basalt::engine::sql {
namespace {

const char* KindName(const catalog::TableDef& t) {
  switch (t.relkind) {
    case 'v': return "view";
    case 'S': return "sequence";
    default: return "table";
  }
}

bool Contains(const std::vector<catalog::TableDef>& v, catalog::Oid oid) {
  return std::any_of(v.begin(), v.end(), [&](const catalog::TableDef& t) { return t.oid == oid; });
}

// Views depending (transitively) on `rel`, with the relation each depends on.
void CollectDependents(const std::vector<catalog::TableDef>& all, const catalog::TableDef& rel,
                       const std::vector<catalog::TableDef>& skip,
                       std::vector<std::pair<catalog::TableDef, catalog::TableDef>>& out) {
  for (const auto& v : all) {
    if (v.relkind != 'v' || !v.view || Contains(skip, v.oid)) continue;
    const auto& deps = v.view->depends_on;
    if (std::find(deps.begin(), deps.end(), rel.oid) == deps.end()) continue;
    bool seen = false;
    for (const auto& [d, on] : out) seen = seen || d.oid == v.oid;
    if (seen) continue;
    out.emplace_back(v, rel);
    CollectDependents(all, v, skip, out);
  }
}

}  // namespace

void DropDependentViews(ExecContext& ctx, const catalog::TableDef& rel, bool cascade, const NoticeFn& notice,
                        const std::vector<catalog::TableDef>& dropped_too) {
  std::vector<std::pair<catalog::TableDef, catalog::TableDef>> deps;
  // Creation (OID) order, depth first, as PostgreSQL reports them.
  std::vector<catalog::TableDef> all = ctx.catalog->ListTables(*ctx.txn, rel.database);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.oid < b.oid; });
  CollectDependents(all, rel, dropped_too, deps);
  if (deps.empty()) return;
  std::string detail;
  for (const auto& [d, on] : deps) {
    if (!detail.empty()) detail += '\n';
    detail += cascade ? fmt::format("drop cascades to view {}", d.name)
                      : fmt::format("view {} depends on {} {}", d.name, KindName(on), on.name);
  }
  if (!cascade) {
    throw DbError(SqlState::kDependentObjectsStillExist,
                  fmt::format("cannot drop {} {} because other objects depend on it", KindName(rel), rel.name))
        .WithDetail(detail)
        .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
  }
  if (deps.size() == 1) {
    notice(DbError(SqlState::kSuccessfulCompletion, detail).WithSeverity(Severity::kNotice));
  } else {
    notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("drop cascades to {} other objects", deps.size()))
               .WithDetail(detail)
               .WithSeverity(Severity::kNotice));
  }
  for (const auto& [d, on] : deps) ctx.catalog->DropTable(*ctx.txn, d);
}

std::string ExecuteDdl(const ast::CreateViewStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ctx.txn->CheckWritable("CREATE VIEW");
  if (stmt.temporary) throw DbError(SqlState::kFeatureNotSupported, "temporary views are not supported yet");
  if (stmt.has_options) {
    throw DbError(SqlState::kFeatureNotSupported, "view options and WITH CHECK OPTION are not supported yet");
  }
  catalog::Oid schema = binder.ResolveCreationSchema(stmt.view);
  // A fresh binder, so referenced_relations() lists exactly what the view reads.
  Binder vb(binder.catalog(), binder.txn(), binder.database());
  BoundQuery q = vb.BindSelect(*stmt.query);
  if (stmt.columns.size() > q.columns.size()) {
    throw DbError(SqlState::kSyntaxError, "CREATE VIEW specifies more column names than columns");
  }
  std::vector<catalog::ColumnDef> columns;
  for (size_t i = 0; i < q.columns.size(); ++i) {
    catalog::ColumnDef c;
    c.name = i < stmt.columns.size() ? stmt.columns[i] : q.columns[i].name;
    c.type = q.columns[i].type;
    for (const auto& prev : columns) {
      if (prev.name == c.name) {
        throw DbError(SqlState::kDuplicateColumn, fmt::format("column \"{}\" specified more than once", c.name));
      }
    }
    columns.push_back(std::move(c));
  }
  std::vector<catalog::Oid> deps = vb.referenced_relations();
  std::sort(deps.begin(), deps.end());
  deps.erase(std::unique(deps.begin(), deps.end()), deps.end());

  std::optional<catalog::TableDef> existing =
      ctx.catalog->FindTable(*ctx.txn, binder.database(), schema, stmt.view.name);
  if (existing) {
    if (!stmt.replace) {
      throw DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists", stmt.view.name));
    }
    if (existing->relkind != 'v') {
      throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a view", stmt.view.name));
    }
    // PostgreSQL's checkViewTupleDesc: columns may only be added at the end.
    const auto& old = existing->columns;
    if (columns.size() < old.size()) {
      throw DbError(SqlState::kInvalidTableDefinition, "cannot drop columns from view");
    }
    for (size_t i = 0; i < old.size(); ++i) {
      if (old[i].name != columns[i].name) {
        throw DbError(SqlState::kInvalidTableDefinition,
                      fmt::format("cannot change name of view column \"{}\" to \"{}\"", old[i].name, columns[i].name))
            .WithHint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
      }
      if (!(old[i].type == columns[i].type)) {
        throw DbError(SqlState::kInvalidTableDefinition,
                      fmt::format("cannot change data type of view column \"{}\" from {} to {}", old[i].name,
                                  FormatType(old[i].type), FormatType(columns[i].type)));
      }
    }
    catalog::TableDef def = *existing;
    def.columns = std::move(columns);
    def.view = catalog::ViewDef{stmt.query_sql, std::move(deps)};
    ctx.catalog->UpdateTable(*ctx.txn, def);
    return "CREATE VIEW";
  }
  catalog::TableDef def;
  def.database = env.database;
  def.schema = schema;
  def.name = stmt.view.name;
  def.owner = env.owner;
  def.relkind = 'v';
  def.columns = std::move(columns);
  def.view = catalog::ViewDef{stmt.query_sql, std::move(deps)};
  ctx.catalog->CreateTable(*ctx.txn, def);
  return "CREATE VIEW";
}

std::string ExecuteDropView(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ctx.txn->CheckWritable("DROP VIEW");
  std::vector<catalog::TableDef> views;
  for (const ast::RangeVar& rv : stmt.objects) {
    std::string shown = rv.schema.empty() ? rv.name : fmt::format("{}.{}", rv.schema, rv.name);
    auto t = binder.LookupTable(rv);
    if (!t) {
      if (stmt.if_exists) {
        env.notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("view \"{}\" does not exist, skipping", shown))
                       .WithSeverity(Severity::kNotice));
        continue;
      }
      throw DbError(SqlState::kUndefinedTable, fmt::format("view \"{}\" does not exist", shown));
    }
    if (t->relkind != 'v') {
      throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a view", t->name))
          .WithHint(t->relkind == 'S' ? "Use DROP SEQUENCE to remove a sequence." : "Use DROP TABLE to remove a table.");
    }
    views.push_back(std::move(*t));
  }
  for (const auto& v : views) DropDependentViews(ctx, v, stmt.cascade, env.notice, views);
  for (const auto& v : views) ctx.catalog->DropTable(*ctx.txn, v);
  return "DROP VIEW";
}

}  // namespace basalt::engine::sql
