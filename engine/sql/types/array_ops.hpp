// engine/sql/types/array_ops.hpp
//
// Array operations shared by the array operators (|| @> <@ &&) and the array
// functions (array_cat, array_append, ...), following PostgreSQL 15's
// array_userfuncs.c and arrayfuncs.c. `element` is the element TypeId; nulls
// in the arguments are the SQL nulls of the operands (these are not strict).
// Multi-dimensional inputs raise 0A000 where only 1-D is implemented.
#pragma once

#include "engine/sql/types/array_value.hpp"

namespace basalt::engine::sql {

// array_cat (anyarray || anyarray): null or empty operands yield the other.
Value ArrayCat(const Value& a, const Value& b);
// array_append (anyarray || anyelement): a null array acts as empty.
Value ArrayAppend(const Value& a, const Value& elem);
// array_prepend (anyelement || anyarray).
Value ArrayPrepend(const Value& elem, const Value& a);
// a @> b: every element of b equals some element of a (a null element never matches).
bool ArrayContains(const Value& a, const Value& b, TypeId element);
// a && b: some non-null element in common.
bool ArrayOverlaps(const Value& a, const Value& b, TypeId element);

// Throws 0A000 unless `data` has at most one dimension.
void RequireOneDim(const ArrayData& data, const char* what);

}  // namespace basalt::engine::sql
