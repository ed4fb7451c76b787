// engine/sql/types/numeric.hpp
//
// Numeric is SQL's arbitrary-precision decimal with PostgreSQL 15's semantics,
// byte for byte: the same text forms, result scales, rounding (half away from
// zero), limits and error codes as src/backend/utils/adt/numeric.c.
//
// A value is NaN, +Infinity, -Infinity, or finite: a sign, base-10000 digits
// (most significant first, no leading or trailing zero digits), the weight of
// the first digit, and dscale, the number of decimal digits shown after the
// point. 1.0 and 1.00 are equal (Compare, Hash, AppendKey agree) but print
// differently. Every value satisfies PostgreSQL's storage limits (weight fits
// int16, dscale <= 16383); operations that would exceed them throw 22003.
//
// Ordering is PostgreSQL's: -Infinity < finite values < +Infinity < NaN, and
// NaN equals NaN, so numeric can be sorted, hashed and used as a key.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/sql/types/numeric_var.hpp"

namespace basalt::engine::sql {

class Numeric {
 public:
  // Zero with dscale 0.
  Numeric() = default;

  static Numeric NaN();
  static Numeric PositiveInfinity();
  static Numeric NegativeInfinity();

  // int8_numeric: dscale 0.
  static Numeric FromInt64(int64_t v);
  // float8_numeric: the value printed with 15 significant digits ("%.15g"),
  // then parsed; NaN and infinities map to their numeric counterparts.
  static Numeric FromDouble(double v);
  // float4_numeric: as FromDouble with 6 significant digits.
  static Numeric FromFloat(float v);

  // numeric_in without a typmod: surrounding whitespace, optional sign, digits
  // with an optional point, optional exponent; NaN, [+-]Infinity, [+-]inf in any
  // case. Throws 22P02 `invalid input syntax for type numeric: "..."`, or 22003
  // `value overflows numeric format` beyond PostgreSQL's limits.
  static Numeric Parse(std::string_view text);
  // numeric_out: exactly dscale digits after the point; "NaN", "Infinity", "-Infinity".
  std::string ToString() const;

  // Compact, self-delimiting-by-length binary form for row storage; Deserialize
  // reverses it exactly (including dscale) and throws XX001 on malformed input.
  std::string Serialize() const;
  static Numeric Deserialize(std::string_view bytes);
  // Appends a key whose memcmp order is Compare order (equal values give equal
  // bytes regardless of dscale); safe to follow with further key columns.
  void AppendKey(std::string& out) const;
  // Consistent with equality: ignores dscale.
  size_t Hash() const;

  // numeric(p,s) coercion: rounds to s, then 22003 `numeric field overflow` with
  // PostgreSQL's detail if the value doesn't fit (infinities never fit). A typmod
  // below 4 (-1: none) leaves the value unchanged.
  Numeric ApplyTypmod(int32_t typmod) const;

  // Round half away from zero to an integer; 22003 `bigint out of range`,
  // `integer out of range`, `smallint out of range`; NaN and infinities give
  // 0A000 `cannot convert NaN to bigint` etc., as PostgreSQL does.
  int64_t ToInt64() const;
  int32_t ToInt32() const;
  int16_t ToInt16() const;
  // numeric_float8 / numeric_float4: strtod of the text; 22003 when the value
  // overflows or underflows to zero.
  double ToDouble() const;
  float ToFloat() const;

  bool IsNaN() const { return var_.sign == NumericSign::kNaN; }
  bool IsInfinite() const { return var_.sign == NumericSign::kPosInf || var_.sign == NumericSign::kNegInf; }
  bool IsFinite() const { return !var_.IsSpecial(); }
  bool IsZero() const { return var_.IsZero(); }
  // True for negative finite values and -Infinity.
  bool IsNegative() const { return var_.sign == NumericSign::kNeg || var_.sign == NumericSign::kNegInf; }
  // Display scale (0 for NaN and infinities).
  int dscale() const { return var_.dscale; }

  // Arithmetic as PostgreSQL's operators. Add/Sub/Mul are exact (Mul keeps
  // dscale a+b, capped at 16383 by rounding); Div uses select_div_scale and
  // rounds; Mod is a - trunc(a/b)*b. Division by zero throws 22012.
  static Numeric Add(const Numeric& a, const Numeric& b);
  static Numeric Sub(const Numeric& a, const Numeric& b);
  static Numeric Mul(const Numeric& a, const Numeric& b);
  static Numeric Div(const Numeric& a, const Numeric& b);
  // div(a, b): the quotient truncated to an integer.
  static Numeric DivTrunc(const Numeric& a, const Numeric& b);
  static Numeric Mod(const Numeric& a, const Numeric& b);
  // power(a, b) / a ^ b, including non-integer exponents (via ln/exp).
  static Numeric Power(const Numeric& a, const Numeric& b);

  Numeric Neg() const;
  Numeric Abs() const;
  // -1, 0 or 1 (NaN for NaN).
  Numeric Sign() const;
  // round(x, s) and trunc(x, s); s may be negative; NaN/Infinity pass through.
  Numeric Round(int scale = 0) const;
  Numeric Trunc(int scale = 0) const;
  Numeric Ceil() const;
  Numeric Floor() const;
  // sqrt, ln, exp with PostgreSQL's result scales and errors (2201F, 2201E).
  Numeric Sqrt() const;
  Numeric Ln() const;
  Numeric Exp() const;
  // log(base, num) (numeric_log / log_var), including the special values;
  // log(x) and log10(x) are Log(10, x).
  static Numeric Log(const Numeric& base, const Numeric& num);

  // <0, 0, >0. NaN == NaN and NaN is greater than everything, -Infinity is least.
  static int Compare(const Numeric& a, const Numeric& b);
  friend bool operator==(const Numeric& a, const Numeric& b) { return Compare(a, b) == 0; }
  friend std::weak_ordering operator<=>(const Numeric& a, const Numeric& b) {
    int c = Compare(a, b);
    return c < 0 ? std::weak_ordering::less : c > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent;
  }

  // The digit-level form (for code inside engine/sql/types only).
  const NumericVar& var() const { return var_; }
  // Strips, checks PostgreSQL's storage limits (22003 `value overflows numeric
  // format`) and wraps a NumericVar.
  static Numeric FromVar(NumericVar var);

 private:
  NumericVar var_;
};

struct NumericHash {
  size_t operator()(const Numeric& n) const { return n.Hash(); }
};

}  // namespace basalt::engine::sql
