// engine/sql/types/operator_functions.hpp
//
// The operator implementations behind OperatorInfo::fn, with PostgreSQL 15's
// overflow and error behaviour (int.c, int8.c, float.c/float.h, numeric.c,
// varlena.c). Each takes non-null values already cast to its input types; the
// Strict wrapper in operator_catalog.cpp handles nulls. Integers are computed
// in 64 bits and checked against the result type's range, which gives
// PostgreSQL's errors for every width combination (int24pl, int48div, ...).
#pragma once

#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql::ops {

// Integer arithmetic; `result` picks the range and the message
// ("smallint out of range", "integer out of range", "bigint out of range").
Value IntAdd(const Value& a, const Value& b, TypeId result);
Value IntSub(const Value& a, const Value& b, TypeId result);
Value IntMul(const Value& a, const Value& b, TypeId result);
Value IntDiv(const Value& a, const Value& b, TypeId result);  // truncates toward zero
Value IntMod(const Value& a, const Value& b, TypeId result);
Value IntNeg(const Value& a, TypeId result);
Value IntAbs(const Value& a, TypeId result);

// float8 arithmetic (also float48/float84: a float4 widened is exact).
Value Float8Add(const Value& a, const Value& b);
Value Float8Sub(const Value& a, const Value& b);
Value Float8Mul(const Value& a, const Value& b);
Value Float8Div(const Value& a, const Value& b);
Value Float8Pow(const Value& a, const Value& b);
Value Float8Sqrt(const Value& a);
// float4 arithmetic, rounded to single precision as PostgreSQL does.
Value Float4Add(const Value& a, const Value& b);
Value Float4Sub(const Value& a, const Value& b);
Value Float4Mul(const Value& a, const Value& b);
Value Float4Div(const Value& a, const Value& b);
Value FloatNeg(const Value& a);
Value FloatAbs(const Value& a);

// numeric (exact, via Numeric): PostgreSQL's result scales, NaN and infinity
// rules, 22012 division by zero, 22003 `value overflows numeric format`, and
// numeric_power's 2201F cases.
Value NumericAdd(const Value& a, const Value& b);
Value NumericSub(const Value& a, const Value& b);
Value NumericMul(const Value& a, const Value& b);
Value NumericDiv(const Value& a, const Value& b);
Value NumericMod(const Value& a, const Value& b);
Value NumericPow(const Value& a, const Value& b);
Value NumericNeg(const Value& a);
Value NumericAbs(const Value& a);

Value TextConcat(const Value& a, const Value& b);

}  // namespace basalt::engine::sql::ops
