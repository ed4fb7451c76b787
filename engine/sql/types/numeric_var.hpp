// engine/sql/types/numeric_var.hpp
//
// NumericVar and the digit-level algorithms behind Numeric, ported from
// PostgreSQL 15's src/backend/utils/adt/numeric.c (NumericVar, add_var, mul_var,
// div_var, round_var, ...). Keeping PostgreSQL's algorithms, including where
// mul_var deliberately drops digits below its guard digits, is what makes
// results match PostgreSQL byte for byte.
//
// A finite value is  sign * sum(digits[i] * 10000^(weight - i)),  with dscale
// decimal digits shown after the point. Special values (NaN, +-Infinity) carry
// no digits. Functions here work on finite values only unless stated; they may
// leave leading/trailing zero digits (StripVar removes them). Internal to
// numeric*.cpp; the public type is Numeric (numeric.hpp).
#pragma once

#include <cstdint>
#include <string>

#include "engine/sql/types/numeric_digits.hpp"

namespace basalt::engine::sql {

inline constexpr int kNBase = 10000;
inline constexpr int kHalfNBase = 5000;
inline constexpr int kDecDigits = 4;
inline constexpr int kMulGuardDigits = 2;
inline constexpr int kNumericMaxDisplayScale = 1000;  // NUMERIC_MAX_PRECISION
inline constexpr int kNumericMinDisplayScale = 0;
inline constexpr int kNumericMaxResultScale = 2000;
inline constexpr int kNumericMinSigDigits = 16;
inline constexpr int kNumericDscaleMax = 0x3FFF;  // 14 bits in PostgreSQL's header
inline constexpr int kNumericWeightMax = 32767;   // int16 n_weight
inline constexpr int kNumericWeightMin = -32768;

enum class NumericSign : uint8_t { kPos, kNeg, kNaN, kPosInf, kNegInf };

struct NumericVar {
  NumericSign sign = NumericSign::kPos;
  int weight = 0;
  int dscale = 0;
  NumericDigits digits;

  int ndigits() const { return digits.size(); }
  bool IsSpecial() const { return sign >= NumericSign::kNaN; }
  bool IsZero() const { return !IsSpecial() && digits.empty(); }
};

NumericVar ZeroVar(int dscale = 0);
NumericVar IntVar(int64_t v);

// Removes leading and trailing zero digits; a zero becomes weight 0, positive.
void StripVar(NumericVar& v);
// Rounds half away from zero to rscale decimal places (may be negative) and sets dscale.
void RoundVar(NumericVar& v, int rscale);
// Truncates toward zero to rscale decimal places and sets dscale.
void TruncVar(NumericVar& v, int rscale);

int CmpAbs(const NumericVar& a, const NumericVar& b);
// Compares finite values.
int CmpVar(const NumericVar& a, const NumericVar& b);

// Exact; result dscale = max of the inputs' dscales.
NumericVar AddVar(const NumericVar& a, const NumericVar& b);
NumericVar SubVar(const NumericVar& a, const NumericVar& b);
// PostgreSQL's mul_var: the product rounded to rscale, computed with only
// kMulGuardDigits digits beyond it (exact when rscale >= a.dscale + b.dscale).
NumericVar MulVar(const NumericVar& a, const NumericVar& b, int rscale);
// The quotient rounded (half away from zero) or truncated to rscale; exact digits
// are computed first, so the rounding is correct. Throws 22012 on a zero divisor.
NumericVar DivVar(const NumericVar& a, const NumericVar& b, int rscale, bool round);
// PostgreSQL's select_div_scale: at least 16 significant digits, never fewer
// than either input's dscale.
int SelectDivScale(const NumericVar& a, const NumericVar& b);
// a - trunc(a / b) * b.
NumericVar ModVar(const NumericVar& a, const NumericVar& b);
NumericVar CeilVar(const NumericVar& v);
NumericVar FloorVar(const NumericVar& v);

// Square root rounded to rscale (may be negative). Throws 2201F for negatives.
NumericVar SqrtVar(const NumericVar& v, int rscale);
// Natural logarithm rounded to rscale. Throws 2201E for arg <= 0.
NumericVar LnVar(const NumericVar& v, int rscale);
// e^v rounded to rscale. Throws 22003 on overflow.
NumericVar ExpVar(const NumericVar& v, int rscale);
// base^exp with PostgreSQL's scale selection (power_var).
NumericVar PowerVar(const NumericVar& base, const NumericVar& exp);
int EstimateLnDweight(const NumericVar& v);

// numericvar_to_int64: rounds to an integer; false when it doesn't fit.
bool VarToInt64(const NumericVar& v, int64_t* out);
// The decimal text with exactly dscale fractional digits (get_str_from_var).
std::string VarToString(const NumericVar& v, int dscale);
// numericvar_to_double_no_overflow: +-HUGE_VAL instead of an error.
double VarToDoubleNoOverflow(const NumericVar& v);

}  // namespace basalt::engine::sql
