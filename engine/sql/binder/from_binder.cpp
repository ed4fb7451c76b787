// FROM and WHERE: binds each FROM item (tables, views, CTE references,
// subqueries, VALUES, table functions, joins) and plans the joins.
//
// Layout invariant: the plan returned by BindFromWhere produces rows whose
// column i is scope.columns[i]. Internally, comma-separated items are joined
// greedily (each step prefers an item connected to the joined set by an
// equality, so select5-style 64-table joins never build cross products) and a
// final projection restores the scope's order.
//
// LATERAL: an item that may see earlier items (a table function, or a
// subquery marked LATERAL) is bound with those items' columns as its innermost
// outer scope. If it actually refers to them it becomes the right side of a
// LateralJoin, which re-runs it per left row; otherwise it is bound again as a
// plain item (so its outer references keep their normal depth).
#include <fmt/format.h>

#include <algorithm>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/binder/join_conditions.hpp"
#include "engine/sql/planner/query_plans.hpp"
#include "engine/sql/types/operators.hpp"

namespace basalt::engine::sql {
namespace {

JoinType ToJoinType(ast::JoinKind k) {
  switch (k) {
    case ast::JoinKind::kLeft: return JoinType::kLeft;
    case ast::JoinKind::kRight: return JoinType::kRight;
    case ast::JoinKind::kFull: return JoinType::kFull;
    default: return JoinType::kInner;
  }
}

std::vector<Type> Concat(const std::vector<Type>& a, const std::vector<Type>& b) {
  std::vector<Type> out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

// A copy of scope.columns[from, to) usable as a scope of its own (same
// qualifiers, same outer scope).
Scope SliceScope(const Scope& scope, size_t from, size_t to) {
  Scope out;
  out.columns.assign(scope.columns.begin() + static_cast<std::ptrdiff_t>(from),
                     scope.columns.begin() + static_cast<std::ptrdiff_t>(to));
  out.tables = scope.tables;
  out.aliased_tables = scope.aliased_tables;
  out.outer = scope.outer;
  return out;
}

void AppendScope(Scope& scope, const Scope& item) {
  scope.columns.insert(scope.columns.end(), item.columns.begin(), item.columns.end());
  scope.tables.insert(scope.tables.end(), item.tables.begin(), item.tables.end());
  scope.aliased_tables.insert(scope.aliased_tables.end(), item.aliased_tables.begin(), item.aliased_tables.end());
}

// Builds a join of `left` and `right` (widths lw, rw) with `conds` bound over
// left ++ right: equalities across the sides become hash keys, the rest a
// residual predicate. No keys: a nested loop.
PlanPtr MakeJoin(JoinType type, PlanPtr left, PlanPtr right, std::vector<BoundExprPtr> conds) {
  if (PlanPtr indexed = MakeIndexJoin(type, left, right, conds)) return indexed;
  size_t lw = left->output_types.size();
  size_t rw = right->output_types.size();
  std::vector<bool> left_cols(lw + rw, false);
  std::vector<bool> right_cols(lw + rw, false);
  for (size_t i = 0; i < lw; ++i) left_cols[i] = true;
  for (size_t i = lw; i < lw + rw; ++i) right_cols[i] = true;
  std::vector<int> to_right(lw + rw, 0);
  for (size_t i = lw; i < lw + rw; ++i) to_right[i] = static_cast<int>(i - lw);

  auto hash = std::make_unique<HashJoinPlan>();
  std::vector<BoundExprPtr> residual;
  for (auto& c : conds) {
    const BoundExpr* l = nullptr;
    const BoundExpr* r = nullptr;
    if (IsEquiCondition(*c, left_cols, right_cols, &l, &r)) {
      hash->left_keys.push_back(CloneExpr(*l));
      BoundExprPtr rk = CloneExpr(*r);
      RemapColumns(*rk, to_right);
      hash->key_types.push_back(l->type);
      hash->right_keys.push_back(std::move(rk));
    } else {
      residual.push_back(std::move(c));
    }
  }
  std::vector<Type> types = Concat(left->output_types, right->output_types);
  if (!hash->left_keys.empty()) {
    hash->type = type;
    hash->residual = CombineConjuncts(std::move(residual));
    hash->left_width = lw;
    hash->right_width = rw;
    hash->output_types = std::move(types);
    hash->child = std::move(left);
    hash->right = std::move(right);
    return hash;
  }
  auto nl = std::make_unique<NestedLoopJoinPlan>();
  nl->type = type;
  nl->predicate = CombineConjuncts(std::move(residual));
  nl->left_width = lw;
  nl->right_width = rw;
  nl->output_types = std::move(types);
  nl->child = std::move(left);
  nl->right = std::move(right);
  return nl;
}

PlanPtr AddFilter(PlanPtr plan, BoundExprPtr predicate) {
  if (!predicate) return plan;
  if (plan->kind == PlanKind::kTableScan) {
    auto& scan = static_cast<TableScanPlan&>(*plan);
    if (!scan.filter && !scan.emit_key) {
      scan.filter = std::move(predicate);
      PushKeyRange(scan);
      return plan;
    }
  }
  auto filter = std::make_unique<FilterPlan>();
  filter->predicate = std::move(predicate);
  filter->output_types = plan->output_types;
  filter->child = std::move(plan);
  return filter;
}

}  // namespace

void Binder::CheckDuplicateAlias(const Scope& scope, const std::string& alias, int /*location*/) {
  // PostgreSQL reports this one without a cursor position.
  for (const auto& t : scope.tables) {
    if (t == alias) {
      throw DbError(SqlState::kDuplicateAlias, fmt::format("table name \"{}\" specified more than once", alias));
    }
  }
}

PlanPtr Binder::BindFromItem(const ast::TableRef& ref, Scope& scope) {
  return BindFromItemAt(ref, scope, scope.columns.size()).plan;
}

Binder::FromResult Binder::BindFromItemAt(const ast::TableRef& ref, Scope& scope, size_t base) {
  bool can_see_left = scope.columns.size() > base;
  switch (ref.kind) {
    case ast::TableRef::Kind::kTable: return FromResult{BindRelationItem(ref, scope), false, {}, -1};
    case ast::TableRef::Kind::kJoin: return FromResult{BindJoin(ref, scope), false, {}, -1};
    case ast::TableRef::Kind::kFunction: {
      Scope item;
      bool lateral = false;
      std::string lateral_table;
      int lateral_location = -1;
      PlanPtr plan;
      if (can_see_left) {
        Scope lat = SliceScope(scope, base, scope.columns.size());
        plan = BindFunctionItem(ref, item, &lat);
        lateral = lat.referenced;
        lateral_table = lat.referenced_table;
        lateral_location = lat.referenced_location;
      }
      if (!lateral) {
        item = Scope{};
        plan = BindFunctionItem(ref, item, scope.outer);
      }
      CheckDuplicateAlias(scope, item.tables[0], ref.location);
      AppendScope(scope, item);
      return FromResult{std::move(plan), lateral, lateral_table, lateral_location};
    }
    case ast::TableRef::Kind::kSubquery:
    case ast::TableRef::Kind::kValues: {
      if (!ref.alias) {
        throw AtLocation(DbError(SqlState::kSyntaxError, ref.kind == ast::TableRef::Kind::kValues
                                                             ? "VALUES in FROM must have an alias"
                                                             : "subquery in FROM must have an alias")
                             .WithHint(ref.kind == ast::TableRef::Kind::kValues
                                           ? "For example, FROM (VALUES ...) [AS] foo."
                                           : "For example, FROM (SELECT ...) [AS] foo."),
                         ref.location);
      }
      BoundQuery q;
      bool lateral = false;
      std::string lateral_table;
      int lateral_location = -1;
      if (ref.lateral && can_see_left) {
        Scope lat = SliceScope(scope, base, scope.columns.size());
        q = BindSelect(*ref.subquery, &lat);
        lateral = lat.referenced;
        lateral_table = lat.referenced_table;
        lateral_location = lat.referenced_location;
      }
      if (!lateral && can_see_left && !ref.lateral) {
        Scope invisible = SliceScope(scope, base, scope.columns.size());
        invisible.invisible = true;
        q = BindSelect(*ref.subquery, &invisible);
      } else if (!lateral) {
        q = BindSelect(*ref.subquery, scope.outer);
      }
      const std::string& alias = ref.alias->name;
      CheckDuplicateAlias(scope, alias, ref.location);
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
      return FromResult{std::move(q.plan), lateral, lateral_table, lateral_location};
    }
  }
  throw DbError(SqlState::kInternalError, "unknown FROM item");
}

PlanPtr Binder::BindRelationItem(const ast::TableRef& ref, Scope& scope) {
  if (PlanPtr cte = BindCteReference(ref, scope)) return cte;
  catalog::TableDef table = ResolveTable(ref.table);
  referenced_relations_.push_back(table.oid);
  if (table.relkind == 'v') return BindViewReference(ref, table, scope);  // view_binder.cpp
  std::string alias = ref.alias ? ref.alias->name : table.name;
  CheckDuplicateAlias(scope, alias, ref.table.location);
  if (ref.alias) scope.aliased_tables.emplace_back(table.name, alias);
  size_t start = scope.columns.size();
  auto scan = BindTableScan(table, alias, scope, nullptr, "WHERE");
  if (ref.alias) RenameColumns(scope, start, ref.alias->columns, alias, ref.location);
  if (table.relkind == 'S') return BindSequenceRelation(catalog_, table);  // sequence_relation.cpp
  return scan;
}

void Binder::RenameColumns(Scope& scope, size_t start, const std::vector<std::string>& names,
                           const std::string& alias, int location) {
  size_t available = scope.columns.size() - start;
  if (names.size() > available) {
    throw DbError(SqlState::kInvalidColumnReference,
                  fmt::format("table \"{}\" has {} columns available but {} columns specified", alias, available,
                              names.size()));
  }
  for (size_t i = 0; i < names.size(); ++i) scope.columns[start + i].name = names[i];
}

PlanPtr Binder::BindJoin(const ast::TableRef& ref, Scope& scope) {
  if (ref.alias) throw DbError(SqlState::kFeatureNotSupported, "aliases on JOIN clauses are not supported yet");
  size_t jbase = scope.columns.size();
  PlanPtr left = BindFromItemAt(*ref.left, scope, jbase).plan;
  size_t mid = scope.columns.size();
  FromResult right = BindFromItemAt(*ref.right, scope, jbase);
  size_t end = scope.columns.size();
  JoinType type = ToJoinType(ref.join_kind);

  if (right.lateral) {
    if (type != JoinType::kInner && type != JoinType::kLeft) {
      throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                               fmt::format("invalid reference to FROM-clause entry for table \"{}\"",
                                           right.lateral_table))
                           .WithDetail("The combining JOIN type must be INNER or LEFT for a LATERAL reference."),
                       right.lateral_location);
    }
    auto join = std::make_unique<LateralJoinPlan>();
    join->type = type;
    join->left_width = mid - jbase;
    join->right_width = end - mid;
    join->output_types = Concat(left->output_types, right.plan->output_types);
    if (ref.on) {
      Scope js = SliceScope(scope, jbase, end);
      ExprBinder eb(js, "JOIN/ON", nullptr, this);
      join->predicate = CoerceToBool(eb.Bind(*ref.on), "JOIN/ON");
    }
    join->child = std::move(left);
    join->right = std::move(right.plan);
    return join;
  }
  if (ref.natural || !ref.using_columns.empty()) {
    return BindUsingJoin(ref, type, std::move(left), std::move(right.plan), scope, jbase, mid);
  }
  std::vector<BoundExprPtr> conds;
  if (ref.on) {
    Scope js = SliceScope(scope, jbase, end);
    ExprBinder eb(js, "JOIN/ON", nullptr, this);
    SplitConjuncts(CoerceToBool(eb.Bind(*ref.on), "JOIN/ON"), conds);
  }
  return MakeJoin(type, std::move(left), std::move(right.plan), std::move(conds));
}

