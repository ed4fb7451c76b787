// engine/sql/functions/scalar_functions.hpp
//
// The scalar function catalog: name + argument types -> implementation. The
// binder asks ResolveFunction after binding the arguments; untyped literal
// arguments match any parameter type of the same position.
#pragma once

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
};

std::optional<FunctionInfo> ResolveFunction(std::string_view name, const std::vector<Type>& arg_types);

}  // namespace basalt::engine::sql
