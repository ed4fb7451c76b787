// engine/sql/binder/window_binding.hpp
//
// What binding a query's window function calls collects: the calls (their
// kWindowRef placeholders index `calls`), one window definition per call, and
// the query's named windows (WINDOW w AS (...)).
#pragma once

#include <memory>
#include <vector>

#include "engine/sql/parser/ast.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {

struct WindowBinding {
  std::vector<WindowCall> calls;
  std::vector<WindowDefinition> windows;
  const std::vector<std::shared_ptr<ast::WindowSpec>>* named = nullptr;
};

// Puts a WindowPlan computing `binding` over `input` and points the
// kWindowRef placeholders in `exprs` at its output columns (window_binder.cpp).
PlanPtr AddWindowPlan(PlanPtr input, WindowBinding& binding, const std::vector<BoundExprPtr*>& exprs);

}  // namespace basalt::engine::sql
