#include "engine/sql/exec/index_ddl.hpp"

#include <fmt/format.h>

#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/row_codec.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/binder/table_expr.hpp"
#include "engine/sql/exec/index_maintainer.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

constexpr size_t kMaxIdentifierBytes = 63;  // NAMEDATALEN - 1

// Bytes of `s` that fit in `n` without splitting a UTF-8 character.
size_t ClipUtf8(const std::string& s, size_t n) {
  if (n >= s.size()) return s.size();
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

std::string MakeObjectName(const std::string& name1, const std::string& name2, const std::string& label) {
  size_t overhead = label.empty() ? 0 : label.size() + 1;
  if (!name2.empty()) overhead += 1;
  size_t avail = kMaxIdentifierBytes - overhead;
  size_t len1 = name1.size();
  size_t len2 = name2.size();
  // Shorten the longer name first, as PostgreSQL does.
  while (len1 + len2 > avail) {
    if (len1 > len2) {
      --len1;
    } else {
      --len2;
    }
  }
  std::string out = name1.substr(0, ClipUtf8(name1, len1));
  if (!name2.empty()) out += "_" + name2.substr(0, ClipUtf8(name2, len2));
  if (!label.empty()) out += "_" + label;
  return out;
}

// PostgreSQL's ChooseIndexNameAddition: column names joined by '_', stopping
// once the result would exceed an identifier.
std::string IndexNameAddition(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += '_';
    out += n;
    if (out.size() >= kMaxIdentifierBytes) break;
  }
  return out;
}

std::string IndexColumnName(const ast::IndexElem& e) {
  if (!e.column.empty()) return e.column;
  std::string name = FigureColumnName(*e.expr);
  return name == "?column?" ? "expr" : name;
}

}  // namespace

std::string ChooseObjectName(const std::string& name1, const std::string& name2, const std::string& label,
                             const std::function<bool(const std::string&)>& taken) {
  std::string name = MakeObjectName(name1, name2, label);
  for (int pass = 1; taken(name); ++pass) name = MakeObjectName(name1, name2, label + std::to_string(pass));
  return name;
}

bool RelationNameTaken(ExecContext& ctx, catalog::Oid database, catalog::Oid schema, const std::string& name) {
  for (const catalog::TableDef& t : ctx.catalog->ListTables(*ctx.txn, database)) {
    if (t.schema != schema) continue;
    if (t.name == name || (t.has_primary_key() && t.primary_key_name == name)) return true;
    for (const catalog::IndexDef& ix : t.indexes) {
      if (ix.name == name) return true;
    }
  }
  return false;
}

void AddIndexToTable(catalog::TableDef& table, catalog::IndexDef def, ExecContext& ctx) {
  table.indexes.push_back(std::move(def));
  size_t pos = table.indexes.size() - 1;
  ctx.catalog->UpdateTable(*ctx.txn, table);
  IndexMaintainer maintainer(table, ctx);
  std::string begin = catalog::RowKeyPrefix(table.oid);
  std::string end = catalog::RowKeyPrefixEnd(table.oid);
  Row row;
  for (auto cur = ctx.txn->Scan(storage::Cf::kRows, begin, end); cur->Valid(); cur->Next()) {
    ctx.CheckCancel();
    catalog::DecodeRowValue(table, cur->value(), row);
    try {
      maintainer.InsertInto(pos, row, cur->key());
    } catch (DbError& err) {
      if (err.code() != SqlState::kUniqueViolation) throw;
      // PostgreSQL reports a failed build differently from a failed insert.
      std::string detail = err.detail().value_or("");
      const std::string suffix = " already exists.";
      if (detail.size() > suffix.size() && detail.ends_with(suffix)) {
        detail = detail.substr(0, detail.size() - suffix.size()) + " is duplicated.";
      }
      throw DbError(SqlState::kUniqueViolation,
                    fmt::format("could not create unique index \"{}\"", table.indexes[pos].name))
          .WithDetail(detail)
          .WithSchema(catalog::KnownSchemaName(table.schema))
          .WithTable(table.name)
          .WithConstraint(table.indexes[pos].name);
    }
  }
}

