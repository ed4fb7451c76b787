// engine/sql/binder/grouping.hpp
//
// GROUP BY GROUPING SETS / ROLLUP / CUBE expansion and grouping() calls
// (grouping_binder.cpp). grouping(...) binds to a placeholder (a kFunction
// named kGroupingCallName without implementation) that the select binder
// resolves once the grouping sets are known.
#pragma once

#include <functional>
#include <vector>

#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/parser/ast.hpp"

namespace basalt::engine::sql {

inline constexpr const char* kGroupingCallName = "grouping()";

// Binds one grouping expression and returns its index among the query's keys.
using GroupKeyFn = std::function<int(const ast::Expr&)>;

// Whether GROUP BY uses GROUPING SETS, ROLLUP, CUBE or ().
bool HasGroupingSets(const std::vector<ast::ExprPtr>& group_by);
// The grouping sets of a GROUP BY clause, as key indexes (cross product of
// the items' sets, duplicates within a set dropped).
std::vector<std::vector<int>> ExpandGroupingSets(const std::vector<ast::ExprPtr>& group_by, const GroupKeyFn& key);

bool IsGroupingCall(const BoundExpr& e);
bool ContainsGroupingCall(const BoundExpr& e);
// grouping(args) as an expression over the aggregate's output: a constant for
// one set, else a CASE over the grouping-set number in column `set_column`.
// Throws 42803 when an argument is not a grouping key.
BoundExprPtr ResolveGroupingCall(const BoundExpr& call, const std::vector<BoundExprPtr>& keys,
                                 const std::vector<std::vector<int>>& sets, int set_column);

}  // namespace basalt::engine::sql
