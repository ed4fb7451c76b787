// engine/sql/binder/expr_binder.hpp
//
// Binds one AST expression against a Scope: resolves column names, types every
// node, resolves operators and functions, coerces untyped literals. Aggregate
// calls become kAggRef placeholders (appended to `aggregates`) when the clause
// allows them; the select binder later replaces them with columns of the
// aggregate's output.
#pragma once

#include <string_view>
#include <vector>

#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/binder/scope.hpp"
#include "engine/sql/parser/ast.hpp"
#include "engine/sql/planner/aggregate_spec.hpp"

namespace basalt::engine::sql {

class ExprBinder {
 public:
  // `clause` names the clause for error messages ("WHERE", "HAVING", "VALUES").
  // `aggregates` is null where aggregate calls are not allowed.
  // `binder`, when given, binds subqueries (which see `scope` as their outer scope).
  ExprBinder(const Scope& scope, std::string_view clause, std::vector<AggregateSpec>* aggregates,
             class Binder* binder = nullptr)
      : scope_(scope), clause_(clause), aggregates_(aggregates), binder_(binder) {}

  BoundExprPtr Bind(const ast::Expr& e);

 private:
  BoundExprPtr BindConst(const ast::Expr& e);
  // $n: typed from the thread's ParamScope (param_types.hpp); 42P02 without one.
  BoundExprPtr BindParam(const ast::Expr& e);
  BoundExprPtr BindColumnRef(const ast::Expr& e);
  BoundExprPtr BindOperator(const ast::Expr& e);
  BoundExprPtr BindBinaryOp(std::string_view op, BoundExprPtr l, BoundExprPtr r, int location);
  BoundExprPtr BindFunction(const ast::Expr& e);
  BoundExprPtr BindAggregate(const ast::Expr& e, AggKind kind);
  BoundExprPtr BindCast(const ast::Expr& e);
  BoundExprPtr BindCase(const ast::Expr& e);
  BoundExprPtr BindIn(const ast::Expr& e);
  BoundExprPtr BindLike(const ast::Expr& e);
  BoundExprPtr BindBetween(const ast::Expr& e);
  BoundExprPtr BindVariadic(const ast::Expr& e, BoundKind kind, std::string_view name);
  BoundExprPtr BindNullIf(const ast::Expr& e);
  BoundExprPtr BindDistinctFrom(const ast::Expr& e);
  BoundExprPtr BindSubLink(const ast::Expr& e);
  // Equality between two already-bound values of a common type.
  BinaryFn EqualityFn(Type t, int location);
  // Brings every argument to a common type.
  Type UnifyArgs(std::vector<BoundExprPtr>& args, std::string_view context, int location);

  const Scope& scope_;
  std::string_view clause_;
  std::vector<AggregateSpec>* aggregates_;
  class Binder* binder_;
  bool inside_aggregate_ = false;
};

}  // namespace basalt::engine::sql
