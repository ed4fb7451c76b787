// engine/sql/types/text_io.hpp
//
// The text form of every built-in type: what PostgreSQL 15's typinput and
// typoutput functions accept and print, byte for byte (boolin/boolout,
// int2in..int8in, float4in/float8in and their out functions, numeric_in,
// bpcharin, varcharin, namein, oidin, void_in). This is what DataRow text
// columns, COPY text and the I/O casts (text <-> anything) use.
#pragma once

#include <string>
#include <string_view>

#include "engine/sql/types/datetime_text.hpp"
#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

struct FormatOptions {
  // The extra_float_digits setting: > 0 prints floats with the shortest exact
  // digits, <= 0 with DBL_DIG/FLT_DIG + extra_float_digits significant digits.
  int extra_float_digits = 1;
  // Session TimeZone (null = UTC), DateStyle's input field order (MDY) and
  // the transaction start time for 'now'/'today'. Output is always DateStyle
  // ISO and IntervalStyle postgres, PostgreSQL's defaults.
  datetime::DateTimeSettings datetime;
};

// Appends the output-function text of non-null `v` of type `t` to `out`.
// bpchar prints its padding; numeric prints its display scale (numeric(p,s)
// values carry scale s, '1.50'::numeric prints 1.50).
void AppendText(const Value& v, Type t, std::string& out, const FormatOptions& opts = {});

// Convenience wrapper around AppendText.
std::string ToText(const Value& v, Type t, const FormatOptions& opts = {});

// The input function of `t`, applying t.typmod as PostgreSQL's input functions
// do (char(n) pads, too-long char/varchar input is 22001 unless only spaces
// are cut, numeric(p,s) rounds). Throws 22P02 on bad syntax, 22003 on range.
Value ParseText(std::string_view text, Type t);
// Same, with the session settings the date/time input functions depend on.
Value ParseText(std::string_view text, Type t, const FormatOptions& opts);

// The individual input functions, for callers that already know the type.
bool ParseBool(std::string_view text);
// int2in/int4in/int8in (pg_strtoint16/32/64); `id` is kInt2, kInt4 or kInt8.
int64_t ParseInteger(std::string_view text, TypeId id);
// oidin: 32-bit unsigned, negative inputs down to INT32_MIN wrap around.
uint32_t ParseOid(std::string_view text);

}  // namespace basalt::engine::sql
