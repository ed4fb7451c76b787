// TRUNCATE (PostgreSQL's ExecuteTruncate). Rows are removed through the
// statement's transaction exactly like DELETE without WHERE (the same row
// locks, index maintenance and tombstones), so TRUNCATE is transactional as
// in PostgreSQL; RESTART IDENTITY resets the tables' owned sequences.
#include <fmt/format.h>

#include <algorithm>

#include "engine/catalog/relation_resolver.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/exec/ddl_dispatch.hpp"
#include "engine/sql/exec/dml_executor.hpp"

namespace basalt::engine::sql {
namespace {

bool Contains(const std::vector<catalog::TableDef>& tables, catalog::Oid oid) {
  return std::any_of(tables.begin(), tables.end(), [&](const catalog::TableDef& t) { return t.oid == oid; });
}

}  // namespace

std::string ExecuteTruncate(const ast::TruncateStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ctx.txn->CheckWritable("TRUNCATE TABLE");
  std::vector<catalog::TableDef> tables;
  for (const ast::RangeVar& rv : stmt.tables) {
    auto found = binder.LookupTable(rv);
    if (!found) {
      throw DbError(SqlState::kUndefinedTable,
                    fmt::format("relation \"{}\" does not exist", rv.schema.empty() ? rv.name : rv.schema + "." + rv.name));
    }
    catalog::TableDef t = std::move(*found);
    if (t.relkind != 'r') {
      throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a table", t.name));
    }
    if (!Contains(tables, t.oid)) tables.push_back(std::move(t));
  }
  // Tables whose foreign keys reference a truncated table: CASCADE adds them,
  // RESTRICT (the default) refuses.
  for (size_t i = 0; i < tables.size(); ++i) {
    std::vector<catalog::ForeignKeyRef> refs = tables[i].referenced_by;
    for (const catalog::ForeignKeyRef& ref : refs) {
      if (Contains(tables, ref.table)) continue;
      if (!stmt.cascade) {
        throw DbError(SqlState::kFeatureNotSupported, "cannot truncate a table referenced in a foreign key constraint")
            .WithDetail(fmt::format("Table \"{}\" references \"{}\".", ref.table_name, tables[i].name))
            .WithHint(fmt::format("Truncate table \"{}\" at the same time, or use TRUNCATE ... CASCADE.",
                                  ref.table_name));
      }
      auto t = catalog::FindRelationByOid(*ctx.catalog, *ctx.txn, tables[i].database, ref.table);
      if (!t || t->oid != ref.table) continue;
      env.notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("truncate cascades to table \"{}\"", t->name))
                     .WithSeverity(Severity::kNotice));
      tables.push_back(std::move(*t));
    }
  }
  // Referencing tables first, so the foreign-key checks of the deletes pass.
  for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
    ast::DeleteStmt del;
    del.table.name = it->name;
    del.table.schema = catalog::SchemaName(*ctx.txn, it->database, it->schema);
    BoundDml dml = binder.BindDelete(del);
    ExecuteDml(dml, ctx);
  }
  if (stmt.restart_identity) {
    for (const catalog::TableDef& t : tables) {
      for (const catalog::TableDef& s : ctx.catalog->ListTables(*ctx.txn, t.database)) {
        if (s.relkind == 'S' && s.sequence && s.sequence->owned_by_table == t.oid) {
          ctx.catalog->sequences().Set(s.oid, *s.sequence, s.sequence->start, false);
        }
      }
    }
  }
  return "TRUNCATE TABLE";
}

}  // namespace basalt::engine::sql
