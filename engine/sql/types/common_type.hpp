// engine/sql/types/common_type.hpp
//
// PostgreSQL 15's select_common_type (parse_coerce.c): the type that the
// branches of CASE, UNION, VALUES, COALESCE, IN (...) and ARRAY[...] resolve to.
// Unknown literals take the first known type; a later type of the same
// category wins only if the current one is not preferred and converts to it
// implicitly but not back (int4 then numeric -> numeric; varchar then text ->
// varchar); all unknown -> text.
#pragma once

#include <string_view>
#include <vector>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::sql {

// `context` names the construct for messages ("UNION", "CASE", "VALUES").
// Throws 42804 `UNION types integer and text cannot be matched` when two
// categories differ, and 42846 `UNION could not convert type boolean to integer`
// (coerce_to_common_type) when some input lacks an implicit cast to the result.
TypeId SelectCommonType(const std::vector<TypeId>& types, std::string_view context);

}  // namespace basalt::engine::sql
