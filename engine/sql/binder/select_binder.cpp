#include <fmt/format.h>

#include <algorithm>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/binder/grouping.hpp"
#include "engine/sql/binder/select_helpers.hpp"
#include "engine/sql/binder/window_binding.hpp"
#include "engine/sql/planner/query_plans.hpp"
#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/search_path.hpp"
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql {
namespace {

const Type kInt8Type{TypeId::kInt8, -1};

bool ContainsAggRef(const BoundExpr& e) {
  if (e.kind == BoundKind::kAggRef) return true;
  for (const auto& a : e.args) {
    if (ContainsAggRef(*a)) return true;
  }
  return false;
}

// LIMIT/OFFSET: a constant expression coerced to bigint.
BoundExprPtr BindLimitExpr(const ast::Expr& e, const char* clause) {
  Scope empty;
  ExprBinder binder(empty, clause, nullptr);
  BoundExprPtr b;
  try {
    b = binder.Bind(e);
  } catch (DbError& err) {
    if (err.code() == SqlState::kUndefinedColumn) {
      throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                               fmt::format("argument of {} must not contain variables", clause)),
                       e.location);
    }
    throw;
  }
  Type from = b->type;
  BoundExprPtr out = TryCoerce(std::move(b), kInt8Type, CastContext::kAssignment);
  if (!out) {
    throw AtLocation(DbError(SqlState::kDatatypeMismatch, fmt::format("argument of {} must be type bigint, not type {}",
                                                                      clause, FormatType(Type{from.id, -1}))),
                     e.location);
  }
  return out;
}

const ast::Expr* AsPlainName(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kColumnRef && e.names.size() == 1 && !e.star) return &e;
  return nullptr;
}

}  // namespace

std::optional<catalog::TableDef> Binder::LookupTable(const ast::RangeVar& rv) {
  if (!rv.catalog.empty()) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                             fmt::format("cross-database references are not implemented: \"{}.{}.{}\"", rv.catalog,
                                         rv.schema, rv.name)),
                     rv.location);
  }
  // pg_catalog is searched first, implicitly (engine/sql/system/).
  if (const auto* sys = system::FindSystemRelation(rv.schema, rv.name)) return system::ToTableDef(*sys, database_);
  if (!rv.schema.empty()) {
    if (rv.schema == "pg_catalog" || rv.schema == "information_schema") return std::nullopt;
    // A missing schema makes a missing relation (42P01), as PostgreSQL's parserOpenTable reports it.
    auto schema = catalog::FindSchema(txn_, database_, rv.schema);
    if (!schema) return std::nullopt;
    return catalog_.FindTable(txn_, database_, schema->oid, rv.name);
  }
  // The search_path, in order (engine/catalog/search_path.hpp).
  for (catalog::Oid schema : catalog::ActiveSearchPath(txn_, database_, /*implicit=*/false)) {
    if (schema == catalog::kInformationSchemaOid) {
      if (const auto* sys = system::FindSystemRelation("information_schema", rv.name)) {
        return system::ToTableDef(*sys, database_);
      }
      continue;
    }
    if (schema == catalog::kPgCatalogNamespaceOid) continue;
    if (auto t = catalog_.FindTable(txn_, database_, schema, rv.name)) return t;
  }
  return std::nullopt;
}

catalog::TableDef Binder::ResolveTable(const ast::RangeVar& rv) {
  auto t = LookupTable(rv);
  if (!t) {
    std::string shown = rv.schema.empty() ? rv.name : fmt::format("{}.{}", rv.schema, rv.name);
    throw AtLocation(DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", shown)),
                     rv.location);
  }
  return *t;
}

catalog::Oid Binder::ResolveCreationSchema(const ast::RangeVar& rv) {
  if (rv.schema.empty()) {
    try {
      return catalog::RequireCreationSchema(txn_, database_);
    } catch (DbError& e) {
      throw AtLocation(std::move(e), rv.location);
    }
  }
  if (rv.schema == "pg_catalog") {
    throw AtLocation(DbError(SqlState::kInsufficientPrivilege,
                             fmt::format("permission denied to create \"pg_catalog.{}\"", rv.name))
                         .WithDetail("System catalog modifications are currently disallowed."),
                     rv.location);
  }
  if (auto s = catalog::FindSchema(txn_, database_, rv.schema)) return s->oid;
  throw AtLocation(DbError(SqlState::kInvalidSchemaName, fmt::format("schema \"{}\" does not exist", rv.schema)),
                   rv.location);
}

