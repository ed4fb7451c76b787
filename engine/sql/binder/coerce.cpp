#include "engine/sql/binder/coerce.hpp"

#include <fmt/format.h>

#include "engine/sql/binder/param_types.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {

namespace {
bool IsUnknownLiteral(const BoundExpr& e) { return e.kind == BoundKind::kConst && e.type.id == TypeId::kUnknown; }
}  // namespace

BoundExprPtr TryCoerce(BoundExprPtr e, Type target, CastContext ctx) {
  if (e->type == target) return e;
  if (target.id == TypeId::kUnknown) return e;
  if (e->kind == BoundKind::kParam && e->type.id == TypeId::kUnknown) {
    // The first context that wants a type for an untyped $n decides it, as
    // PostgreSQL's variable_coerce_param_hook does.
    Type inferred{target.id, -1, target.oid};
    if (ParamScope* params = ParamScope::Current()) {
      auto& types = params->types();
      if (e->index >= 0 && static_cast<size_t>(e->index) < types.size() &&
          types[e->index].id == TypeId::kUnknown) {
        types[e->index] = inferred;
      }
    }
    e->type = inferred;
    return TryCoerce(std::move(e), target, ctx);
  }
  if (IsUnknownLiteral(*e)) {
    if (e->value.is_null()) return BoundExpr::Const(Value::Null(), target);
    // Parse as the base type (a bad literal is reported at its position), then
    // apply the typmod with the context's rules: assignment rejects over-long
    // strings, explicit casts truncate. Like PostgreSQL's length coercion, a
    // typmod failure is an execution-time error without a position.
    Type base{target.id, -1, target.oid};
    Value v;
    try {
      v = ParseText(e->value.as_string(), base);
    } catch (DbError& err) {
      AtLocation(err, e->location);
      throw;
    }
    if (target.typmod >= 0) v = Cast(v, base, target, ctx);
    auto c = BoundExpr::Const(std::move(v), target);
    c->location = e->location;
    return c;
  }
  Type from = e->type;
  if (from.id == TypeId::kUnknown) from = Type{TypeId::kText, -1};
  // Two different enum types never convert into each other.
  if (from.id == TypeId::kEnum && target.id == TypeId::kEnum && from.oid != target.oid) return nullptr;
  if (from.id == target.id && target.typmod < 0) {
    e->type = target;
    return e;
  }
  if (from.id != target.id) {
    // A typmod-only change (varchar -> varchar(5)) is always allowed.
    auto allowed = CastAvailability(from.id, target.id);
    if (!allowed || static_cast<int>(*allowed) > static_cast<int>(ctx)) return nullptr;
  }
  if (e->kind == BoundKind::kConst) {
    Value v = e->value.is_null() ? Value::Null() : Cast(e->value, from, target, ctx);
    // Fold, keeping the literal's position for errors raised later.
    auto c = BoundExpr::Const(std::move(v), target);
    c->location = e->location;
    return c;
  }
  auto cast = std::make_unique<BoundExpr>(BoundKind::kCast, target);
  cast->cast_from = from;
  cast->cast_context = static_cast<uint8_t>(ctx);
  cast->location = e->location;
  cast->args.push_back(std::move(e));
  return cast;
}

Type CommonType(const std::vector<Type>& types, std::string_view context, int location) {
  std::optional<Type> result;
  for (const Type& t : types) {
    if (t.id == TypeId::kUnknown) continue;
    if (!result) {
      result = Type{t.id, t.typmod, t.oid};
      continue;
    }
    if (result->id == t.id) {
      if (result->typmod != t.typmod) result->typmod = -1;
      continue;
    }
    bool same_category = TypeCategory(result->id) == TypeCategory(t.id);
    auto to_t = CastAvailability(result->id, t.id);
    auto to_r = CastAvailability(t.id, result->id);
    bool t_implicit = to_t && *to_t == CastContext::kImplicit;
    bool r_implicit = to_r && *to_r == CastContext::kImplicit;
    if (!same_category) {
      throw AtLocation(DbError(SqlState::kDatatypeMismatch,
                             fmt::format("{} types {} and {} cannot be matched", context,
                                         FormatType(Type{result->id, -1, result->oid}), FormatType(Type{t.id, -1, t.oid}))),
                     location);
    }
    // Within a category, move to the type the current one implicitly casts to
    // (int4 -> int8 -> numeric -> float8), preferring the category's preferred type.
    if (t_implicit && (!r_implicit || IsPreferredType(t.id))) result = Type{t.id, -1};
  }
  return result.value_or(Type{TypeId::kText, -1});
}

BoundExprPtr CoerceToBool(BoundExprPtr e, std::string_view what) {
  if (e->type.id == TypeId::kBool) return e;
  int loc = e->location;
  Type from = e->type;
  if (IsUnknownLiteral(*e)) return TryCoerce(std::move(e), Type{TypeId::kBool, -1}, CastContext::kImplicit);
  throw AtLocation(DbError(SqlState::kDatatypeMismatch, fmt::format("argument of {} must be type boolean, not type {}",
                                                                   what, FormatType(Type{from.id, -1}))),
                   loc);
}

}  // namespace basalt::engine::sql