// JOIN ... USING (cols) / NATURAL JOIN: PostgreSQL's merged columns. The
// output row is: one merged column per USING name (the left value, the right
// value for RIGHT JOIN, COALESCE of both for FULL JOIN), then every left
// column, then every right column; the joined-on originals stay reachable as
// table.column but are hidden from bare names and from `*`.
PlanPtr Binder::BindUsingJoin(const ast::TableRef& ref, JoinType type, PlanPtr left, PlanPtr right, Scope& scope,
                              size_t jbase, size_t mid) {
  size_t end = scope.columns.size();
  auto find = [&](const std::string& name, size_t from, size_t to) {
    int found = -1;
    int count = 0;
    for (size_t i = from; i < to; ++i) {
      if (scope.columns[i].hidden || scope.columns[i].name != name) continue;
      if (found < 0) found = static_cast<int>(i);
      ++count;
    }
    return std::make_pair(found, count);
  };
  std::vector<std::string> names = ref.using_columns;
  if (ref.natural) {
    for (size_t i = jbase; i < mid; ++i) {
      const ScopeColumn& c = scope.columns[i];
      if (c.hidden) continue;
      bool dup = false;
      for (const auto& n : names) dup = dup || n == c.name;
      if (!dup && find(c.name, mid, end).second > 0) names.push_back(c.name);
    }
  }
  std::vector<BoundExprPtr> merged;
  std::vector<ScopeColumn> merged_cols;
  std::vector<BoundExprPtr> conds;
  std::vector<bool> hide(end, false);
  for (size_t k = 0; k < names.size(); ++k) {
    const std::string& n = names[k];
    for (size_t j = 0; j < k; ++j) {
      if (names[j] == n) {
        throw DbError(SqlState::kDuplicateColumn,
                                 fmt::format("column name \"{}\" appears more than once in USING clause", n));
      }
    }
    auto [li, lc] = find(n, jbase, mid);
    if (lc == 0) {
      throw DbError(SqlState::kUndefinedColumn,
                               fmt::format("column \"{}\" specified in USING clause does not exist in left table", n));
    }
    if (lc > 1) {
      throw DbError(SqlState::kAmbiguousColumn,
                               fmt::format("common column name \"{}\" appears more than once in left table", n));
    }
    auto [ri, rc] = find(n, mid, end);
    if (rc == 0) {
      throw DbError(SqlState::kUndefinedColumn,
                               fmt::format("column \"{}\" specified in USING clause does not exist in right table", n));
    }
    if (rc > 1) {
      throw DbError(SqlState::kAmbiguousColumn,
                               fmt::format("common column name \"{}\" appears more than once in right table", n));
    }
    Type lt = scope.columns[li].type;
    Type rt = scope.columns[ri].type;
    Type common = CommonType({lt, rt}, "JOIN/USING", -1);
    auto lcol = TryCoerce(BoundExpr::Column(li - static_cast<int>(jbase), lt), common, CastContext::kImplicit);
    auto rcol = TryCoerce(BoundExpr::Column(ri - static_cast<int>(jbase), rt), common, CastContext::kImplicit);
    auto eq = ResolveOperator("=", common.id, common.id);
    if (!lcol || !rcol || !eq) {
      throw AtLocation(DbError(SqlState::kUndefinedFunction,
                               fmt::format("operator does not exist: {} = {}", FormatType(Type{common.id, -1}),
                                           FormatType(Type{common.id, -1}))),
                       ref.location);
    }
    auto cond = std::make_unique<BoundExpr>(BoundKind::kBinary, Type{TypeId::kBool, -1});
    cond->binary_fn = eq->fn;
    cond->name = "=";
    cond->args.push_back(CloneExpr(*lcol));
    cond->args.push_back(CloneExpr(*rcol));
    conds.push_back(std::move(cond));
    BoundExprPtr value;
    if (type == JoinType::kFull) {
      value = std::make_unique<BoundExpr>(BoundKind::kCoalesce, common);
      value->args.push_back(std::move(lcol));
      value->args.push_back(std::move(rcol));
    } else {
      value = type == JoinType::kRight ? std::move(rcol) : std::move(lcol);
    }
    const ScopeColumn& src = scope.columns[type == JoinType::kRight ? ri : li];
    bool plain = type != JoinType::kFull && value->kind == BoundKind::kColumn;
    merged_cols.push_back(ScopeColumn{"", n, common, plain ? src.table_oid : 0u, plain ? src.attnum : int16_t{0}});
    merged.push_back(std::move(value));
    hide[li] = hide[ri] = true;
  }
  PlanPtr join = MakeJoin(type, std::move(left), std::move(right), std::move(conds));

  auto project = std::make_unique<ProjectPlan>();
  for (auto& m : merged) {
    project->output_types.push_back(m->type);
    project->exprs.push_back(std::move(m));
  }
  for (size_t i = jbase; i < end; ++i) {
    project->exprs.push_back(BoundExpr::Column(static_cast<int>(i - jbase), scope.columns[i].type));
    project->output_types.push_back(scope.columns[i].type);
  }
  project->child = std::move(join);
  std::vector<ScopeColumn> cols = std::move(merged_cols);
  for (size_t i = jbase; i < end; ++i) {
    cols.push_back(scope.columns[i]);
    if (hide[i]) cols.back().hidden = true;
  }
  scope.columns.resize(jbase);
  scope.columns.insert(scope.columns.end(), cols.begin(), cols.end());
  return project;
}

