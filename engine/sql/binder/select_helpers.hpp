// engine/sql/binder/select_helpers.hpp
//
// Pieces of SELECT binding shared by select_binder.cpp's stages: ORDER BY /
// DISTINCT ON items, rewriting expressions over the aggregation's output
// (group keys, grouping-set number, aggregates), and DISTINCT ON planning.
#pragma once

#include <vector>

#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/parser/ast.hpp"
#include "engine/sql/planner/plan.hpp"

namespace basalt::engine::sql {

// Where grouped values sit in the aggregation's output: keys first, then (for
// grouping sets) the set number, then the aggregates.
struct PostAggLayout {
  std::vector<std::vector<int>> sets;  // grouping sets (one set of all keys for plain GROUP BY)
  int set_column = -1;                 // column holding the set number, -1 without grouping sets
  size_t agg_base = 0;                 // column of the first aggregate
};

// An ORDER BY / DISTINCT ON item: output column `column`, or `expr` carried
// as a hidden extra column until the projection assigns it one.
struct OrderItem {
  int column = -1;
  BoundExprPtr expr;  // when not an output column
  const ast::SortBy* sort = nullptr;
};

// Replaces group keys, aggregate placeholders and grouping() calls with
// columns of the aggregation's output; any other column reference left is an
// error (42803), as in PostgreSQL's check_ungrouped_columns.
BoundExprPtr RewritePostAgg(BoundExprPtr e, const std::vector<BoundExprPtr>& keys,
                            const PostAggLayout* layout = nullptr);

// DISTINCT ON: the ORDER BY must start with the DISTINCT ON expressions
// (42P10 otherwise); rows are sorted by the ORDER BY plus any DISTINCT ON
// column it lacks, and the first row of each DISTINCT ON group is kept.
PlanPtr AddDistinctOn(PlanPtr plan, const std::vector<OrderItem>& distinct_on, const std::vector<OrderItem>& order,
                      const std::vector<Type>& types, const ast::SelectStmt& stmt);

}  // namespace basalt::engine::sql
