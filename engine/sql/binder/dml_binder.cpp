#include <fmt/format.h>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/system/system_relation.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/parser/parser.hpp"

namespace basalt::engine::sql {
namespace {

// Assignment coercion of a value for `column`, with PostgreSQL's 42804 error.
BoundExprPtr CoerceForColumn(BoundExprPtr e, const catalog::ColumnDef& column) {
  Type from = e->type;
  int loc = e->location;
  BoundExprPtr out = TryCoerce(std::move(e), column.type, CastContext::kAssignment);
  if (!out) {
    throw AtLocation(DbError(SqlState::kDatatypeMismatch,
                             fmt::format("column \"{}\" is of type {} but expression is of type {}", column.name,
                                         FormatType(column.type), FormatType(Type{from.id, -1})))
                         .WithHint("You will need to rewrite or cast the expression."),
                     loc);
  }
  return out;
}

void RejectUnsupportedDml(bool with) {
  if (with) throw DbError(SqlState::kFeatureNotSupported, "WITH queries are not supported yet");
}

// INSERT/UPDATE/DELETE on a sequence (PostgreSQL's CheckValidResultRel).
void RejectNonTable(const catalog::TableDef& table) {
  if (table.relkind == 'S') {
    throw DbError(SqlState::kWrongObjectType, fmt::format("cannot change sequence \"{}\"", table.name));
  }
  if (table.relkind == 'v') {
    throw DbError(SqlState::kFeatureNotSupported, fmt::format("cannot change view \"{}\"", table.name))
        .WithDetail("Basalt does not support updatable views yet.");
  }
}

// A value for a GENERATED ALWAYS identity column (PostgreSQL's rewriter).
[[noreturn]] void IdentityAlways(const catalog::ColumnDef& col, bool update) {
  DbError err(SqlState::kGeneratedAlways,
              update ? fmt::format("column \"{}\" can only be updated to DEFAULT", col.name)
                     : fmt::format("cannot insert a non-DEFAULT value into column \"{}\"", col.name));
  err.WithDetail(fmt::format("Column \"{}\" is an identity column defined as GENERATED ALWAYS.", col.name));
  if (!update) err.WithHint("Use OVERRIDING SYSTEM VALUE to override.");
  throw err;
}

}  // namespace

BoundExprPtr Binder::BindColumnDefault(const catalog::TableDef& table, int column) {
  const catalog::ColumnDef& col = table.columns[column];
  if (col.default_sql.empty()) return BoundExpr::Const(Value::Null(), col.type);
  auto stmts = Parser::Parse("SELECT " + col.default_sql);
  const auto& select = std::get<ast::SelectStmt>(stmts.at(0).body);
  Scope empty;
  ExprBinder eb(empty, "DEFAULT expressions", nullptr);
  BoundExprPtr e = eb.Bind(*select.targets.at(0).expr);
  e->location = -1;
  return CoerceForColumn(std::move(e), col);
}

BoundDml Binder::BindInsert(const ast::InsertStmt& stmt) {
  RejectUnsupportedDml(!stmt.with.empty());
  if (stmt.has_on_conflict) throw DbError(SqlState::kFeatureNotSupported, "ON CONFLICT is not supported yet");
  BoundDml dml;
  dml.kind = DmlKind::kInsert;
  dml.table = ResolveTable(stmt.table);
  system::CheckWritable(dml.table);
  RejectNonTable(dml.table);
  const catalog::TableDef& table = dml.table;

  // Target columns, in the order written (all columns when omitted).
  std::vector<int> targets;
  if (stmt.columns.empty()) {
    for (size_t i = 0; i < table.columns.size(); ++i) targets.push_back(static_cast<int>(i));
  } else {
    for (size_t i = 0; i < stmt.columns.size(); ++i) {
      int col = table.FindColumn(stmt.columns[i]);
      int loc = i < stmt.column_locations.size() ? stmt.column_locations[i] : -1;
      if (col < 0) {
        throw AtLocation(DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" of relation \"{}\" does not exist",
                                                                         stmt.columns[i], table.name)),
                         loc);
      }
      for (int t : targets) {
        if (t == col) {
          throw AtLocation(
              DbError(SqlState::kDuplicateColumn, fmt::format("column \"{}\" specified more than once", stmt.columns[i])),
              loc);
        }
      }
      targets.push_back(col);
    }
  }

  auto values = std::make_unique<ValuesPlan>();
  for (const auto& c : table.columns) values->output_types.push_back(c.type);
  auto default_row = [&]() {
    std::vector<BoundExprPtr> row(table.columns.size());
    for (size_t i = 0; i < table.columns.size(); ++i) row[i] = BindColumnDefault(table, static_cast<int>(i));
    return row;
  };

  if (!stmt.source) {
    values->rows.push_back(default_row());
    dml.source = std::move(values);
    return dml;
  }
  const ast::SelectStmt& src = *stmt.source;
  if (src.values.empty()) {
    // INSERT ... SELECT: project the query's columns into table order.
    BoundQuery q = BindSelect(src);
    if (q.columns.size() > targets.size()) {
      throw DbError(SqlState::kSyntaxError, "INSERT has more expressions than target columns");
    }
    if (q.columns.size() < targets.size() && !stmt.columns.empty()) {
      throw DbError(SqlState::kSyntaxError, "INSERT has more target columns than expressions");
    }
    auto project = std::make_unique<ProjectPlan>();
    project->output_types = values->output_types;
    std::vector<BoundExprPtr> row = default_row();
    for (size_t i = 0; i < q.columns.size(); ++i) {
      if (table.columns[targets[i]].identity == 'a') IdentityAlways(table.columns[targets[i]], false);
      row[targets[i]] = CoerceForColumn(BoundExpr::Column(static_cast<int>(i), q.columns[i].type),
                                        table.columns[targets[i]]);
    }
    project->exprs = std::move(row);
    project->child = std::move(q.plan);
    dml.source = std::move(project);
    return dml;
  }

  Scope empty;
  ExprBinder eb(empty, "VALUES", nullptr, this);
  for (const auto& in_row : src.values) {
    if (in_row.size() != src.values[0].size()) {
      throw AtLocation(DbError(SqlState::kSyntaxError, "VALUES lists must all be the same length"),
                       in_row.empty() ? -1 : in_row[0]->location);
    }
  }
  for (const auto& in_row : src.values) {
    if (in_row.size() > targets.size()) {
      throw AtLocation(DbError(SqlState::kSyntaxError, "INSERT has more expressions than target columns"),
                       in_row[targets.size()]->location);
    }
    if (in_row.size() < targets.size() && !stmt.columns.empty()) {
      throw AtLocation(DbError(SqlState::kSyntaxError, "INSERT has more target columns than expressions"),
                       stmt.column_locations.size() > in_row.size() ? stmt.column_locations[in_row.size()] : -1);
    }
    std::vector<BoundExprPtr> row = default_row();
    for (size_t i = 0; i < in_row.size(); ++i) {
      const ast::Expr& e = *in_row[i];
      if (e.kind == ast::ExprKind::kDefault) continue;
      if (table.columns[targets[i]].identity == 'a') IdentityAlways(table.columns[targets[i]], false);
      row[targets[i]] = CoerceForColumn(eb.Bind(e), table.columns[targets[i]]);
    }
    values->rows.push_back(std::move(row));
  }
  dml.source = std::move(values);
  BindReturning(dml, stmt.returning, stmt.alias.value_or(dml.table.name));
  return dml;
}