PlanPtr Binder::BindFromWhere(const ast::SelectStmt& stmt, Scope& scope) {
  if (stmt.from.empty()) {
    auto one = std::make_unique<ValuesPlan>();
    one->rows.emplace_back();
    PlanPtr plan = std::move(one);
    if (stmt.where) {
      ExprBinder eb(scope, "WHERE", nullptr, this);
      plan = AddFilter(std::move(plan), CoerceToBool(eb.Bind(*stmt.where), "WHERE"));
    }
    return plan;
  }
  struct Item {
    PlanPtr plan;
    size_t start = 0;
    size_t end = 0;
    bool lateral = false;
  };
  std::vector<Item> items;
  bool any_lateral = false;
  for (const auto& ref : stmt.from) {
    size_t start = scope.columns.size();
    FromResult r = BindFromItemAt(*ref, scope, 0);
    any_lateral = any_lateral || r.lateral;
    items.push_back(Item{std::move(r.plan), start, scope.columns.size(), r.lateral});
  }
  std::vector<BoundExprPtr> conjuncts;
  if (stmt.where) {
    ExprBinder eb(scope, "WHERE", nullptr, this);
    SplitConjuncts(CoerceToBool(eb.Bind(*stmt.where), "WHERE"), conjuncts);
  }
  size_t width = scope.columns.size();

  if (items.size() == 1) return AddFilter(std::move(items[0].plan), CombineConjuncts(std::move(conjuncts)));
  if (any_lateral) {
    PlanPtr plan = std::move(items[0].plan);
    for (size_t i = 1; i < items.size(); ++i) {
      if (!items[i].lateral) {
        plan = MakeJoin(JoinType::kInner, std::move(plan), std::move(items[i].plan), {});
        continue;
      }
      auto join = std::make_unique<LateralJoinPlan>();
      join->left_width = plan->output_types.size();
      join->right_width = items[i].plan->output_types.size();
      join->output_types = Concat(plan->output_types, items[i].plan->output_types);
      join->child = std::move(plan);
      join->right = std::move(items[i].plan);
      plan = std::move(join);
    }
    return AddFilter(std::move(plan), CombineConjuncts(std::move(conjuncts)));
  }

  // Which item each scope column belongs to, and which items each conjunct reads.
  std::vector<int> item_of(width);
  for (size_t k = 0; k < items.size(); ++k) {
    for (size_t c = items[k].start; c < items[k].end; ++c) item_of[c] = static_cast<int>(k);
  }
  struct Conj {
    BoundExprPtr expr;
    std::vector<int> items;  // sorted, unique
    bool movable = false;
  };
  std::vector<Conj> conjs;
  std::vector<BoundExprPtr> top;  // applied after the joins, on the scope's layout
  std::vector<std::vector<BoundExprPtr>> item_filters(items.size());
  for (auto& e : conjuncts) {
    std::vector<int> cols;
    bool movable = CollectColumns(*e, cols);
    std::vector<int> its;
    for (int c : cols) its.push_back(item_of[static_cast<size_t>(c)]);
    std::sort(its.begin(), its.end());
    its.erase(std::unique(its.begin(), its.end()), its.end());
    if (!movable || its.empty()) {
      top.push_back(std::move(e));
    } else if (its.size() == 1) {
      std::vector<int> map(width, 0);
      size_t start = items[static_cast<size_t>(its[0])].start;
      for (size_t c = 0; c < width; ++c) map[c] = static_cast<int>(c) - static_cast<int>(start);
      RemapColumns(*e, map);
      item_filters[static_cast<size_t>(its[0])].push_back(std::move(e));
    } else {
      conjs.push_back(Conj{std::move(e), std::move(its), true});
    }
  }
  for (size_t k = 0; k < items.size(); ++k) {
    items[k].plan = AddFilter(std::move(items[k].plan), CombineConjuncts(std::move(item_filters[k])));
  }

  // Greedy left-deep join order.
  std::vector<bool> joined(items.size(), false);
  std::vector<int> pos(width, -1);  // scope column -> position in the current row
  PlanPtr plan = std::move(items[0].plan);
  joined[0] = true;
  size_t cur_width = 0;
  for (size_t c = items[0].start; c < items[0].end; ++c) pos[c] = static_cast<int>(cur_width++);
  auto covered = [&](const Conj& c, size_t extra) {
    for (int it : c.items) {
      if (!joined[static_cast<size_t>(it)] && static_cast<size_t>(it) != extra) return false;
    }
    return true;
  };
  for (size_t step = 1; step < items.size(); ++step) {
    size_t pick = items.size();
    for (size_t k = 0; k < items.size() && pick == items.size(); ++k) {
      if (joined[k]) continue;
      for (const Conj& c : conjs) {
        if (c.expr && covered(c, k) && c.expr->kind == BoundKind::kBinary && c.expr->name == "=") {
          pick = k;
          break;
        }
      }
    }
    for (size_t k = 0; k < items.size() && pick == items.size(); ++k) {
      if (!joined[k]) pick = k;
    }
    Item& it = items[pick];
    for (size_t c = it.start; c < it.end; ++c) pos[c] = static_cast<int>(cur_width + (c - it.start));
    std::vector<BoundExprPtr> conds;
    for (Conj& c : conjs) {
      if (!c.expr || !covered(c, pick)) continue;
      RemapColumns(*c.expr, pos);
      conds.push_back(std::move(c.expr));
    }
    plan = MakeJoin(JoinType::kInner, std::move(plan), std::move(it.plan), std::move(conds));
    joined[pick] = true;
    cur_width += it.end - it.start;
  }
  bool identity = true;
  for (size_t c = 0; c < width; ++c) identity = identity && pos[c] == static_cast<int>(c);
  if (!identity) {
    auto project = std::make_unique<ProjectPlan>();
    for (size_t c = 0; c < width; ++c) {
      project->exprs.push_back(BoundExpr::Column(pos[c], scope.columns[c].type));
      project->output_types.push_back(plan->output_types[static_cast<size_t>(pos[c])]);
    }
    project->child = std::move(plan);
    plan = std::move(project);
  }
  return AddFilter(std::move(plan), CombineConjuncts(std::move(top)));
}

void ThrowInvisibleReference(const Scope& scope, std::string_view table, std::string_view column, int location) {
  for (const ScopeColumn& c : scope.columns) {
    if (c.name != column || (!table.empty() && c.table != table) || (table.empty() && c.hidden)) continue;
    if (!table.empty()) {
      throw AtLocation(DbError(SqlState::kUndefinedTable,
                               fmt::format("invalid reference to FROM-clause entry for table \"{}\"", table))
                           .WithHint(fmt::format("There is an entry for table \"{}\", but it cannot be referenced "
                                                 "from this part of the query.",
                                                 table)),
                       location);
    }
    throw AtLocation(DbError(SqlState::kUndefinedColumn, fmt::format("column \"{}\" does not exist", column))
                         .WithHint(fmt::format("There is a column named \"{}\" in table \"{}\", but it cannot be "
                                               "referenced from this part of the query.",
                                               column, c.table)),
                     location);
  }
}

}  // namespace basalt::engine::sql
