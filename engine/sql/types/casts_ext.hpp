// engine/sql/types/casts_ext.hpp (internal to casts.cpp)
//
// Casts involving arrays, json/jsonb, "char", int2vector and oidvector:
//  - array -> array casts each element, available in the element cast's context
//    (find_coercion_pathway's COERCION_PATH_ARRAYCOERCE);
//  - json <-> jsonb (assignment), int2vector -> int2[] and oidvector -> oid[]
//    (implicit, binary: the lower bound 0 stays), "char" <-> text family and
//    "char" <-> int4 as pg_cast lists them.
#pragma once

#include <optional>

#include "engine/sql/types/casts.hpp"

namespace basalt::engine::sql {

// pg_cast rows and array coercion for the types above; nullopt when neither
// side is one of them (the caller continues with its own rules).
std::optional<std::optional<CastContext>> ExtendedCastAvailability(TypeId from, TypeId to);

// Performs such a cast on non-null `v`; nullopt if this file does not handle it.
std::optional<Value> ExtendedCast(const Value& v, Type from, Type to, CastContext ctx, const FormatOptions& opts);

// ApplyTypmod on each element of an array Value.
Value ApplyArrayTypmod(const Value& v, Type t, bool is_explicit);

}  // namespace basalt::engine::sql
