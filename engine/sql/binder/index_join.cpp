// Choosing an index nested-loop join (planner/index_join_plan.hpp) over the
// hash join MakeJoin would otherwise build. Without table statistics the rule
// is: probe when the left input is selective (a point or index read, a range,
// a filter, a LIMIT, literal rows, or itself an index join) and the right
// input is a plain table scan whose primary key or an index starts with
// columns the join's equalities fix. A hash join reads the whole right table
// once; the probe reads only matching rows, which wins unless the left input
// is about as large as the right table.
#include <algorithm>

#include "engine/catalog/row_codec.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/join_conditions.hpp"
#include "engine/sql/planner/index_join_plan.hpp"
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql {
namespace {

bool Selective(const PlanNode& plan) {
  switch (plan.kind) {
    case PlanKind::kTableScan: {
      const auto& scan = static_cast<const TableScanPlan&>(plan);
      if (system::IsSystemRelationOid(scan.table.oid)) return true;
      return scan.point_key || scan.uses_index() || scan.begin_key != catalog::RowKeyPrefix(scan.table.oid) ||
             scan.end_key != catalog::RowKeyPrefixEnd(scan.table.oid);
    }
    case PlanKind::kValues:
    case PlanKind::kLimit:
    case PlanKind::kAggregate:
    case PlanKind::kIndexJoin: return true;
    case PlanKind::kFilter:
    case PlanKind::kProject: return plan.child && Selective(*plan.child);
    default: return false;
  }
}

bool Encodable(TypeId key_type, TypeId value_type) {
  return PhysicalKindOf(key_type) == PhysicalKindOf(value_type) && key_type != TypeId::kBpchar &&
         value_type != TypeId::kBpchar && (key_type == TypeId::kNumeric) == (value_type == TypeId::kNumeric);
}

}  // namespace

PlanPtr MakeIndexJoin(JoinType type, PlanPtr& left, PlanPtr& right, std::vector<BoundExprPtr>& conds) {
  if (type != JoinType::kInner && type != JoinType::kLeft) return nullptr;
  if (!left || !right || right->kind != PlanKind::kTableScan || !Selective(*left)) return nullptr;
  auto& scan = static_cast<TableScanPlan&>(*right);
  if (scan.emit_key || system::IsSystemRelationOid(scan.table.oid)) return nullptr;
  size_t lw = left->output_types.size();
  size_t rw = right->output_types.size();
  if (rw != scan.table.columns.size()) return nullptr;
  std::vector<bool> left_cols(lw + rw, false);
  std::vector<bool> right_cols(lw + rw, false);
  for (size_t i = 0; i < lw; ++i) left_cols[i] = true;
  for (size_t i = lw; i < lw + rw; ++i) right_cols[i] = true;

  // Right column -> (condition index, left expression) for `left = right.col`.
  struct Eq {
    size_t cond;
    const BoundExpr* left;
  };
  std::vector<std::optional<Eq>> eq_on(rw);
  for (size_t i = 0; i < conds.size(); ++i) {
    const BoundExpr* l = nullptr;
    const BoundExpr* r = nullptr;
    if (!IsEquiCondition(*conds[i], left_cols, right_cols, &l, &r)) continue;
    if (r->kind != BoundKind::kColumn || r->index < static_cast<int>(lw)) continue;
    size_t col = static_cast<size_t>(r->index) - lw;
    if (!Encodable(scan.table.columns[col].type.id, l->type.id)) continue;
    if (!eq_on[col]) eq_on[col] = Eq{i, l};
  }

  // The access path fixing the most leading key columns: the primary key, or an index.
  struct Path {
    catalog::Oid index = 0;
    std::vector<int> columns;
    std::vector<bool> desc;
    std::vector<bool> nulls_first;
  };
  std::optional<Path> best;
  auto consider = [&](Path p) {
    if (!p.columns.empty() && (!best || p.columns.size() > best->columns.size())) best = std::move(p);
  };
  {
    Path pk;
    for (int col : scan.table.primary_key) {
      if (!eq_on[static_cast<size_t>(col)]) break;
      pk.columns.push_back(col);
      pk.desc.push_back(false);
      pk.nulls_first.push_back(false);
    }
    consider(std::move(pk));
  }
  for (const catalog::IndexDef& ix : scan.table.indexes) {
    if (ix.is_partial()) continue;
    Path p;
    p.index = ix.oid;
    for (const catalog::IndexKey& k : ix.keys) {
      if (k.column < 0 || !eq_on[static_cast<size_t>(k.column)]) break;
      p.columns.push_back(k.column);
      p.desc.push_back(k.descending);
      p.nulls_first.push_back(k.nulls_first);
    }
    consider(std::move(p));
  }
  if (!best) return nullptr;

  auto join = std::make_unique<IndexJoinPlan>();
  join->type = type;
  join->left_width = lw;
  join->right_width = rw;
  std::vector<bool> used(conds.size(), false);
  for (size_t i = 0; i < best->columns.size(); ++i) {
    const Eq& eq = *eq_on[static_cast<size_t>(best->columns[i])];
    join->left_keys.push_back(CloneExpr(*eq.left));
    join->key_types.push_back(scan.table.columns[static_cast<size_t>(best->columns[i])].type.id);
    join->key_descending.push_back(best->desc[i]);
    join->key_nulls_first.push_back(best->nulls_first[i]);
    used[eq.cond] = true;
  }
  std::vector<BoundExprPtr> residual;
  for (size_t i = 0; i < conds.size(); ++i) {
    if (!used[i]) residual.push_back(std::move(conds[i]));
  }
  join->residual = CombineConjuncts(std::move(residual));
  join->output_types = left->output_types;
  join->output_types.insert(join->output_types.end(), right->output_types.begin(), right->output_types.end());
  scan.index_oid = best->index;
  scan.index_ranges.clear();
  scan.point_key.reset();
  join->inner.reset(static_cast<TableScanPlan*>(right.release()));
  join->child = std::move(left);
  return join;
}

}  // namespace basalt::engine::sql
