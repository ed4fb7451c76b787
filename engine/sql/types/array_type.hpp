// engine/sql/types/array_type.hpp
//
// Catalog facts of the array types (TypeId::kBoolArray .. kJsonbArray):
// pg_type OIDs (_int4 = 1007, _text = 1009, ...) and internal names. The
// element/array mapping itself (ArrayElementType, ArrayTypeOf) is declared in
// type.hpp so every user of Type has it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::sql {

// pg_type OID of an array type (1007 for int4[]); 0 for a non-array.
uint32_t ArrayTypeOid(TypeId array);
// pg_type.typname of an array type ("_int4").
std::string_view ArrayTypeInternalName(TypeId array);
// The array type whose pg_type OID is `oid`.
std::optional<TypeId> ArrayTypeFromOid(uint32_t oid);

}  // namespace basalt::engine::sql
