// engine/sql/types/compare.hpp
//
// The btree ordering and the hash of each type, consistent with each other
// (a == b implies Hash(a) == Hash(b)), as PostgreSQL's btree and hash opclasses:
//  - floats and numeric: NaN equals NaN and sorts above everything, including
//    Infinity; -0 equals 0 (float8_cmp_internal); numeric compares exactly and
//    ignores display scale (1.0 = 1.00, cmp_numerics);
//  - bpchar ignores trailing spaces (bpcharcmp);
//  - interval compares by its span with 30-day months and 24-hour days
//    ('1 mon' = '30 days', interval_cmp); timetz by UTC-equivalent time, then
//    zone; date/time/timestamp(tz) as integers (infinities at the ends);
//  - text, varchar and name compare bytewise, shorter-is-less on a common
//    prefix: the "C" collation. Basalt has no other collation yet, so ORDER BY
//    on text sorts like PostgreSQL with COLLATE "C", not like en_US.
// Both arguments must be non-null and of the type passed; comparing across
// types (int4 vs int8) is fine for the integer family and the float family
// because they share a representation; numeric compares only with numeric
// (pass TypeId::kNumeric), anything else is the binder's job.
#pragma once

#include <cstddef>

#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

// <0, 0 or >0.
int Compare(const Value& a, const Value& b, TypeId t);

// Equality under Compare, usable for grouping and hash joins.
size_t Hash(const Value& v, TypeId t);

}  // namespace basalt::engine::sql
