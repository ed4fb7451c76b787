// Binding of the array expression forms: ARRAY[...] constructors,
// subscripts and slices (a[i], a[i:j]), `x op ANY/ALL (array)` and
// ARRAY(subquery). Follows PostgreSQL 15's transformArrayExpr,
// transformContainerSubscripts and make_scalar_array_op (parse_expr.c,
// parse_node.c, parse_oper.c).
#include <fmt/format.h>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/functions/array_functions.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/operators.hpp"

namespace basalt::engine::sql {
namespace {

const Type kInt4Type{TypeId::kInt4, -1};

BoundExprPtr IndexArg(BoundExprPtr idx, int location) {
  auto out = TryCoerce(std::move(idx), kInt4Type, CastContext::kAssignment);
  if (!out) {
    throw AtLocation(DbError(SqlState::kDatatypeMismatch, "array subscript must have type integer"), location);
  }
  return out;
}

}  // namespace

BoundExprPtr ExprBinder::BindArrayConstructor(const ast::Expr& e, std::optional<Type> target) {
  if (e.args.empty()) {
    if (target && IsArrayType(target->id)) {
      auto c = BoundExpr::Const(MakeArray(std::vector<Value>{}), *target);
      c->location = e.location;
      return c;
    }
    throw AtLocation(DbError(SqlState::kIndeterminateDatatype, "cannot determine type of empty array")
                         .WithHint("Explicitly cast to the desired type, for example ARRAY[]::integer[]."),
                     e.location);
  }
  std::vector<BoundExprPtr> args;
  std::vector<Type> types;
  for (const auto& a : e.args) {
    // Nested ARRAY[...] inside ARRAY[...] builds a multidimensional array.
    args.push_back(a->kind == ast::ExprKind::kArray && target ? BindArrayConstructor(*a, target) : Bind(*a));
    types.push_back(args.back()->type);
  }
  bool nested = IsArrayType(types[0].id);
  Type common;
  if (target && !nested) {
    common = Type{ArrayElementType(target->id), target->typmod};
  } else {
    common = CommonType(types, "ARRAY", e.location);
  }
  if (common.id == TypeId::kUnknown) common = Type{TypeId::kText, -1};
  Type result;
  if (nested) {
    result = common;
  } else {
    TypeId array = ArrayTypeOf(common.id);
    if (array == TypeId::kUnknown) {
      throw AtLocation(DbError(SqlState::kUndefinedObject,
                               fmt::format("could not find array type for data type {}", FormatType(common))),
                       e.location);
    }
    result = Type{array, common.typmod};
  }
  bool all_const = true;
  for (auto& a : args) {
    Type want = nested ? result : common;
    auto c = TryCoerce(std::move(a), want, target ? CastContext::kExplicit : CastContext::kImplicit);
    if (!c) {
      throw AtLocation(DbError(SqlState::kCannotCoerce, fmt::format("ARRAY could not convert type {} to {}",
                                                                   FormatType(types[&a - &args[0]]),
                                                                   FormatType(want))),
                       e.location);
    }
    all_const &= c->kind == BoundKind::kConst;
    a = std::move(c);
  }
  auto out = std::make_unique<BoundExpr>(BoundKind::kFunction, result);
  out->scalar_fn = nested ? &ArrayBuildNested : &ArrayBuild;
  out->strict = false;
  out->name = "array";
  out->location = e.location;
  out->args = std::move(args);
  if (all_const) {
    std::vector<Value> vals;
    for (const auto& a : out->args) vals.push_back(a->value);
    EvalContext ctx;
    auto c = BoundExpr::Const(out->scalar_fn(vals, out->ArgTypes(), out->type, ctx), out->type);
    c->location = e.location;
    return c;
  }
  return out;
}

BoundExprPtr ExprBinder::BindSubscript(const ast::Expr& e) {
  BoundExprPtr base = Bind(*e.args[0]);
  Type t = base->type;
  if (t.id == TypeId::kUnknown) {
    base = TryCoerce(std::move(base), Type{TypeId::kTextArray, -1}, CastContext::kImplicit);
    t = base->type;
  }
  if (!IsArrayType(t.id) && t.id != TypeId::kInt2Vector && t.id != TypeId::kOidVector) {
    throw AtLocation(DbError(SqlState::kDatatypeMismatch,
                             fmt::format("cannot subscript type {} because it does not support subscripting",
                                         FormatType(Type{t.id, -1}))),
                     e.location);
  }
  auto out = std::make_unique<BoundExpr>(BoundKind::kFunction, t);
  out->args.push_back(std::move(base));
  if (e.symmetric) {
    out->scalar_fn = &ArraySlice;
    out->name = "array_slice";
    out->args.push_back(IndexArg(Bind(*e.args[1]), e.args[1]->location));
    out->args.push_back(IndexArg(Bind(*e.args[2]), e.args[2]->location));
    if (!IsArrayType(t.id)) out->type = Type{ArrayTypeOf(ArrayElementType(t.id)), -1};
  } else {
    out->scalar_fn = &ArraySubscript;
    out->name = "array_subscript";
    out->type = Type{ArrayElementType(t.id), IsArrayType(t.id) ? t.typmod : -1};
    out->args.push_back(IndexArg(Bind(*e.args[1]), e.args[1]->location));
  }
  out->location = e.location;
  return out;
}

BoundExprPtr ExprBinder::BindArrayQuantified(const ast::Expr& e) {
  const std::string& op = e.names.back();
  BoundExprPtr l = Bind(*e.args[0]);
  BoundExprPtr r = Bind(*e.args[1]);
  if (r->type.id == TypeId::kUnknown) {
    TypeId elem = l->type.id == TypeId::kUnknown ? TypeId::kText : l->type.id;
    TypeId array = ArrayTypeOf(elem);
    if (array != TypeId::kUnknown) r = TryCoerce(std::move(r), Type{array, -1}, CastContext::kImplicit);
  }
  if (!r || (!IsArrayType(r->type.id) && r->type.id != TypeId::kInt2Vector && r->type.id != TypeId::kOidVector)) {
    throw AtLocation(DbError(SqlState::kWrongObjectType, "op ANY/ALL (array) requires array on right side"),
                     e.location);
  }
  TypeId elem = ArrayElementType(r->type.id);
  auto info = ResolveOperator(op, l->type.id, elem);
  if (!info) {
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("operator does not exist: {} {} {}", FormatType(Type{l->type.id, -1}), op,
                                         FormatType(Type{elem, -1})))
                         .WithHint("No operator matches the given name and argument types. You might need to add "
                                   "explicit type casts."),
                     e.location);
  }
  if (info->result != TypeId::kBool) {
    throw AtLocation(DbError(SqlState::kWrongObjectType, "op ANY/ALL (array) requires operator to yield boolean"),
                     e.location);
  }
  l = TryCoerce(std::move(l), Type{info->left, -1}, info->arg_cast_context);
  if (info->right != elem) {
    r = TryCoerce(std::move(r), Type{ArrayTypeOf(info->right), -1}, CastContext::kImplicit);
  }
  if (!l || !r) throw AtLocation(DbError(SqlState::kInternalError, "ANY/ALL argument coercion failed"), e.location);
  auto out = std::make_unique<BoundExpr>(BoundKind::kArrayCompare, Type{TypeId::kBool, -1});
  out->subquery_kind = e.quantifier == ast::OpQuantifier::kAny ? SubqueryKind::kAny : SubqueryKind::kAll;
  out->binary_fn = info->fn;
  out->name = op;
  out->location = e.location;
  out->args.push_back(std::move(l));
  out->args.push_back(std::move(r));
  return out;
}

BoundExprPtr ExprBinder::BindArraySublink(const ast::Expr& e) {
  BoundQuery q = binder_->BindSelect(*e.subquery, &scope_);
  if (q.columns.size() != 1) {
    throw AtLocation(DbError(SqlState::kSyntaxError, q.columns.size() > 1 ? "subquery must return only one column"
                                                                         : "subquery has too few columns"),
                     e.location);
  }
  Type column = q.columns[0].type;
  if (column.id == TypeId::kUnknown) column = Type{TypeId::kText, -1};
  TypeId array = ArrayTypeOf(column.id);
  if (array == TypeId::kUnknown) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                             fmt::format("ARRAY(subquery) over type {} is not supported", FormatType(column))),
                     e.location);
  }
  auto out = std::make_unique<BoundExpr>(BoundKind::kSubquery, Type{array, column.typmod});
  out->subquery_kind = SubqueryKind::kArray;
  out->subplan = std::move(q.plan);
  out->location = e.location;
  return out;
}

}  // namespace basalt::engine::sql
