#include <fmt/format.h>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"

namespace basalt::engine::sql {
namespace {

const Type kInt8Type{TypeId::kInt8, -1};

// Replaces aggregate placeholders and GROUP BY expressions with columns of the
// aggregate's output (keys first, then aggregates); any other column reference
// left over is an error, as in PostgreSQL's check_ungrouped_columns.
BoundExprPtr RewritePostAgg(BoundExprPtr e, const std::vector<BoundExprPtr>& keys) {
  for (size_t i = 0; i < keys.size(); ++i) {
    if (SameExpr(*e, *keys[i])) {
      auto col = BoundExpr::Column(static_cast<int>(i), e->type);
      col->location = e->location;
      return col;
    }
  }
  if (e->kind == BoundKind::kAggRef) {
    auto col = BoundExpr::Column(static_cast<int>(keys.size()) + e->index, e->type);
    col->location = e->location;
    return col;
  }
  if (e->kind == BoundKind::kColumn) {
    throw AtLocation(DbError(SqlState::kGroupingError,
                             fmt::format("column \"{}\" must appear in the GROUP BY clause or be used in an aggregate "
                                         "function",
                                         e->name)),
                     e->location);
  }
  for (auto& a : e->args) a = RewritePostAgg(std::move(a), keys);
  return e;
}

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
  catalog::Oid schema = catalog::kPublicNamespaceOid;
  if (!rv.schema.empty()) {
    if (rv.schema == "pg_catalog" || rv.schema == "information_schema") return std::nullopt;
    if (rv.schema != "public") {
      throw AtLocation(DbError(SqlState::kInvalidSchemaName, fmt::format("schema \"{}\" does not exist", rv.schema)),
                       rv.location);
    }
  }
  return catalog_.FindTable(txn_, database_, schema, rv.name);
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
  if (rv.schema.empty() || rv.schema == "public") return catalog::kPublicNamespaceOid;
  if (rv.schema == "pg_catalog") {
    throw AtLocation(DbError(SqlState::kInsufficientPrivilege,
                             fmt::format("permission denied to create \"pg_catalog.{}\"", rv.name))
                         .WithDetail("System catalog modifications are currently disallowed."),
                     rv.location);
  }
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

PlanPtr Binder::BindFromItem(const ast::TableRef& ref, Scope& scope) {
  switch (ref.kind) {
    case ast::TableRef::Kind::kTable: {
      catalog::TableDef table = ResolveTable(ref.table);
      if (ref.alias && !ref.alias->columns.empty()) {
        throw DbError(SqlState::kFeatureNotSupported, "column aliases in FROM are not supported yet");
      }
      std::string alias = ref.alias ? ref.alias->name : table.name;
      for (const auto& t : scope.tables) {
        if (t == alias) {
          throw AtLocation(DbError(SqlState::kDuplicateAlias,
                                   fmt::format("table name \"{}\" specified more than once", alias)),
                           ref.table.location);
        }
      }
      if (ref.alias) scope.aliased_tables.emplace_back(table.name, alias);
      return BindTableScan(table, alias, scope, nullptr, "WHERE");
    }
    case ast::TableRef::Kind::kSubquery:
    case ast::TableRef::Kind::kValues: {
      if (ref.lateral) throw DbError(SqlState::kFeatureNotSupported, "LATERAL is not supported yet");
      if (!ref.alias) {
        throw AtLocation(DbError(SqlState::kSyntaxError, "subquery in FROM must have an alias")
                             .WithHint("For example, FROM (SELECT ...) [AS] foo."),
                         ref.location);
      }
      BoundQuery q = BindSelect(*ref.subquery);
      const std::string& alias = ref.alias->name;
      if (ref.alias->columns.size() > q.columns.size()) {
        throw DbError(SqlState::kInvalidColumnReference,
                      fmt::format("table \"{}\" has {} columns available but {} columns specified", alias,
                                  q.columns.size(), ref.alias->columns.size()));
      }
      scope.tables.push_back(alias);
      for (size_t i = 0; i < q.columns.size(); ++i) {
        std::string name = i < ref.alias->columns.size() ? ref.alias->columns[i] : q.columns[i].name;
        scope.columns.push_back(ScopeColumn{alias, name, q.columns[i].type, 0, 0});
      }
      q.plan->output_types.clear();
      for (const auto& c : q.columns) q.plan->output_types.push_back(c.type);
      return std::move(q.plan);
    }
    case ast::TableRef::Kind::kJoin: {
      if (ref.natural || !ref.using_columns.empty()) {
        throw DbError(SqlState::kFeatureNotSupported, "NATURAL and USING joins are not supported yet");
      }
      if (ref.alias) throw DbError(SqlState::kFeatureNotSupported, "aliases on JOIN clauses are not supported yet");
      PlanPtr left = BindFromItem(*ref.left, scope);
      PlanPtr right = BindFromItem(*ref.right, scope);
      auto join = std::make_unique<NestedLoopJoinPlan>();
      switch (ref.join_kind) {
        case ast::JoinKind::kInner:
        case ast::JoinKind::kCross: join->type = JoinType::kInner; break;
        case ast::JoinKind::kLeft: join->type = JoinType::kLeft; break;
        case ast::JoinKind::kRight: join->type = JoinType::kRight; break;
        case ast::JoinKind::kFull: join->type = JoinType::kFull; break;
      }
      join->left_width = left->output_types.size();
      join->right_width = right->output_types.size();
      join->output_types = left->output_types;
      join->output_types.insert(join->output_types.end(), right->output_types.begin(), right->output_types.end());
      if (ref.on) {
        ExprBinder eb(scope, "JOIN/ON", nullptr, this);
        join->predicate = CoerceToBool(eb.Bind(*ref.on), "JOIN/ON");
      }
      join->child = std::move(left);
      join->right = std::move(right);
      return join;
    }
    case ast::TableRef::Kind::kFunction:
      throw AtLocation(DbError(SqlState::kFeatureNotSupported, "functions in FROM are not supported yet"),
                       ref.location);
  }
  throw DbError(SqlState::kInternalError, "unknown FROM item");
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
  if (!stmt.with.empty()) throw DbError(SqlState::kFeatureNotSupported, "WITH queries are not supported yet");
  if (stmt.op != ast::SetOpKind::kNone) {
    throw DbError(SqlState::kFeatureNotSupported, "UNION, INTERSECT and EXCEPT are not supported yet");
  }
  if (stmt.into) throw DbError(SqlState::kFeatureNotSupported, "SELECT INTO is not supported yet");
  if (!stmt.locking.empty()) throw DbError(SqlState::kFeatureNotSupported, "SELECT ... FOR UPDATE is not supported yet");
  if (!stmt.distinct_on.empty()) throw DbError(SqlState::kFeatureNotSupported, "DISTINCT ON is not supported yet");
  if (!stmt.windows.empty()) throw DbError(SqlState::kFeatureNotSupported, "window functions are not supported yet");
  if (!stmt.values.empty()) {
    BoundQuery q = BindValues(stmt, outer);
    if (!stmt.order_by.empty() || stmt.limit || stmt.offset) {
      throw DbError(SqlState::kFeatureNotSupported, "ORDER BY and LIMIT on VALUES are not supported yet");
    }
    return q;
  }

  // FROM
  Scope scope;
  scope.outer = outer;
  PlanPtr plan;
  if (stmt.from.empty()) {
    auto one = std::make_unique<ValuesPlan>();
    one->rows.emplace_back();
    plan = std::move(one);
    if (stmt.where) {
      ExprBinder eb(scope, "WHERE", nullptr, this);
      auto filter = std::make_unique<FilterPlan>();
      filter->predicate = CoerceToBool(eb.Bind(*stmt.where), "WHERE");
      filter->child = std::move(plan);
      plan = std::move(filter);
    }
  } else if (stmt.from.size() == 1 && stmt.from[0]->kind == ast::TableRef::Kind::kTable) {
    // One table: WHERE goes into the scan, where it can narrow the key range.
    const ast::TableRef& ref = *stmt.from[0];
    catalog::TableDef table = ResolveTable(ref.table);
    std::string alias = ref.alias ? ref.alias->name : table.name;
    if (ref.alias && !ref.alias->columns.empty()) {
      throw DbError(SqlState::kFeatureNotSupported, "column aliases in FROM are not supported yet");
    }
    if (ref.alias) scope.aliased_tables.emplace_back(table.name, alias);
    plan = BindTableScan(table, alias, scope, stmt.where.get(), "WHERE");
  } else {
    for (const auto& ref : stmt.from) {
      PlanPtr item = BindFromItem(*ref, scope);
      if (!plan) {
        plan = std::move(item);
        continue;
      }
      auto join = std::make_unique<NestedLoopJoinPlan>();
      join->left_width = plan->output_types.size();
      join->right_width = item->output_types.size();
      join->output_types = plan->output_types;
      join->output_types.insert(join->output_types.end(), item->output_types.begin(), item->output_types.end());
      join->child = std::move(plan);
      join->right = std::move(item);
      plan = std::move(join);
    }
    if (stmt.where) {
      ExprBinder eb(scope, "WHERE", nullptr, this);
      auto filter = std::make_unique<FilterPlan>();
      filter->predicate = CoerceToBool(eb.Bind(*stmt.where), "WHERE");
      filter->output_types = plan->output_types;
      filter->child = std::move(plan);
      plan = std::move(filter);
    }
  }

  // Select list: expand stars, bind (aggregates allowed).
  std::vector<AggregateSpec> aggregates;
  std::vector<BoundExprPtr> targets;
  std::vector<OutputColumn> columns;
  {
    ExprBinder eb(scope, "SELECT", &aggregates, this);
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
      if (b->type.id == TypeId::kUnknown) b = TryCoerce(std::move(b), Type{TypeId::kText, -1}, CastContext::kImplicit);
      col.type = b->type;
      targets.push_back(std::move(b));
      columns.push_back(std::move(col));
    }
  }

