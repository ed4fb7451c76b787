// engine/sql/binder/expr_binder.hpp
//
// Binds one AST expression against a Scope: resolves column names, types every
// node, resolves operators and functions, coerces untyped literals. Aggregate
// calls become kAggRef placeholders (appended to `aggregates`) when the clause
// allows them; the select binder later replaces them with columns of the
// aggregate's output.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/binder/scope.hpp"
#include "engine/sql/parser/ast.hpp"
#include "engine/sql/planner/aggregate_spec.hpp"

namespace basalt::engine::sql {

struct SrfCall;        // planner/query_plans.hpp
struct WindowBinding;  // binder/window_binding.hpp

class ExprBinder {
 public:
  // `clause` names the clause for error messages ("WHERE", "HAVING", "VALUES").
  // `aggregates` is null where aggregate calls are not allowed.
  // `binder`, when given, binds subqueries (which see `scope` as their outer scope).
  ExprBinder(const Scope& scope, std::string_view clause, std::vector<AggregateSpec>* aggregates,
             class Binder* binder = nullptr)
      : scope_(scope), clause_(clause), aggregates_(aggregates), binder_(binder) {}

  BoundExprPtr Bind(const ast::Expr& e);

  // Where set-returning calls may appear (the SELECT list): each becomes a
  // kSrfRef placeholder numbered by its position in `srfs` (srf_binder.cpp).
  void AllowSetReturning(std::vector<SrfCall>* srfs) { srfs_ = srfs; }
  // Where window function calls may appear (SELECT list, ORDER BY): each
  // becomes a kWindowRef numbered by its position in windows->calls.
  void AllowWindows(WindowBinding* windows) { windows_ = windows; }

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
  // array_binder.cpp: ARRAY[...] (target: the type of an enclosing cast, which
  // types an empty ARRAY[]), a[i] / a[i:j], x op ANY/ALL (array), ARRAY(subquery).
  BoundExprPtr BindArrayConstructor(const ast::Expr& e, std::optional<Type> target = std::nullopt);
  BoundExprPtr BindSubscript(const ast::Expr& e);
  BoundExprPtr BindArrayQuantified(const ast::Expr& e);
  BoundExprPtr BindArraySublink(const ast::Expr& e);
  // A call of a registered table function (srf_binder.cpp).
  BoundExprPtr BindSetReturningCall(const ast::Expr& e, std::vector<BoundExprPtr> args);
  // f(...) OVER (...) (window_binder.cpp); `agg` is set for aggregates.
  BoundExprPtr BindWindowCall(const ast::Expr& e, std::optional<AggKind> agg);
  BoundExprPtr BindWindowArg(const ast::Expr& e);
  // grouping(a, ...) placeholder (grouping_binder.cpp).
  BoundExprPtr BindGroupingCall(const ast::Expr& e);
  // Equality between two already-bound values of a common type.
  BinaryFn EqualityFn(Type t, int location);
  // Brings every argument to a common type.
  Type UnifyArgs(std::vector<BoundExprPtr>& args, std::string_view context, int location);

  const Scope& scope_;
  std::string_view clause_;
  std::vector<AggregateSpec>* aggregates_;
  class Binder* binder_;
  bool inside_aggregate_ = false;
  std::vector<SrfCall>* srfs_ = nullptr;
  WindowBinding* windows_ = nullptr;
  bool inside_window_ = false;
  bool in_window_definition_ = false;  // binding a window's PARTITION BY / ORDER BY
  bool binding_window_aggregate_ = false;
};

// True when `name` is a registered table function (functions/table_functions.hpp).
bool IsSetReturningFunction(std::string_view name);

}  // namespace basalt::engine::sql
