#include "engine/sql/binder/join_conditions.hpp"

namespace basalt::engine::sql {

void SplitConjuncts(BoundExprPtr e, std::vector<BoundExprPtr>& out) {
  if (e->kind == BoundKind::kAnd) {
    for (auto& a : e->args) SplitConjuncts(std::move(a), out);
    return;
  }
  out.push_back(std::move(e));
}

BoundExprPtr CombineConjuncts(std::vector<BoundExprPtr> parts) {
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return std::move(parts[0]);
  auto out = std::make_unique<BoundExpr>(BoundKind::kAnd, Type{TypeId::kBool, -1});
  out->args = std::move(parts);
  return out;
}

bool CollectColumns(const BoundExpr& e, std::vector<int>& columns) {
  if (e.kind == BoundKind::kSubquery || e.kind == BoundKind::kAggRef || e.kind == BoundKind::kSrfRef) return false;
  if (e.kind == BoundKind::kColumn) columns.push_back(e.index);
  for (const auto& a : e.args) {
    if (!CollectColumns(*a, columns)) return false;
  }
  return true;
}

void RemapColumns(BoundExpr& e, const std::vector<int>& map) {
  if (e.kind == BoundKind::kColumn) e.index = map[static_cast<size_t>(e.index)];
  for (auto& a : e.args) RemapColumns(*a, map);
}

bool HashCompatible(Type a, Type b) {
  if (a.id == b.id) return true;
  return IsInteger(a.id) && IsInteger(b.id);
}

namespace {

// 1: all columns on the left, 2: all on the right, 0: mixed or none.
int Side(const BoundExpr& e, const std::vector<bool>& left_cols, const std::vector<bool>& right_cols) {
  std::vector<int> cols;
  if (!CollectColumns(e, cols) || cols.empty()) return 0;
  bool all_left = true;
  bool all_right = true;
  for (int c : cols) {
    size_t i = static_cast<size_t>(c);
    all_left = all_left && i < left_cols.size() && left_cols[i];
    all_right = all_right && i < right_cols.size() && right_cols[i];
  }
  return all_left ? 1 : all_right ? 2 : 0;
}

}  // namespace

bool IsEquiCondition(const BoundExpr& e, const std::vector<bool>& left_cols, const std::vector<bool>& right_cols,
                     const BoundExpr** left, const BoundExpr** right) {
  if (e.kind != BoundKind::kBinary || e.name != "=" || e.args.size() != 2) return false;
  if (e.type.id != TypeId::kBool) return false;
  const BoundExpr& a = *e.args[0];
  const BoundExpr& b = *e.args[1];
  if (!HashCompatible(a.type, b.type)) return false;
  int sa = Side(a, left_cols, right_cols);
  int sb = Side(b, left_cols, right_cols);
  if (sa == 1 && sb == 2) {
    *left = &a;
    *right = &b;
    return true;
  }
  if (sa == 2 && sb == 1) {
    *left = &b;
    *right = &a;
    return true;
  }
  return false;
}

}  // namespace basalt::engine::sql
