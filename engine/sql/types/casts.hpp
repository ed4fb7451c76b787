// engine/sql/types/casts.hpp
//
// Casts between the built-in types, as PostgreSQL 15's pg_cast and
// find_coercion_pathway define them:
//  - the pg_cast rows among these types, each usable in its context
//    (i = implicit, a = assignment, e = explicit only);
//  - a cast to the same type is a length coercion (char(n), varchar(n),
//    numeric(p,s)): explicit casts truncate strings silently, implicit and
//    assignment casts raise 22001 unless only spaces are cut;
//  - anything -> a string type (text, varchar, bpchar, name) via the output
//    function, in assignment context (bool prints 'true'/'false' here);
//  - a string type -> anything via the input function, explicit only;
//  - unknown (an untyped literal) -> anything, implicitly: the input function
//    with typmod -1, then the length coercion with the cast's context.
// Contexts are ordered: kImplicit < kAssignment < kExplicit; a cast available
// in a context is available in every later one.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/sql/types/text_io.hpp"
#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

enum class CastContext : uint8_t { kImplicit, kAssignment, kExplicit };

// The weakest context in which `from` may be cast to `to` (pg_cast.castcontext),
// or nullopt when no cast exists (the binder raises 42846
// `cannot cast type boolean to double precision`). Same type: kImplicit.
std::optional<CastContext> CastAvailability(TypeId from, TypeId to);

// Whether a cast from `from` to `to` is allowed in `ctx`.
bool CanCast(TypeId from, TypeId to, CastContext ctx);

// Converts `v` of type `from` to `to`, applying to.typmod. Null stays null.
// Throws PostgreSQL's errors: 22003 `integer out of range`, `smallint out of
// range`, `bigint out of range`, `OID out of range`, `value out of range:
// overflow`, `numeric field overflow`; 0A000 `cannot convert NaN to integer`;
// 22P02 from input functions; 22001 for too-long strings outside explicit
// casts; 42846 `cannot cast type x to y` when CanCast(from, to, ctx) is false.
// Floats are printed with `opts` (the session's extra_float_digits).
Value Cast(const Value& v, Type from, Type to, CastContext ctx);
Value Cast(const Value& v, Type from, Type to, CastContext ctx, const FormatOptions& opts);

// Applies a typmod to a value already of type `t.id` (the length coercion
// casts bpchar(), varchar(), numeric()). `is_explicit` truncates strings.
Value ApplyTypmod(const Value& v, Type t, bool is_explicit);

}  // namespace basalt::engine::sql
