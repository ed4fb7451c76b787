// UNION / INTERSECT / EXCEPT [ALL] and the ORDER BY / LIMIT that may follow a
// set operation or a VALUES list.
//
// Types: each set-operation node resolves its column types pairwise from its
// two inputs with select_common_type (42804 "UNION types integer and text
// cannot be matched"), as PostgreSQL's transformSetOperationTree does, and
// both inputs are coerced to them. Output column names come from the left.
#include <fmt/format.h>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {
namespace {

const char* OpName(ast::SetOpKind op) {
  switch (op) {
    case ast::SetOpKind::kIntersect: return "INTERSECT";
    case ast::SetOpKind::kExcept: return "EXCEPT";
    default: return "UNION";
  }
}

// Wraps `plan` in a projection casting each column to `types` when needed.
PlanPtr CoerceColumns(PlanPtr plan, const std::vector<OutputColumn>& from, const std::vector<Type>& types) {
  bool same = true;
  for (size_t i = 0; i < types.size(); ++i) same = same && from[i].type == types[i];
  if (same) return plan;
  if (plan->kind == PlanKind::kProject) {
    // Coerce the select list itself, so untyped literals convert now and
    // report their own position ('a' as integer: 22P02 at 'a').
    auto& project = static_cast<ProjectPlan&>(*plan);
    if (project.exprs.size() == types.size()) {
      for (size_t i = 0; i < types.size(); ++i) {
        if (project.exprs[i]->type == types[i]) continue;
        project.exprs[i] = TryCoerce(std::move(project.exprs[i]), types[i], CastContext::kImplicit);
        project.output_types[i] = types[i];
      }
      return plan;
    }
  }
  auto project = std::make_unique<ProjectPlan>();
  for (size_t i = 0; i < types.size(); ++i) {
    BoundExprPtr col = BoundExpr::Column(static_cast<int>(i), from[i].type);
    if (!(from[i].type == types[i])) col = TryCoerce(std::move(col), types[i], CastContext::kImplicit);
    project->exprs.push_back(std::move(col));
  }
  project->output_types = types;
  project->child = std::move(plan);
  return project;
}

// The first location inside a SELECT, for error positions (PostgreSQL points
// at the right input's first target).
int FirstLocation(const ast::SelectStmt& s) {
  if (s.op != ast::SetOpKind::kNone && s.larg) return FirstLocation(*s.larg);
  if (!s.targets.empty()) return s.targets[0].location;
  if (!s.values.empty() && !s.values[0].empty()) return s.values[0][0]->location;
  return s.location;
}

// Where column `i` of a set-operation input is written (for type errors).
int TargetLocation(const ast::SelectStmt& s, size_t i) {
  if (s.op != ast::SetOpKind::kNone && s.larg) return TargetLocation(*s.larg, i);
  if (i < s.targets.size()) return s.targets[i].expr->location;
  if (!s.values.empty() && i < s.values[0].size()) return s.values[0][i]->location;
  return s.location;
}

BoundExprPtr BindLimit(const ast::Expr& e, const char* clause) {
  Scope empty;
  ExprBinder binder(empty, clause, nullptr);
  BoundExprPtr b = binder.Bind(e);
  Type from = b->type;
  BoundExprPtr out = TryCoerce(std::move(b), Type{TypeId::kInt8, -1}, CastContext::kAssignment);
  if (!out) {
    throw AtLocation(DbError(SqlState::kDatatypeMismatch, fmt::format("argument of {} must be type bigint, not type {}",
                                                                      clause, FormatType(Type{from.id, -1}))),
                     e.location);
  }
  return out;
}

}  // namespace

BoundQuery Binder::BindSetOperation(const ast::SelectStmt& stmt, const Scope* outer) {
  const char* name = OpName(stmt.op);
  set_op_leaf_ = true;
  BoundQuery left = BindSelect(*stmt.larg, outer);
  set_op_leaf_ = true;
  BoundQuery right = BindSelect(*stmt.rarg, outer);
  set_op_leaf_ = false;
  if (left.columns.size() != right.columns.size()) {
    throw AtLocation(DbError(SqlState::kSyntaxError,
                             fmt::format("each {} query must have the same number of columns", name)),
                     FirstLocation(*stmt.rarg));
  }
  std::vector<Type> types;
  for (size_t i = 0; i < left.columns.size(); ++i) {
    Type lt = left.columns[i].type;
    Type rt = right.columns[i].type;
    Type t = lt == rt ? lt : CommonType({lt, rt}, name, TargetLocation(*stmt.rarg, i));
    if (t.id == TypeId::kUnknown) t = Type{TypeId::kText, -1};
    // A typmod survives only when both sides agree (varchar(3) vs varchar(5) -> varchar).
    if (!(lt == rt)) t.typmod = -1;
    types.push_back(t);
  }
  auto op = std::make_unique<SetOpPlan>();
  op->op = stmt.op == ast::SetOpKind::kIntersect ? SetOpType::kIntersect
           : stmt.op == ast::SetOpKind::kExcept  ? SetOpType::kExcept
                                                 : SetOpType::kUnion;
  op->all = stmt.all;
  op->output_types = types;
  op->child = CoerceColumns(std::move(left.plan), left.columns, types);
  op->right = CoerceColumns(std::move(right.plan), right.columns, types);
  BoundQuery q;
  for (size_t i = 0; i < types.size(); ++i) {
    OutputColumn c{left.columns[i].name, types[i]};
    if (left.columns[i].type == types[i] && right.columns[i].table_oid == left.columns[i].table_oid &&
        right.columns[i].attnum == left.columns[i].attnum) {
      c.table_oid = left.columns[i].table_oid;
      c.attnum = left.columns[i].attnum;
    }
    q.columns.push_back(std::move(c));
  }
  q.plan = std::move(op);
  return ApplyOrderLimit(std::move(q), stmt);
}

