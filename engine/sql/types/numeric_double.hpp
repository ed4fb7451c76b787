// engine/sql/types/numeric_double.hpp
//
// numeric as Value holds it today: a double (Value::Float). Until Value
// carries the exact Numeric class (numeric.hpp), every decimal decision works
// on the double's decimal expansion to 15 significant digits (DBL_DIG), not on
// its binary value, so 1.005::numeric(5,2) rounds to 1.01 as in PostgreSQL,
// rounding is half away from zero, and output never uses an exponent.
// These declarations are repeated in numeric.hpp for its interim users.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace basalt::engine::sql {

// Rounds `v` to the scale of numeric(p,s) and checks the precision, as
// PostgreSQL's apply_typmod: 22003 `numeric field overflow` with PostgreSQL's
// detail. NaN passes; infinities fail. typmod -1 returns `v` unchanged.
double ApplyNumericTypmod(double v, int32_t typmod);

// Rounds to an integral value, half away from zero (numeric -> int casts).
double RoundNumericHalfAway(double v);

// numeric's text form: NaN, Infinity, -Infinity, or positional digits; with a
// typmod the scale's number of decimals is printed (numeric(10,2): "1.50").
void FormatNumeric(double v, int32_t typmod, std::string& out);

// numeric_in: PostgreSQL's syntax ([+-]digits[.digits][e[+-]digits], NaN,
// [+-]Infinity/inf, surrounding whitespace); 22P02 on bad syntax, 22003 when
// the value exceeds what a double holds.
double ParseNumeric(std::string_view text);

// numeric_mod on the decimal values (1.5 % 0.1 = 0, not fmod's 0.0999...);
// truncated, so the result has the dividend's sign. `y` must not be zero.
double NumericModulo(double x, double y);

// float8 -> numeric and float4 -> numeric keep DBL_DIG (15) and FLT_DIG (6)
// significant digits, as PostgreSQL's float8_numeric/float4_numeric do.
double NumericFromFloat8(double v);
double NumericFromFloat4(double v);

}  // namespace basalt::engine::sql
