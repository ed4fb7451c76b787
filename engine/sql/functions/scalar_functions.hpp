// engine/sql/functions/scalar_functions.hpp
//
// The scalar function catalog: name + argument types -> implementation. The
// binder asks ResolveFunction after binding the arguments; untyped literal
// arguments match any parameter type of the same position.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/sql/binder/bound_expr.hpp"

namespace basalt::engine::sql {

struct FunctionInfo {
  std::vector<Type> arg_types;  // what the arguments must be coerced to
  Type result;
  ScalarFn fn;
  bool strict = true;
  // VARIADIC "any" (concat, format): arg_types is the fixed prefix and any
  // number of further arguments follow, each keeping its own type (unknown
  // literals become text). Resolution returns the expanded arg_types.
  bool variadic_any = false;
  // Volatile functions (random, clock_timestamp) must not be folded at bind time.
  bool is_volatile = false;
};

std::optional<FunctionInfo> ResolveFunction(std::string_view name, const std::vector<Type>& arg_types);

enum class FunctionLookup : uint8_t { kFound, kNotFound, kAmbiguous };

struct FunctionResolution {
  FunctionLookup status = FunctionLookup::kNotFound;
  std::optional<FunctionInfo> info;
};

// PostgreSQL's func_get_detail over the registry: exact match, else the
// implicit-cast candidates narrowed as func_select_candidate does; two or
// more survivors are kAmbiguous (42725 "function ... is not unique").
FunctionResolution ResolveFunctionDetailed(std::string_view name, const std::vector<Type>& arg_types);

}  // namespace basalt::engine::sql
