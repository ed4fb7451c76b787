// WITH queries. Each CTE is bound once, where it is defined; every reference
// becomes a CteScan of one shared CteDefinition, so the query runs at most
// once per statement execution however often it is referenced (PostgreSQL's
// MATERIALIZED behaviour, which gives the same results as inlining).
//
// WITH RECURSIVE: a CTE that refers to itself must be `non-recursive term
// UNION [ALL] recursive term`. The non-recursive term fixes the column types;
// inside the recursive term the self-reference is a WorkTableScan of the
// previous iteration's rows (RecursiveUnionPlan), with PostgreSQL's 42P19
// errors for the malformed cases.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {
namespace {

// Where `s` mentions relation `name` (FROM items, subqueries), or -1;
// ignores shadowing by inner WITH lists.
int FindReference(const ast::SelectStmt& s, const std::string& name);

int FindInTableRef(const ast::TableRef& r, const std::string& name) {
  switch (r.kind) {
    case ast::TableRef::Kind::kTable:
      return r.table.schema.empty() && r.table.name == name ? std::max(r.table.location, 0) : -1;
    case ast::TableRef::Kind::kJoin: {
      int l = FindInTableRef(*r.left, name);
      return l >= 0 ? l : FindInTableRef(*r.right, name);
    }
    case ast::TableRef::Kind::kSubquery:
    case ast::TableRef::Kind::kValues: return r.subquery ? FindReference(*r.subquery, name) : -1;
    default: return -1;
  }
}

int FindInExpr(const ast::Expr* e, const std::string& name) {
  if (e == nullptr) return -1;
  if (e->subquery) {
    int l = FindReference(*e->subquery, name);
    if (l >= 0) return l;
  }
  for (const auto& a : e->args) {
    int l = FindInExpr(a.get(), name);
    if (l >= 0) return l;
  }
  return -1;
}

int FindReference(const ast::SelectStmt& s, const std::string& name) {
  int l = -1;
  for (const auto& c : s.with) {
    if (l < 0 && c.query) l = FindReference(*c.query, name);
  }
  if (l < 0 && s.larg) l = FindReference(*s.larg, name);
  if (l < 0 && s.rarg) l = FindReference(*s.rarg, name);
  for (const auto& f : s.from) {
    if (l < 0) l = FindInTableRef(*f, name);
  }
  for (const auto& t : s.targets) {
    if (l < 0) l = FindInExpr(t.expr.get(), name);
  }
  if (l < 0) l = FindInExpr(s.where.get(), name);
  if (l < 0) l = FindInExpr(s.having.get(), name);
  return l;
}

bool RefersTo(const ast::SelectStmt& s, const std::string& name) { return FindReference(s, name) >= 0; }

std::vector<OutputColumn> NameColumns(std::vector<OutputColumn> cols, const ast::CommonTableExpr& cte) {
  if (cte.columns.size() > cols.size()) {
    throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                             fmt::format("WITH query \"{}\" has {} columns available but {} columns specified",
                                         cte.name, cols.size(), cte.columns.size())),
                     cte.location);
  }
  for (size_t i = 0; i < cte.columns.size(); ++i) cols[i].name = cte.columns[i];
  return cols;
}

}  // namespace

