// engine/sql/functions/array_functions.hpp
//
// Array functions (PostgreSQL 15 array_userfuncs.c, arrayfuncs.c,
// varlena.c's array_to_text/text_to_array) and the scalar functions the
// binder uses for ARRAY[...] and subscripts. Polymorphic anyarray functions
// are registered once per array type, so resolution stays PostgreSQL's
// func_select_candidate over concrete signatures.
#pragma once

#include <span>
#include <vector>

#include "engine/sql/binder/bound_expr.hpp"

namespace basalt::engine::sql {

// ARRAY[a, b, ...] (non-strict: null elements are kept).
Value ArrayBuild(std::span<const Value> args, const std::vector<Type>& types, Type result, EvalContext& ctx);
// ARRAY[ARRAY[...], ...]: a multidimensional array from equal-shaped arrays.
Value ArrayBuildNested(std::span<const Value> args, const std::vector<Type>& types, Type result, EvalContext& ctx);
// a[i]: null when out of range.
Value ArraySubscript(std::span<const Value> args, const std::vector<Type>& types, Type result, EvalContext& ctx);
// a[i:j]: clamped to the array's bounds, lower bound 1 ('{}' when empty).
Value ArraySlice(std::span<const Value> args, const std::vector<Type>& types, Type result, EvalContext& ctx);

}  // namespace basalt::engine::sql
