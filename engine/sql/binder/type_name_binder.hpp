// engine/sql/binder/type_name_binder.hpp
//
// Binder helpers for user-defined types: operands of enum operators, and the
// catalog half of type-name lookup (Binder::LookupTypeName, which tries the
// built-in types first).
#pragma once

#include <string_view>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::sql {

// The type an operator operand is coerced to: Type{id, -1}, except that an
// enum parameter (kEnum) takes the enum type of `self` or, for an untyped
// literal, of the other operand `other`.
Type OperandType(TypeId id, Type self, Type other);

// 42883 `operator does not exist: mood = color` when both operands are enums
// of different types.
void CheckEnumOperands(std::string_view op, Type left, Type right, int location);

}  // namespace basalt::engine::sql
