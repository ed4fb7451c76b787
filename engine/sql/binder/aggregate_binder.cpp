#include "engine/sql/binder/aggregate_binder.hpp"

#include <fmt/format.h>

#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/functions/aggregate_state.hpp"
#include "engine/sql/types/casts.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kFloat8{TypeId::kFloat8, -1};

std::string TypeList(const std::vector<Type>& types) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) out += ", ";
    out += types[i].id == TypeId::kUnknown ? "unknown" : FormatType(Type{types[i].id, -1});
  }
  return out;
}

[[noreturn]] void NoSuchFunction(const std::string& name, const std::vector<Type>& types, int location) {
  throw AtLocation(DbError(SqlState::kUndefinedFunction, fmt::format("function {}({}) does not exist", name, TypeList(types)))
                       .WithHint("No function matches the given name and argument types. You might need to add "
                                 "explicit type casts."),
                   location);
}

bool IsOrderedSet(AggKind k) {
  return k == AggKind::kPercentileCont || k == AggKind::kPercentileDisc || k == AggKind::kMode;
}
bool IsRegression(AggKind k) { return k >= AggKind::kCorr && k <= AggKind::kRegrR2; }

// Coerces `e` to `t` if an implicit cast exists; leaves it unchanged otherwise
// (the result-type check then reports the missing function).
BoundExprPtr Soft(BoundExprPtr e, Type t) {
  if (e->type.id == t.id) return e;
  if (e->type.id != TypeId::kUnknown && !CanCast(e->type.id, t.id, CastContext::kImplicit)) return e;
  auto c = CloneExpr(*e);
  auto out = TryCoerce(std::move(c), t, CastContext::kImplicit);
  return out ? std::move(out) : std::move(e);
}

AggOrderKey BindKey(ExprBinder& binder, const ast::SortBy& s) {
  AggOrderKey k;
  k.expr = binder.Bind(*s.expr);
  if (k.expr->type.id == TypeId::kUnknown) k.expr = TryCoerce(std::move(k.expr), kText, CastContext::kImplicit);
  k.descending = s.dir == ast::SortDir::kDesc;
  k.nulls_first = s.nulls == ast::NullsOrder::kDefault ? k.descending : s.nulls == ast::NullsOrder::kFirst;
  return k;
}

}  // namespace

std::optional<AggKind> AggregateKindOf(std::string_view name, bool star) {
  if (name == "count") return star ? AggKind::kCountStar : AggKind::kCount;
  if (name == "sum") return AggKind::kSum;
  if (name == "avg") return AggKind::kAvg;
  if (name == "min") return AggKind::kMin;
  if (name == "max") return AggKind::kMax;
  if (name == "bool_and" || name == "every") return AggKind::kBoolAnd;
  if (name == "bool_or") return AggKind::kBoolOr;
  return ExtendedAggregateKind(name);
}

void BindAggregateArgs(ExprBinder& binder, const ast::Expr& e, AggregateSpec& spec) {
  const AggKind kind = spec.kind;
  const std::string& name = spec.name;
  if (e.within_group != IsOrderedSet(kind)) {
    // PostgreSQL reports these as a missing function over all the arguments.
    std::vector<Type> types;
    for (const auto& a : e.args) types.push_back(binder.Bind(*a)->type);
    if (e.within_group) {
      for (const auto& s : e.agg_order) types.push_back(binder.Bind(*s.expr)->type);
    }
    NoSuchFunction(name, types, e.location);
  }
  if (kind == AggKind::kCountStar) {
    spec.result_type = Type{TypeId::kInt8, -1};
    return;
  }
  std::vector<Type> shown;  // argument types as written, for error messages
  if (e.within_group) {
    for (const auto& a : e.args) spec.extra_args.push_back(binder.Bind(*a));
    for (const auto& a : spec.extra_args) shown.push_back(a->type);
    if (e.agg_order.size() != 1) {
      for (const auto& s : e.agg_order) shown.push_back(binder.Bind(*s.expr)->type);
      NoSuchFunction(name, shown, e.location);
    }
    AggOrderKey key = BindKey(binder, e.agg_order[0]);
    shown.push_back(key.expr->type);
    if (kind == AggKind::kPercentileCont && key.expr->type.id != TypeId::kInterval) key.expr = Soft(std::move(key.expr), kFloat8);
    for (auto& a : spec.extra_args) a = Soft(std::move(a), kFloat8);
    spec.arg = CloneExpr(*key.expr);
    spec.order_by.push_back(std::move(key));
  } else {
    if (e.args.empty()) NoSuchFunction(name, shown, e.location);
    spec.arg = binder.Bind(*e.args[0]);
    for (size_t i = 1; i < e.args.size(); ++i) spec.extra_args.push_back(binder.Bind(*e.args[i]));
    shown.push_back(spec.arg->type);
    for (const auto& a : spec.extra_args) shown.push_back(a->type);
    bool extended = kind >= AggKind::kStringAgg;
    if (!extended && !spec.extra_args.empty()) NoSuchFunction(name, shown, e.location);
    if (kind == AggKind::kStringAgg) {
      if (IsString(spec.arg->type.id) || spec.arg->type.id == TypeId::kUnknown) spec.arg = Soft(std::move(spec.arg), kText);
      for (auto& a : spec.extra_args) {
        if (IsString(a->type.id) || a->type.id == TypeId::kUnknown) a = Soft(std::move(a), kText);
      }
    } else if (IsRegression(kind)) {
      spec.arg = Soft(std::move(spec.arg), kFloat8);
      for (auto& a : spec.extra_args) a = Soft(std::move(a), kFloat8);
    } else if (spec.arg->type.id == TypeId::kUnknown) {
      // Untyped literals become text, as PostgreSQL resolves unknown arguments.
      spec.arg = TryCoerce(std::move(spec.arg), kText, CastContext::kImplicit);
    }
    for (const auto& s : e.agg_order) {
      AggOrderKey key = BindKey(binder, s);
      if (spec.distinct && !SameExpr(*key.expr, *spec.arg)) {
        throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                                 "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list"),
                         key.expr->location >= 0 ? key.expr->location : e.location);
      }
      spec.order_by.push_back(std::move(key));
    }
  }
  spec.input_type = spec.arg->type;
  for (const auto& a : spec.extra_args) spec.extra_types.push_back(a->type);
  std::optional<Type> result = kind >= AggKind::kStringAgg ? AggResultTypeExtended(kind, spec.input_type, spec.extra_types)
                                                           : AggResultType(kind, spec.input_type);
  if (!result) NoSuchFunction(name, shown, e.location);
  spec.result_type = *result;
  spec.arg_types = {spec.input_type};
}

}  // namespace basalt::engine::sql