  // GROUP BY: names and ordinals may refer to the select list.
  std::vector<BoundExprPtr> group_keys;
  for (const auto& g : stmt.group_by) {
    const ast::Expr* expr = g.get();
    if (expr->kind == ast::ExprKind::kFunc && !expr->names.empty() &&
        (expr->names[0] == "grouping sets" || expr->names[0] == "rollup" || expr->names[0] == "cube")) {
      throw AtLocation(DbError(SqlState::kFeatureNotSupported, "GROUPING SETS, ROLLUP and CUBE are not supported yet"),
                       expr->location);
    }
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
    std::vector<AggregateSpec> none;
    ExprBinder eb(scope, "GROUP BY", nullptr, this);
    BoundExprPtr key = eb.Bind(*expr);
    if (key->type.id == TypeId::kUnknown) key = TryCoerce(std::move(key), Type{TypeId::kText, -1}, CastContext::kImplicit);
    group_keys.push_back(std::move(key));
  }

  // ORDER BY items: an output column (by name or position) or an expression
  // over the input, carried as a hidden extra column.
  struct OrderItem {
    int column = -1;
    BoundExprPtr expr;  // when not an output column
    const ast::SortBy* sort = nullptr;
  };
  std::vector<OrderItem> order;
  for (const auto& s : stmt.order_by) {
    OrderItem item;
    item.sort = &s;
    const ast::Expr& e = *s.expr;
    if (e.kind == ast::ExprKind::kConst && e.const_kind == ast::ConstKind::kInteger) {
      int64_t pos = e.int_value;
      if (pos < 1 || pos > static_cast<int64_t>(columns.size())) {
        throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                                 fmt::format("ORDER BY position {} is not in select list", pos)),
                         e.location);
      }
      item.column = static_cast<int>(pos - 1);
    } else if (const ast::Expr* name = AsPlainName(e)) {
      int match = -1;
      for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name != name->names[0]) continue;
        if (match >= 0 && !SameExpr(*targets[match], *targets[i])) {
          throw AtLocation(DbError(SqlState::kAmbiguousColumn,
                                   fmt::format("ORDER BY \"{}\" is ambiguous", name->names[0])),
                           e.location);
        }
        if (match < 0) match = static_cast<int>(i);
      }
      item.column = match;
    }
    if (item.column < 0) {
      ExprBinder eb(scope, "ORDER BY", &aggregates, this);
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
    order.push_back(std::move(item));
  }

  BoundExprPtr having;
  if (stmt.having) {
    ExprBinder eb(scope, "HAVING", &aggregates, this);
    having = CoerceToBool(eb.Bind(*stmt.having), "HAVING");
  }

  bool aggregated = !aggregates.empty() || !group_keys.empty() || having;
  if (aggregated) {
    auto agg = std::make_unique<AggregatePlan>();
    for (const auto& k : group_keys) agg->output_types.push_back(k->type);
    for (const auto& a : aggregates) agg->output_types.push_back(a.result_type);
    for (auto& k : group_keys) agg->group_keys.push_back(CloneExpr(*k));
    agg->aggregates = std::move(aggregates);
    agg->child = std::move(plan);
    plan = std::move(agg);
    for (auto& t : targets) t = RewritePostAgg(std::move(t), group_keys);
    for (auto& o : order) {
      if (o.expr) o.expr = RewritePostAgg(std::move(o.expr), group_keys);
    }
    if (having) {
      auto filter = std::make_unique<FilterPlan>();
      filter->predicate = RewritePostAgg(std::move(having), group_keys);
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
  std::vector<Type> projected_types = project->output_types;
  project->child = std::move(plan);
  plan = std::move(project);

  if (stmt.distinct) {
    auto distinct = std::make_unique<DistinctPlan>();
    distinct->output_types = projected_types;
    distinct->child = std::move(plan);
    plan = std::move(distinct);
  }
  if (!order.empty()) {
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
    sort->child = std::move(plan);
    plan = std::move(sort);
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
