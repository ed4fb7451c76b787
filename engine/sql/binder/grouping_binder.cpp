// GROUP BY GROUPING SETS / ROLLUP / CUBE and grouping(): PostgreSQL's
// expansion of the GROUP BY clause into a list of grouping sets (the cross
// product of the items' sets, as in expand_grouping_sets), and grouping(a, b)
// as a bit mask (bit set = argument not grouped in the row's set), computed
// from the grouping-set number the GroupingSetsPlan outputs.
#include <fmt/format.h>

#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/binder/grouping.hpp"
#include "engine/sql/types/operators.hpp"

namespace basalt::engine::sql {
namespace {

bool IsSetConstruct(const ast::Expr& e) {
  return e.kind == ast::ExprKind::kFunc && e.names.size() == 1 &&
         (e.names[0] == "grouping sets" || e.names[0] == "rollup" || e.names[0] == "cube" ||
          e.names[0] == "empty grouping set");
}

using Sets = std::vector<std::vector<int>>;

// The keys of one element: a parenthesised list or one expression.
std::vector<int> ElementKeys(const ast::Expr& e, const GroupKeyFn& key) {
  std::vector<int> out;
  if (e.kind == ast::ExprKind::kRow) {
    for (const auto& a : e.args) out.push_back(key(*a));
  } else {
    out.push_back(key(e));
  }
  return out;
}

Sets ItemSets(const ast::Expr& e, const GroupKeyFn& key) {
  if (!IsSetConstruct(e)) return {ElementKeys(e, key)};
  const std::string& kind = e.names[0];
  if (kind == "empty grouping set") return {{}};
  if (kind == "rollup") {
    std::vector<std::vector<int>> elems;
    for (const auto& a : e.args) elems.push_back(ElementKeys(*a, key));
    Sets out;
    for (size_t n = elems.size() + 1; n-- > 0;) {
      std::vector<int> set;
      for (size_t i = 0; i < n; ++i) set.insert(set.end(), elems[i].begin(), elems[i].end());
      out.push_back(std::move(set));
    }
    return out;
  }
  if (kind == "cube") {
    std::vector<std::vector<int>> elems;
    for (const auto& a : e.args) elems.push_back(ElementKeys(*a, key));
    if (elems.size() > 12) {
      throw AtLocation(DbError(SqlState::kProgramLimitExceeded, "CUBE is limited to 12 elements"), e.location);
    }
    Sets out;
    size_t n = elems.size();
    for (size_t mask = (size_t{1} << n); mask-- > 0;) {
      std::vector<int> set;
      for (size_t i = 0; i < n; ++i) {
        if (mask & (size_t{1} << (n - 1 - i))) set.insert(set.end(), elems[i].begin(), elems[i].end());
      }
      out.push_back(std::move(set));
    }
    return out;
  }
  // GROUPING SETS (...): each element contributes its own sets.
  Sets out;
  for (const auto& a : e.args) {
    Sets inner = IsSetConstruct(*a) ? ItemSets(*a, key) : Sets{ElementKeys(*a, key)};
    out.insert(out.end(), inner.begin(), inner.end());
  }
  return out;
}

}  // namespace

bool HasGroupingSets(const std::vector<ast::ExprPtr>& group_by) {
  for (const auto& g : group_by) {
    if (IsSetConstruct(*g)) return true;
  }
  return false;
}

std::vector<std::vector<int>> ExpandGroupingSets(const std::vector<ast::ExprPtr>& group_by, const GroupKeyFn& key) {
  Sets result{{}};
  for (const auto& g : group_by) {
    Sets item = ItemSets(*g, key);
    Sets next;
    for (const auto& a : result) {
      for (const auto& b : item) {
        std::vector<int> set = a;
        for (int k : b) {
          if (std::find(set.begin(), set.end(), k) == set.end()) set.push_back(k);
        }
        next.push_back(std::move(set));
      }
    }
    result = std::move(next);
  }
  if (result.size() > 4096) {
    throw DbError(SqlState::kStatementTooComplex, "too many grouping sets present (maximum 4096)");
  }
  return result;
}

BoundExprPtr ExprBinder::BindGroupingCall(const ast::Expr& e) {
  if (aggregates_ == nullptr) {
    throw AtLocation(DbError(SqlState::kGroupingError, fmt::format("grouping operations are not allowed in {}", clause_)),
                     e.location);
  }
  if (e.args.size() > 31) {
    throw AtLocation(DbError(SqlState::kTooManyArguments, "GROUPING must have fewer than 32 arguments"), e.location);
  }
  auto out = std::make_unique<BoundExpr>(BoundKind::kFunction, Type{TypeId::kInt4, -1});
  out->name = kGroupingCallName;
  out->location = e.location;
  for (const auto& a : e.args) out->args.push_back(Bind(*a));
  return out;
}

bool IsGroupingCall(const BoundExpr& e) {
  return e.kind == BoundKind::kFunction && e.scalar_fn == nullptr && e.name == kGroupingCallName;
}

bool ContainsGroupingCall(const BoundExpr& e) {
  if (IsGroupingCall(e)) return true;
  for (const auto& a : e.args) {
    if (ContainsGroupingCall(*a)) return true;
  }
  return false;
}

BoundExprPtr ResolveGroupingCall(const BoundExpr& call, const std::vector<BoundExprPtr>& keys,
                                 const std::vector<std::vector<int>>& sets, int set_column) {
  std::vector<int> arg_keys;
  for (const auto& a : call.args) {
    int found = -1;
    for (size_t i = 0; i < keys.size() && found < 0; ++i) {
      if (SameExpr(*a, *keys[i])) found = static_cast<int>(i);
    }
    if (found < 0) {
      throw AtLocation(DbError(SqlState::kGroupingError,
                               "arguments to GROUPING must be grouping expressions of the associated query level"),
                       a->location >= 0 ? a->location : call.location);
    }
    arg_keys.push_back(found);
  }
  auto mask_of = [&](const std::vector<int>& set) {
    int64_t mask = 0;
    for (int k : arg_keys) {
      mask <<= 1;
      if (std::find(set.begin(), set.end(), k) == set.end()) mask |= 1;
    }
    return mask;
  };
  const Type int4{TypeId::kInt4, -1};
  if (sets.size() <= 1 || set_column < 0) return BoundExpr::Const(Value::Int(sets.empty() ? 0 : mask_of(sets[0])), int4);
  // CASE set WHEN 0 THEN m0 WHEN 1 THEN m1 ... END
  auto eq = ResolveOperator("=", TypeId::kInt8, TypeId::kInt8);
  auto out = std::make_unique<BoundExpr>(BoundKind::kCase, int4);
  for (size_t s = 0; s < sets.size(); ++s) {
    auto cond = std::make_unique<BoundExpr>(BoundKind::kBinary, Type{TypeId::kBool, -1});
    cond->binary_fn = eq->fn;
    cond->name = "=";
    cond->args.push_back(BoundExpr::Column(set_column, Type{TypeId::kInt8, -1}));
    cond->args.push_back(BoundExpr::Const(Value::Int(static_cast<int64_t>(s)), Type{TypeId::kInt8, -1}));
    out->args.push_back(std::move(cond));
    out->args.push_back(BoundExpr::Const(Value::Int(mask_of(sets[s])), int4));
  }
  return out;
}

}  // namespace basalt::engine::sql
