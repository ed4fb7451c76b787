// engine/sql/binder/join_conditions.hpp
//
// Helpers for planning joins from bound predicates: splitting a predicate into
// its AND-ed conjuncts, finding which input columns a conjunct reads, moving
// it onto another row layout, and recognising `left_expr = right_expr`
// equalities a hash join can use.
//
// A conjunct that contains a subquery is never moved: the subquery's plan
// reads the current row by position (outer column references), which a remap
// of this level's column indexes would not update.
#pragma once

#include <vector>

#include "engine/sql/binder/bound_expr.hpp"

namespace basalt::engine::sql {

// Appends the conjuncts of `e` (flattening nested ANDs) to `out`.
void SplitConjuncts(BoundExprPtr e, std::vector<BoundExprPtr>& out);

// AND of `parts`; null when empty.
BoundExprPtr CombineConjuncts(std::vector<BoundExprPtr> parts);

// Appends the indexes of the current-row columns `e` reads. Returns false when
// `e` cannot be moved to another layout (it contains a subquery).
bool CollectColumns(const BoundExpr& e, std::vector<int>& columns);

// Rewrites every column index i of the current row to map[i].
void RemapColumns(BoundExpr& e, const std::vector<int>& map);

// Whether values of `a` and `b` can share a hash table (equal under Compare
// implies equal hashes).
bool HashCompatible(Type a, Type b);

// If `e` is `x = y` with x reading only columns in [lo1, hi1) and y only in
// [lo2, hi2) (or the reverse), returns true and sets `first`/`second` to the
// operands on the respective sides. Columns may be empty sets (constants) on
// neither side.
bool IsEquiCondition(const BoundExpr& e, const std::vector<bool>& left_cols, const std::vector<bool>& right_cols,
                     const BoundExpr** left, const BoundExpr** right);

}  // namespace basalt::engine::sql