BoundDml Binder::BindUpdate(const ast::UpdateStmt& stmt) {
  RejectUnsupportedDml(!stmt.with.empty());
  if (!stmt.from.empty()) throw DbError(SqlState::kFeatureNotSupported, "UPDATE ... FROM is not supported yet");
  BoundDml dml;
  dml.kind = DmlKind::kUpdate;
  dml.table = ResolveTable(stmt.table);
  system::CheckWritable(dml.table);
  RejectNonTable(dml.table);
  Scope scope;
  std::string alias = stmt.alias.value_or(dml.table.name);
  auto scan = BindTableScan(dml.table, alias, scope, stmt.where.get(), "WHERE");
  scan->emit_key = true;
  if (scan->filter) dml.recheck = CloneExpr(*scan->filter);
  dml.assignments.resize(dml.table.columns.size());
  ExprBinder eb(scope, "UPDATE", nullptr, this);
  for (const auto& set : stmt.set) {
    int col = dml.table.FindColumn(set.alias);
    if (col < 0) {
      throw AtLocation(DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" of relation \"{}\" does not exist",
                                                                       set.alias, dml.table.name)),
                       set.location);
    }
    if (dml.assignments[col]) {
      throw AtLocation(DbError(SqlState::kSyntaxError, fmt::format("multiple assignments to same column \"{}\"", set.alias)),
                       set.location);
    }
    if (set.expr->kind == ast::ExprKind::kDefault) {
      dml.assignments[col] = BindColumnDefault(dml.table, col);
    } else {
      if (dml.table.columns[col].identity == 'a') IdentityAlways(dml.table.columns[col], true);
      dml.assignments[col] = CoerceForColumn(eb.Bind(*set.expr), dml.table.columns[col]);
    }
  }
  scan->output_types.push_back(Type{TypeId::kText, -1});
  dml.source = std::move(scan);
  BindReturning(dml, stmt.returning, alias);
  return dml;
}