void ExecuteCreateIndex(const ast::CreateIndexStmt& stmt, Binder& binder, ExecContext& ctx, const NoticeFn& notice) {
  ctx.txn->CheckWritable("CREATE INDEX");
  auto found = binder.LookupTable(stmt.table);
  if (!found) {
    // PostgreSQL reports this one without a position.
    throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", stmt.table.name));
  }
  catalog::TableDef table = std::move(*found);
  catalog::IndexDef def;
  def.unique = stmt.unique;
  std::vector<std::string> column_names;
  for (const ast::IndexElem& e : stmt.elems) {
    catalog::IndexKey key;
    key.descending = e.dir == ast::SortDir::kDesc;
    key.nulls_first = e.nulls == ast::NullsOrder::kDefault ? key.descending : e.nulls == ast::NullsOrder::kFirst;
    const ast::Expr* expr = e.expr.get();
    std::string column = e.column;
    // (a) is a plain column, as in PostgreSQL.
    if (expr && expr->kind == ast::ExprKind::kColumnRef && expr->names.size() == 1 && !expr->star) {
      column = expr->names[0];
      expr = nullptr;
    }
    if (!expr) {
      key.column = table.FindColumn(column);
      if (key.column < 0) {
        throw DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" does not exist", column));
      }
      TypeId t = table.columns[key.column].type.id;
      if (t == TypeId::kInterval || t == TypeId::kTimeTz) {
        throw DbError(SqlState::kFeatureNotSupported,
                      fmt::format("indexes on type {} are not supported yet", FormatType(table.columns[key.column].type)));
      }
      column_names.push_back(column);
    } else {
      BoundExprPtr bound = BindTableExpr(table, *expr, "index expressions");
      if (bound->type.id == TypeId::kInterval || bound->type.id == TypeId::kTimeTz) {
        throw DbError(SqlState::kFeatureNotSupported,
                      fmt::format("indexes on type {} are not supported yet", FormatType(bound->type)));
      }
      // Stored as PostgreSQL prints index keys: a function call bare, any
      // other expression parenthesised (DETAIL "Key ((c % 2))=(1) ...").
      std::string text = DeparseExpr(*expr);
      bool wrapped = text.size() >= 2 && text.front() == '(' && text.back() == ')';
      key.expr_sql = expr->kind == ast::ExprKind::kFunc || wrapped ? text : "(" + text + ")";
      column_names.push_back(IndexColumnName(e));
    }
    def.keys.push_back(std::move(key));
  }
  if (stmt.where) {
    BoundExprPtr pred = CoerceToBool(BindTableExpr(table, *stmt.where, "index predicate"), "WHERE");
    (void)pred;
    def.predicate_sql = DeparseExpr(*stmt.where);
  }
  auto taken = [&](const std::string& n) { return RelationNameTaken(ctx, table.database, table.schema, n); };
  if (stmt.name.empty()) {
    def.name = ChooseObjectName(table.name, IndexNameAddition(column_names), "idx", taken);
  } else {
    def.name = stmt.name;
    if (taken(def.name)) {
      if (stmt.if_not_exists) {
        notice(DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists, skipping", def.name))
                   .WithSeverity(Severity::kNotice));
        return;
      }
      throw DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists", def.name));
    }
  }
  def.oid = ctx.catalog->AllocateOid();
  AddIndexToTable(table, std::move(def), ctx);
}

void ExecuteDropIndex(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, catalog::Oid database,
                      const NoticeFn& notice) {
  ctx.txn->CheckWritable("DROP INDEX");
  struct Target {
    catalog::TableDef table;
    size_t pos;
  };
  std::vector<Target> targets;
  for (const ast::RangeVar& rv : stmt.objects) {
    catalog::Oid schema = binder.ResolveCreationSchema(rv);
    std::string shown = rv.schema.empty() ? rv.name : fmt::format("{}.{}", rv.schema, rv.name);
    bool found = false;
    for (catalog::TableDef& t : ctx.catalog->ListTables(*ctx.txn, database)) {
      if (t.schema != schema) continue;
      if (t.has_primary_key() && t.primary_key_name == rv.name) {
        throw DbError(SqlState::kDependentObjectsStillExist,
                      fmt::format("cannot drop index {} because constraint {} on table {} requires it", rv.name,
                                  rv.name, t.name))
            .WithHint(fmt::format("You can drop constraint {} on table {} instead.", rv.name, t.name));
      }
      for (size_t i = 0; i < t.indexes.size(); ++i) {
        if (t.indexes[i].name != rv.name) continue;
        if (t.indexes[i].constraint) {
          throw DbError(SqlState::kDependentObjectsStillExist,
                        fmt::format("cannot drop index {} because constraint {} on table {} requires it", rv.name,
                                    rv.name, t.name))
              .WithHint(fmt::format("You can drop constraint {} on table {} instead.", rv.name, t.name));
        }
        targets.push_back(Target{t, i});
        found = true;
      }
      if (t.name == rv.name && !found) {
        throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not an index", rv.name))
            .WithHint("Use DROP TABLE to remove a table.");
      }
    }
    if (!found) {
      if (stmt.if_exists) {
        notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("index \"{}\" does not exist, skipping", shown))
                   .WithSeverity(Severity::kNotice));
        continue;
      }
      throw DbError(SqlState::kUndefinedObject, fmt::format("index \"{}\" does not exist", shown));
    }
  }
  for (Target& target : targets) {
    // Re-read: an earlier target may have been an index of the same table.
    auto table = ctx.catalog->FindTable(*ctx.txn, target.table.database, target.table.schema, target.table.name);
    if (!table) continue;
    const std::string& name = target.table.indexes[target.pos].name;
    for (size_t i = 0; i < table->indexes.size(); ++i) {
      if (table->indexes[i].name != name) continue;
      catalog::DeleteIndexEntries(*ctx.txn, table->indexes[i].oid);
      table->indexes.erase(table->indexes.begin() + static_cast<std::ptrdiff_t>(i));
      ctx.catalog->UpdateTable(*ctx.txn, *table);
      break;
    }
  }
}

}  // namespace basalt::engine::sql
