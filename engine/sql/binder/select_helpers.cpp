#include "engine/sql/binder/select_helpers.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/grouping.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

BoundExprPtr RewritePostAgg(BoundExprPtr e, const std::vector<BoundExprPtr>& keys, const PostAggLayout* layout) {
  if (layout != nullptr && IsGroupingCall(*e)) return ResolveGroupingCall(*e, keys, layout->sets, layout->set_column);
  for (size_t i = 0; i < keys.size(); ++i) {
    if (SameExpr(*e, *keys[i])) {
      auto col = BoundExpr::Column(static_cast<int>(i), e->type);
      col->location = e->location;
      return col;
    }
  }
  if (e->kind == BoundKind::kAggRef) {
    size_t base = layout != nullptr ? layout->agg_base : keys.size();
    auto col = BoundExpr::Column(static_cast<int>(base) + e->index, e->type);
    col->location = e->location;
    return col;
  }
  if (e->kind == BoundKind::kColumn) {
    throw AtLocation(DbError(SqlState::kGroupingError,
                             fmt::format("column \"{}\" must appear in the GROUP BY clause or be used in an aggregate "
                                         "function",
                                         e->name)),
                     e->location);
  }
  for (auto& a : e->args) a = RewritePostAgg(std::move(a), keys, layout);
  return e;
}

PlanPtr AddDistinctOn(PlanPtr plan, const std::vector<OrderItem>& distinct_on, const std::vector<OrderItem>& order,
                      const std::vector<Type>& types, const ast::SelectStmt& stmt) {
  std::vector<int> remaining;
  for (const auto& d : distinct_on) {
    if (std::find(remaining.begin(), remaining.end(), d.column) == remaining.end()) remaining.push_back(d.column);
  }
  std::vector<int> keys = remaining;
  auto sort = std::make_unique<SortPlan>();
  for (const auto& o : order) {
    auto it = std::find(remaining.begin(), remaining.end(), o.column);
    if (it != remaining.end()) {
      remaining.erase(it);
    } else if (!remaining.empty()) {
      throw AtLocation(DbError(SqlState::kInvalidColumnReference,
                               "SELECT DISTINCT ON expressions must match initial ORDER BY expressions"),
                       stmt.distinct_on[0]->location);
    }
    SortKey k;
    k.column = o.column;
    k.type = types[static_cast<size_t>(o.column)];
    k.descending = o.sort->dir == ast::SortDir::kDesc;
    k.nulls_first = o.sort->nulls == ast::NullsOrder::kDefault ? k.descending : o.sort->nulls == ast::NullsOrder::kFirst;
    sort->keys.push_back(k);
  }
  for (int c : remaining) sort->keys.push_back(SortKey{c, types[static_cast<size_t>(c)], false, false});
  sort->output_types = types;
  sort->child = std::move(plan);
  auto distinct = std::make_unique<DistinctOnPlan>();
  distinct->key_columns = keys;
  for (int c : keys) distinct->key_types.push_back(types[static_cast<size_t>(c)]);
  distinct->output_types = types;
  distinct->child = std::move(sort);
  return distinct;
}

}  // namespace basalt::engine::sql