size_t Binder::PushWith(const ast::SelectStmt& stmt, const Scope* outer) {
  size_t first = ctes_.size();
  for (const auto& cte : stmt.with) {
    for (size_t i = first; i < ctes_.size(); ++i) {
      if (ctes_[i].name == cte.name) {
        throw AtLocation(DbError(SqlState::kDuplicateAlias,
                                 fmt::format("WITH query name \"{}\" specified more than once", cte.name)),
                         cte.location);
      }
    }
    CteBinding b;
    b.name = cte.name;
    // Unique across binders: plans bound by different binders (SQL function
    // bodies, views) may run in one ExecContext, which keys CTE state by id.
    static std::atomic<int> next_id{1};
    b.cte_id = next_id.fetch_add(1, std::memory_order_relaxed);
    auto def = std::make_shared<CteDefinition>();
    def->cte_id = b.cte_id;
    bool recursive = stmt.with_recursive && RefersTo(*cte.query, cte.name);
    if (!recursive) {
      BoundQuery q = BindSelect(*cte.query, outer);
      b.columns = NameColumns(std::move(q.columns), cte);
      def->plan = std::move(q.plan);
      b.def = std::move(def);
      ctes_.push_back(std::move(b));
      continue;
    }
    const ast::SelectStmt& body = *cte.query;
    if (body.op != ast::SetOpKind::kUnion || !body.order_by.empty() || body.limit || body.offset) {
      throw AtLocation(DbError(SqlState::kInvalidRecursion,
                               fmt::format("recursive query \"{}\" does not have the form non-recursive-term UNION "
                                           "[ALL] recursive-term",
                                           cte.name)),
                       cte.location);
    }
    if (int loc = FindReference(*body.larg, cte.name); loc >= 0) {
      throw AtLocation(DbError(SqlState::kInvalidRecursion,
                               fmt::format("recursive reference to query \"{}\" must not appear within its "
                                           "non-recursive term",
                                           cte.name)),
                       loc);
    }
    BoundQuery seed = BindSelect(*body.larg, outer);
    for (auto& c : seed.columns) {
      if (c.type.id == TypeId::kUnknown) c.type = Type{TypeId::kText, -1};
    }
    b.columns = NameColumns(seed.columns, cte);
    b.recursive_ref_allowed = true;
    size_t index = ctes_.size();
    ctes_.push_back(b);
    BoundQuery step = BindSelect(*body.rarg, outer);
    if (ctes_[index].self_references == 0) {
      // Only mentioned in a nested WITH that shadowed it: not recursive after all.
      throw AtLocation(DbError(SqlState::kInvalidRecursion,
                               fmt::format("recursive query \"{}\" does not have the form non-recursive-term UNION "
                                           "[ALL] recursive-term",
                                           cte.name)),
                       cte.location);
    }
    if (step.columns.size() != seed.columns.size()) {
      throw AtLocation(DbError(SqlState::kSyntaxError, "each UNION query must have the same number of columns"),
                       cte.location);
    }
    for (size_t i = 0; i < seed.columns.size(); ++i) {
      if (step.columns[i].type.id != seed.columns[i].type.id) {
        throw AtLocation(DbError(SqlState::kDatatypeMismatch,
                                 fmt::format("recursive query \"{}\" column {} has type {} in non-recursive term but "
                                             "type {} overall",
                                             cte.name, i + 1, FormatType(seed.columns[i].type),
                                             FormatType(Type{step.columns[i].type.id, -1})))
                             .WithHint("Cast the output of the non-recursive term to the correct type."),
                         i < body.larg->targets.size() ? body.larg->targets[i].expr->location : cte.location);
      }
    }
    auto ru = std::make_unique<RecursiveUnionPlan>();
    ru->cte_id = b.cte_id;
    ru->all = body.all;
    for (const auto& c : seed.columns) ru->output_types.push_back(c.type);
    ru->child = std::move(seed.plan);
    ru->right = std::move(step.plan);
    def->plan = std::move(ru);
    ctes_[index].def = std::move(def);
    ctes_[index].recursive_ref_allowed = false;
  }
  return ctes_.size() - first;
}

PlanPtr Binder::BindCteReference(const ast::TableRef& ref, Scope& scope) {
  if (!ref.table.schema.empty() || !ref.table.catalog.empty()) return nullptr;
  for (size_t i = ctes_.size(); i-- > 0;) {
    CteBinding& b = ctes_[i];
    if (b.name != ref.table.name) continue;
    std::string alias = ref.alias ? ref.alias->name : b.name;
    CheckDuplicateAlias(scope, alias, ref.table.location);
    PlanPtr plan;
    if (b.recursive_ref_allowed) {
      if (++b.self_references > 1) {
        throw AtLocation(DbError(SqlState::kInvalidRecursion,
                                 fmt::format("recursive reference to query \"{}\" must not appear more than once",
                                             b.name)),
                         ref.table.location);
      }
      auto scan = std::make_unique<WorkTableScanPlan>();
      scan->cte_id = b.cte_id;
      plan = std::move(scan);
    } else {
      auto scan = std::make_unique<CteScanPlan>();
      scan->cte = b.def;
      scan->name = b.name;
      plan = std::move(scan);
    }
    size_t start = scope.columns.size();
    scope.tables.push_back(alias);
    for (const auto& c : b.columns) {
      scope.columns.push_back(ScopeColumn{alias, c.name, c.type, c.table_oid, c.attnum});
      plan->output_types.push_back(c.type);
    }
    if (ref.alias) RenameColumns(scope, start, ref.alias->columns, alias, ref.location);
    return plan;
  }
  return nullptr;
}

}  // namespace basalt::engine::sql