std::unique_ptr<TableScanPlan> Binder::BindTableScan(const catalog::TableDef& table, const std::string& alias,
                                                     Scope& scope, const ast::Expr* where, const char* clause) {
  scope.tables.push_back(alias);
  for (size_t i = 0; i < table.columns.size(); ++i) {
    scope.columns.push_back(ScopeColumn{alias, table.columns[i].name, table.columns[i].type, table.oid,
                                        static_cast<int16_t>(i + 1)});
  }
  auto scan = std::make_unique<TableScanPlan>();
  scan->table = table;
  scan->alias = alias;
  for (const auto& c : table.columns) scan->output_types.push_back(c.type);
  if (where) {
    ExprBinder eb(scope, clause, nullptr, this);
    scan->filter = CoerceToBool(eb.Bind(*where), clause);
  }
  PushKeyRange(*scan);
  return scan;
}

BoundQuery Binder::BindValues(const ast::SelectStmt& stmt, const Scope* outer) {
  Scope empty;
  empty.outer = outer;
  ExprBinder eb(empty, "VALUES", nullptr, this);
  auto values = std::make_unique<ValuesPlan>();
  size_t width = stmt.values[0].size();
  for (const auto& row : stmt.values) {
    if (row.size() != width) {
      throw AtLocation(DbError(SqlState::kSyntaxError, "VALUES lists must all be the same length"),
                       row.empty() ? -1 : row[0]->location);
    }
    std::vector<BoundExprPtr> bound;
    for (const auto& e : row) bound.push_back(eb.Bind(*e));
    values->rows.push_back(std::move(bound));
  }
  BoundQuery q;
  for (size_t c = 0; c < width; ++c) {
    std::vector<Type> types;
    for (const auto& row : values->rows) types.push_back(row[c]->type);
    Type common = CommonType(types, "VALUES", stmt.location);
    for (auto& row : values->rows) {
      int loc = row[c]->location;
      Type from = row[c]->type;
      row[c] = TryCoerce(std::move(row[c]), common, CastContext::kImplicit);
      if (!row[c]) {
        throw AtLocation(DbError(SqlState::kDatatypeMismatch,
                                 fmt::format("VALUES could not convert type {} to {}", FormatType(Type{from.id, -1}),
                                             FormatType(common))),
                         loc);
      }
    }
    values->output_types.push_back(common);
    q.columns.push_back(OutputColumn{fmt::format("column{}", c + 1), common});
  }
  q.plan = std::move(values);
  return q;
}