BoundDml Binder::BindDelete(const ast::DeleteStmt& stmt) {
  RejectUnsupportedDml(!stmt.with.empty());
  if (!stmt.using_tables.empty()) throw DbError(SqlState::kFeatureNotSupported, "DELETE ... USING is not supported yet");
  BoundDml dml;
  dml.kind = DmlKind::kDelete;
  dml.table = ResolveTable(stmt.table);
  system::CheckWritable(dml.table);
  RejectNonTable(dml.table);
  Scope scope;
  std::string alias = stmt.alias.value_or(dml.table.name);
  auto scan = BindTableScan(dml.table, alias, scope, stmt.where.get(), "WHERE");
  scan->emit_key = true;
  if (scan->filter) dml.recheck = CloneExpr(*scan->filter);
  scan->output_types.push_back(Type{TypeId::kText, -1});
  dml.source = std::move(scan);
  BindReturning(dml, stmt.returning, alias);
  return dml;
}

void Binder::BindReturning(BoundDml& dml, const std::vector<ast::ResTarget>& returning, const std::string& alias) {
  if (returning.empty()) return;
  const catalog::TableDef& table = dml.table;
  Scope scope;
  scope.tables.push_back(alias);
  if (alias != table.name) scope.aliased_tables.emplace_back(table.name, alias);
  for (size_t i = 0; i < table.columns.size(); ++i) {
    scope.columns.push_back(ScopeColumn{alias, table.columns[i].name, table.columns[i].type, table.oid,
                                        static_cast<int16_t>(i + 1)});
  }
  ExprBinder eb(scope, "RETURNING", nullptr, this);
  for (const auto& t : returning) {
    const ast::Expr& e = *t.expr;
    if (e.kind == ast::ExprKind::kColumnRef && e.star) {
      std::string qualifier = e.names.empty() ? "" : e.names.back();
      if (!qualifier.empty() && qualifier != alias) {
        throw AtLocation(
            DbError(SqlState::kUndefinedTable, fmt::format("missing FROM-clause entry for table \"{}\"", qualifier)),
            e.location);
      }
      for (size_t i = 0; i < scope.columns.size(); ++i) {
        const ScopeColumn& c = scope.columns[i];
        dml.returning.push_back(BoundExpr::Column(static_cast<int>(i), c.type));
        dml.returning_columns.push_back(OutputColumn{c.name, c.type, c.table_oid, c.attnum});
      }
      continue;
    }
    BoundExprPtr b = eb.Bind(e);
    OutputColumn col{t.alias.empty() ? FigureColumnName(e) : t.alias, b->type};
    if (b->kind == BoundKind::kColumn) {
      col.table_oid = scope.columns[b->index].table_oid;
      col.attnum = scope.columns[b->index].attnum;
    }
    if (b->type.id == TypeId::kUnknown) b = TryCoerce(std::move(b), Type{TypeId::kText, -1}, CastContext::kImplicit);
    col.type = b->type;
    dml.returning.push_back(std::move(b));
    dml.returning_columns.push_back(std::move(col));
  }
}

}  // namespace basalt::engine::sql
