#include "engine/sql/binder/bound_expr.hpp"

namespace basalt::engine::sql {

bool SameExpr(const BoundExpr& a, const BoundExpr& b) {
  if (a.kind != b.kind || !(a.type == b.type) || a.args.size() != b.args.size()) return false;
  if (a.index != b.index || a.binary_fn != b.binary_fn || a.unary_fn != b.unary_fn || a.scalar_fn != b.scalar_fn ||
      a.negated != b.negated || a.has_else != b.has_else || a.case_insensitive != b.case_insensitive ||
      a.bool_test != b.bool_test || !(a.cast_from == b.cast_from)) {
    return false;
  }
  if (a.kind == BoundKind::kConst && !(a.value == b.value)) return false;
  if (a.depth != b.depth || a.subplan != b.subplan || a.subquery_kind != b.subquery_kind) return false;
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (!SameExpr(*a.args[i], *b.args[i])) return false;
  }
  return true;
}

BoundExprPtr CloneExpr(const BoundExpr& e) {
  auto out = std::make_unique<BoundExpr>(e.kind, e.type);
  out->value = e.value;
  out->index = e.index;
  out->binary_fn = e.binary_fn;
  out->unary_fn = e.unary_fn;
  out->scalar_fn = e.scalar_fn;
  out->strict = e.strict;
  out->cast_from = e.cast_from;
  out->cast_context = e.cast_context;
  out->negated = e.negated;
  out->has_else = e.has_else;
  out->case_insensitive = e.case_insensitive;
  out->bool_test = e.bool_test;
  out->name = e.name;
  out->location = e.location;
  out->depth = e.depth;
  out->subquery_kind = e.subquery_kind;
  out->subplan = e.subplan;
  for (const auto& a : e.args) out->args.push_back(CloneExpr(*a));
  return out;
}

}  // namespace basalt::engine::sql