BoundQuery Binder::BindSelect(const ast::SelectStmt& stmt, const Scope* outer) {
  // WITH queries are visible to the whole statement, set operations included.
  struct WithGuard {
    std::vector<CteBinding>& ctes;
    size_t keep;
    ~WithGuard() { ctes.resize(keep); }
  } with_guard{ctes_, ctes_.size()};
  bool keep_unknown = set_op_leaf_;
  set_op_leaf_ = false;
  PushWith(stmt, outer);
  if (stmt.op != ast::SetOpKind::kNone) return BindSetOperation(stmt, outer);
  if (stmt.into) throw DbError(SqlState::kFeatureNotSupported, "SELECT INTO is not supported yet");
  if (!stmt.locking.empty()) throw DbError(SqlState::kFeatureNotSupported, "SELECT ... FOR UPDATE is not supported yet");
  if (!stmt.values.empty()) return ApplyOrderLimit(BindValues(stmt, outer), stmt);

  // FROM and WHERE (from_binder.cpp)
  Scope scope;
  scope.outer = outer;
  PlanPtr plan = BindFromWhere(stmt, scope);

  // Select list: expand stars, bind (aggregates allowed).
  std::vector<AggregateSpec> aggregates;
  std::vector<BoundExprPtr> targets;
  std::vector<OutputColumn> columns;
  std::vector<SrfCall> srfs;
  WindowBinding windows;  // window_binder.cpp
  windows.named = &stmt.windows;
  {
    ExprBinder eb(scope, "SELECT", &aggregates, this);
    eb.AllowSetReturning(&srfs);
    eb.AllowWindows(&windows);
    for (const auto& t : stmt.targets) {
      const ast::Expr& e = *t.expr;
      if (e.kind == ast::ExprKind::kColumnRef && e.star) {
        std::string qualifier = e.names.empty() ? "" : e.names.back();
        if (scope.columns.empty() && qualifier.empty()) {
          throw AtLocation(DbError(SqlState::kSyntaxError, "SELECT * with no tables specified is not valid"),
                           e.location);
        }
        bool any = false;
        for (size_t i = 0; i < scope.columns.size(); ++i) {
          const ScopeColumn& c = scope.columns[i];
          if (!qualifier.empty() && c.table != qualifier) continue;
          if (qualifier.empty() && c.hidden) continue;  // merged away by JOIN USING
          any = true;
          auto col = BoundExpr::Column(static_cast<int>(i), c.type);
          col->name = fmt::format("{}.{}", c.table, c.name);
          targets.push_back(std::move(col));
          columns.push_back(OutputColumn{c.name, c.type, c.table_oid, c.attnum});
        }
        if (!any) {
          throw AtLocation(
              DbError(SqlState::kUndefinedTable, fmt::format("missing FROM-clause entry for table \"{}\"", qualifier)),
              e.location);
        }
        continue;
      }
      BoundExprPtr b = eb.Bind(e);
      OutputColumn col{t.alias.empty() ? FigureColumnName(e) : t.alias, b->type};
      if (b->kind == BoundKind::kColumn) {
        col.table_oid = scope.columns[b->index].table_oid;
        col.attnum = scope.columns[b->index].attnum;
      }
      // An untyped literal in the select list is resolved as text.
      if (b->type.id == TypeId::kUnknown && !keep_unknown) {
        b = TryCoerce(std::move(b), Type{TypeId::kText, -1}, CastContext::kImplicit);
      }
      col.type = b->type;
      targets.push_back(std::move(b));
      columns.push_back(std::move(col));
    }
  }

  // GROUP BY: names and ordinals may refer to the select list; GROUPING SETS,
  // ROLLUP and CUBE expand to a list of sets over the same keys (grouping_binder.cpp).
  std::vector<BoundExprPtr> group_keys;
  auto bind_key = [&](const ast::Expr& item) -> int {
    const ast::Expr* expr = &item;
    if (expr->kind == ast::ExprKind::kConst && expr->const_kind == ast::ConstKind::kInteger) {
      int64_t pos = expr->int_value;
      if (pos < 1 || pos > static_cast<int64_t>(stmt.targets.size())) {
        throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                                 fmt::format("GROUP BY position {} is not in select list", pos)),
                         expr->location);
      }
      expr = stmt.targets[pos - 1].expr.get();
    } else if (const ast::Expr* name = AsPlainName(*expr)) {
      bool is_input = false;
      for (const auto& c : scope.columns) is_input = is_input || c.name == name->names[0];
      if (!is_input) {
        for (const auto& t : stmt.targets) {
          if (t.alias == name->names[0]) {
            expr = t.expr.get();
            break;
          }
        }
      }
    }
    ExprBinder eb(scope, "GROUP BY", nullptr, this);
    BoundExprPtr key = eb.Bind(*expr);
    if (key->type.id == TypeId::kUnknown) key = TryCoerce(std::move(key), Type{TypeId::kText, -1}, CastContext::kImplicit);
    for (size_t i = 0; i < group_keys.size(); ++i) {
      if (SameExpr(*group_keys[i], *key)) return static_cast<int>(i);
    }
    group_keys.push_back(std::move(key));
    return static_cast<int>(group_keys.size() - 1);
  };
  PostAggLayout layout;
  bool grouping_sets = HasGroupingSets(stmt.group_by);
  if (grouping_sets) {
    layout.sets = ExpandGroupingSets(stmt.group_by, bind_key);
  } else {
    for (const auto& g : stmt.group_by) bind_key(*g);
  }

  // ORDER BY items: an output column (by name or position) or an expression
  // over the input, carried as a hidden extra column.
  // An ORDER BY or DISTINCT ON item: an output column or a hidden expression.
  auto resolve = [&](const ast::Expr& e, const char* clause) {
    OrderItem item;
    if (e.kind == ast::ExprKind::kConst && e.const_kind == ast::ConstKind::kInteger) {
      int64_t pos = e.int_value;
      if (pos < 1 || pos > static_cast<int64_t>(columns.size())) {
        throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                                 fmt::format("{} position {} is not in select list", clause, pos)),
                         e.location);
      }
      item.column = static_cast<int>(pos - 1);
    } else if (const ast::Expr* name = AsPlainName(e)) {
      int match = -1;
      for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name != name->names[0]) continue;
        if (match >= 0 && !SameExpr(*targets[match], *targets[i])) {
          throw AtLocation(DbError(SqlState::kAmbiguousColumn,
                                   fmt::format("{} \"{}\" is ambiguous", clause, name->names[0])),
                           e.location);
        }
        if (match < 0) match = static_cast<int>(i);
      }
      item.column = match;
    }
    if (item.column < 0) {
      ExprBinder eb(scope, clause, &aggregates, this);
      eb.AllowWindows(&windows);
      item.expr = eb.Bind(e);
      if (item.expr->type.id == TypeId::kUnknown) {
        item.expr = TryCoerce(std::move(item.expr), Type{TypeId::kText, -1}, CastContext::kImplicit);
      }
      for (size_t i = 0; i < targets.size(); ++i) {
        if (SameExpr(*targets[i], *item.expr)) {
          item.column = static_cast<int>(i);
          item.expr.reset();
          break;
        }
      }
    }
    return item;
  };
  std::vector<OrderItem> order;
  for (const auto& s : stmt.order_by) {
    OrderItem item = resolve(*s.expr, "ORDER BY");
    item.sort = &s;
    order.push_back(std::move(item));
  }
  std::vector<OrderItem> distinct_on;  // SELECT DISTINCT ON (...)
  for (const auto& d : stmt.distinct_on) distinct_on.push_back(resolve(*d, "DISTINCT ON"));

  BoundExprPtr having;
  if (stmt.having) {
    ExprBinder eb(scope, "HAVING", &aggregates, this);
    having = CoerceToBool(eb.Bind(*stmt.having), "HAVING");
  }

  bool uses_grouping = false;
  for (const auto& t : targets) uses_grouping = uses_grouping || ContainsGroupingCall(*t);
  for (const auto& o : order) uses_grouping = uses_grouping || (o.expr && ContainsGroupingCall(*o.expr));
  if (having) uses_grouping = uses_grouping || ContainsGroupingCall(*having);
  bool aggregated = !aggregates.empty() || !group_keys.empty() || having || grouping_sets || uses_grouping;
  if (aggregated && grouping_sets) {
    auto gs = std::make_unique<GroupingSetsPlan>();
    for (const auto& k : group_keys) gs->output_types.push_back(k->type);
    gs->output_types.push_back(Type{TypeId::kInt8, -1});
    for (const auto& a : aggregates) gs->output_types.push_back(a.result_type);
    for (auto& k : group_keys) gs->keys.push_back(CloneExpr(*k));
    gs->sets = layout.sets;
    gs->aggregates = std::move(aggregates);
    gs->child = std::move(plan);
    plan = std::move(gs);
    layout.set_column = static_cast<int>(group_keys.size());
    layout.agg_base = group_keys.size() + 1;
  } else if (aggregated) {
    std::vector<int> all;
    for (size_t i = 0; i < group_keys.size(); ++i) all.push_back(static_cast<int>(i));
    layout.sets = {all};
    layout.agg_base = group_keys.size();
    auto agg = std::make_unique<AggregatePlan>();
    for (const auto& k : group_keys) agg->output_types.push_back(k->type);
    for (const auto& a : aggregates) agg->output_types.push_back(a.result_type);
    for (auto& k : group_keys) agg->group_keys.push_back(CloneExpr(*k));
    agg->aggregates = std::move(aggregates);
    agg->child = std::move(plan);
    plan = std::move(agg);
  }
  if (aggregated) {
    for (auto& t : targets) t = RewritePostAgg(std::move(t), group_keys, &layout);
    for (auto& o : order) {
      if (o.expr) o.expr = RewritePostAgg(std::move(o.expr), group_keys, &layout);
    }
    for (auto& o : distinct_on) {
      if (o.expr) o.expr = RewritePostAgg(std::move(o.expr), group_keys, &layout);
    }
    if (having) {
      auto filter = std::make_unique<FilterPlan>();
      filter->predicate = RewritePostAgg(std::move(having), group_keys, &layout);
      filter->output_types = plan->output_types;
      filter->child = std::move(plan);
      plan = std::move(filter);
    }
  } else {
    for (const auto& o : order) {
      if (o.expr && ContainsAggRef(*o.expr)) {
        throw DbError(SqlState::kInternalError, "aggregate in ORDER BY without aggregation");
      }
    }
  }
  // Window functions run after grouping and HAVING (window_binder.cpp).
  if (!windows.calls.empty()) {
    if (aggregated) {
      for (auto& w : windows.windows) {
        for (auto& p : w.partition) p = RewritePostAgg(std::move(p), group_keys, &layout);
        for (auto& o : w.order) o = RewritePostAgg(std::move(o), group_keys, &layout);
      }
      for (auto& c : windows.calls) {
        for (auto& a : c.args) a = RewritePostAgg(std::move(a), group_keys, &layout);
        if (c.aggregate.arg) c.aggregate.arg = RewritePostAgg(std::move(c.aggregate.arg), group_keys, &layout);
        if (c.aggregate.filter) c.aggregate.filter = RewritePostAgg(std::move(c.aggregate.filter), group_keys, &layout);
        for (auto& x : c.aggregate.extra_args) x = RewritePostAgg(std::move(x), group_keys, &layout);
      }
    }
    std::vector<BoundExprPtr*> uses;
    for (auto& t : targets) uses.push_back(&t);
    for (auto& o : order) uses.push_back(&o.expr);
    for (auto& o : distinct_on) uses.push_back(&o.expr);
    for (auto& call : srfs) {
      for (auto& a : call.args) uses.push_back(&a);
    }
    plan = AddWindowPlan(std::move(plan), windows, uses);
  }
  // Set-returning functions in the select list run after grouping (srf_binder.cpp).
  if (!srfs.empty()) {
    if (aggregated) {
      for (auto& call : srfs) {
        for (auto& a : call.args) a = RewritePostAgg(std::move(a), group_keys, &layout);
      }
    }
    plan = AddProjectSet(std::move(plan), srfs, targets);
  }

  // Projection: visible targets, then hidden ORDER BY expressions.
  size_t visible = targets.size();
  auto project = std::make_unique<ProjectPlan>();
  for (const auto& c : columns) project->output_types.push_back(c.type);
  project->exprs = std::move(targets);
  for (auto& o : order) {
    if (!o.expr) continue;
    if (stmt.distinct) {
      throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                               "for SELECT DISTINCT, ORDER BY expressions must appear in select list"),
                       o.sort->expr->location);
    }
    o.column = static_cast<int>(project->exprs.size());
    project->output_types.push_back(o.expr->type);
    project->exprs.push_back(std::move(o.expr));
  }
  for (auto& o : distinct_on) {
    if (!o.expr) continue;
    for (size_t j = visible; j < project->exprs.size() && o.column < 0; ++j) {
      if (SameExpr(*project->exprs[j], *o.expr)) o.column = static_cast<int>(j);  // also an ORDER BY item
    }
    if (o.column >= 0) continue;
    o.column = static_cast<int>(project->exprs.size());
    project->output_types.push_back(o.expr->type);
    project->exprs.push_back(std::move(o.expr));
  }
  std::vector<Type> projected_types = project->output_types;
  project->child = std::move(plan);
  plan = std::move(project);
  if (!distinct_on.empty()) plan = AddDistinctOn(std::move(plan), distinct_on, order, projected_types, stmt);

  if (stmt.distinct) {
    auto distinct = std::make_unique<DistinctPlan>();
    distinct->output_types = projected_types;
    distinct->child = std::move(plan);
    plan = std::move(distinct);
  }
  if (!order.empty() && distinct_on.empty()) {
    auto sort = std::make_unique<SortPlan>();
    for (const auto& o : order) {
      SortKey k;
      k.column = o.column;
      k.type = projected_types[o.column];
      k.descending = o.sort->dir == ast::SortDir::kDesc;
      k.nulls_first = o.sort->nulls == ast::NullsOrder::kDefault ? k.descending
                                                                 : o.sort->nulls == ast::NullsOrder::kFirst;
      sort->keys.push_back(k);
    }
    sort->output_types = projected_types;
    if (stmt.distinct || aggregated || !ScanDeliversOrder(*plan, sort->keys, stmt.limit != nullptr)) {
      sort->child = std::move(plan);
      plan = std::move(sort);
    }
  }
  if (stmt.limit || stmt.offset) {
    auto limit = std::make_unique<LimitPlan>();
    if (stmt.limit) limit->limit = BindLimitExpr(*stmt.limit, "LIMIT");
    if (stmt.offset) limit->offset = BindLimitExpr(*stmt.offset, "OFFSET");
    limit->output_types = projected_types;
    limit->child = std::move(plan);
    plan = std::move(limit);
  }
  if (projected_types.size() > visible) {
    auto trim = std::make_unique<ProjectPlan>();
    for (size_t i = 0; i < visible; ++i) {
      trim->exprs.push_back(BoundExpr::Column(static_cast<int>(i), projected_types[i]));
      trim->output_types.push_back(projected_types[i]);
    }
    trim->child = std::move(plan);
    plan = std::move(trim);
  }
  BoundQuery q;
  q.plan = std::move(plan);
  q.columns = std::move(columns);
  return q;
}

}  // namespace basalt::engine::sql
