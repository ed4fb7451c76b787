// engine/sql/types/enum_operators.hpp
//
// Operator resolution for enum operands: PostgreSQL's anyenum comparison
// operators (enum_eq, enum_lt, ...). Both sides must be enums (or an untyped
// literal, which becomes the other side's enum); that they are the SAME enum
// type is checked by the binder, which knows the types' OIDs.
#pragma once

#include <string_view>

#include "engine/sql/types/operators.hpp"

namespace basalt::engine::sql {

// Resolution for an operator where `left` or `right` is kEnum.
OperatorResolution ResolveEnumOperator(std::string_view op, TypeId left, TypeId right);

}  // namespace basalt::engine::sql
