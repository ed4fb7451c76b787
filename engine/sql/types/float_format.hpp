// engine/sql/types/float_format.hpp
//
// float4/float8 text conversion exactly as PostgreSQL 15's float.c:
// with extra_float_digits > 0 the shortest digits that read back to the same
// value (PostgreSQL uses Ryu; std::to_chars gives the same digits), laid out in
// fixed notation when the decimal exponent is in [-4, 15) for float8 and
// [-4, 6) for float4, else as d.ddde+XX; with extra_float_digits <= 0,
// printf's %.*g with DBL_DIG (FLT_DIG) + extra_float_digits digits.
// Input is strtod/strtof in the C locale with PostgreSQL's checks.
#pragma once

#include <string>
#include <string_view>

namespace basalt::engine::sql {

void FormatFloat8(double v, int extra_float_digits, std::string& out);
void FormatFloat4(float v, int extra_float_digits, std::string& out);

// float8in / float4in: 22P02 `invalid input syntax for type double precision: "x"`,
// 22003 `"1e400" is out of range for type double precision` (type name "real"
// for float4). The float4 result is returned widened to double.
double ParseFloat8(std::string_view text);
double ParseFloat4(std::string_view text);

}  // namespace basalt::engine::sql