BoundQuery Binder::ApplyOrderLimit(BoundQuery q, const ast::SelectStmt& stmt) {
  if (stmt.order_by.empty() && !stmt.limit && !stmt.offset) return q;
  Scope scope;
  for (const auto& c : q.columns) scope.columns.push_back(ScopeColumn{"", c.name, c.type, 0, 0});
  std::vector<Type> types = q.plan->output_types;
  size_t visible = types.size();
  std::vector<BoundExprPtr> hidden;
  std::vector<SortKey> keys;
  for (const auto& s : stmt.order_by) {
    const ast::Expr& e = *s.expr;
    int column = -1;
    if (e.kind == ast::ExprKind::kConst && e.const_kind == ast::ConstKind::kInteger) {
      if (e.int_value < 1 || e.int_value > static_cast<int64_t>(visible)) {
        throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                                 fmt::format("ORDER BY position {} is not in select list", e.int_value)),
                         e.location);
      }
      column = static_cast<int>(e.int_value - 1);
    } else {
      ExprBinder eb(scope, "ORDER BY", nullptr, this);
      BoundExprPtr b = eb.Bind(e);
      if (b->kind == BoundKind::kColumn) {
        column = b->index;
      } else {
        if (stmt.op != ast::SetOpKind::kNone) {
          throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                                   "invalid UNION/INTERSECT/EXCEPT ORDER BY clause")
                               .WithDetail("Only result column names can be used, not expressions or functions.")
                               .WithHint("Add the expression/function to every SELECT, or move the UNION into a "
                                         "FROM clause."),
                           e.location);
        }
        if (b->type.id == TypeId::kUnknown) b = TryCoerce(std::move(b), Type{TypeId::kText, -1}, CastContext::kImplicit);
        column = static_cast<int>(types.size());
        types.push_back(b->type);
        hidden.push_back(std::move(b));
      }
    }
    SortKey k;
    k.column = column;
    k.type = types[static_cast<size_t>(column)];
    k.descending = s.dir == ast::SortDir::kDesc;
    k.nulls_first = s.nulls == ast::NullsOrder::kDefault ? k.descending : s.nulls == ast::NullsOrder::kFirst;
    keys.push_back(k);
  }
  PlanPtr plan = std::move(q.plan);
  if (!hidden.empty()) {
    auto project = std::make_unique<ProjectPlan>();
    for (size_t i = 0; i < visible; ++i) project->exprs.push_back(BoundExpr::Column(static_cast<int>(i), types[i]));
    for (auto& h : hidden) project->exprs.push_back(std::move(h));
    project->output_types = types;
    project->child = std::move(plan);
    plan = std::move(project);
  }
  if (!keys.empty()) {
    auto sort = std::make_unique<SortPlan>();
    sort->keys = std::move(keys);
    sort->output_types = types;
    sort->child = std::move(plan);
    plan = std::move(sort);
  }
  if (stmt.limit || stmt.offset) {
    auto limit = std::make_unique<LimitPlan>();
    if (stmt.limit) limit->limit = BindLimit(*stmt.limit, "LIMIT");
    if (stmt.offset) limit->offset = BindLimit(*stmt.offset, "OFFSET");
    limit->output_types = types;
    limit->child = std::move(plan);
    plan = std::move(limit);
  }
  if (types.size() > visible) {
    auto trim = std::make_unique<ProjectPlan>();
    for (size_t i = 0; i < visible; ++i) {
      trim->exprs.push_back(BoundExpr::Column(static_cast<int>(i), types[i]));
      trim->output_types.push_back(types[i]);
    }
    trim->child = std::move(plan);
    plan = std::move(trim);
  }
  q.plan = std::move(plan);
  return q;
}

}  // namespace basalt::engine::sql
