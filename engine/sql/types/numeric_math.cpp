// engine/sql/types/numeric_math.cpp
//
// sqrt, ln, exp and power for numeric, following PostgreSQL 15's numeric.c
// (sqrt_var, ln_var, exp_var, power_var, power_var_int, estimate_ln_dweight).
// The scale choices and the guard digits are PostgreSQL's, so that results agree
// to the last digit. Where PostgreSQL uses its approximate div_var_fast we divide
// exactly and round; with PostgreSQL's guard digits both round the same.
#include <climits>
#include <cmath>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/numeric_var.hpp"

namespace basalt::engine::sql {
namespace {

int FloorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

NumericVar ConstVar(int64_t units, int weight, int dscale) {
  NumericVar v;
  v.digits.push_back(static_cast<NumericDigit>(units));
  v.weight = weight;
  v.dscale = dscale;
  return v;
}

const NumericVar kZero = ZeroVar(0);
const NumericVar kOne = IntVar(1);
const NumericVar kTwo = IntVar(2);
const NumericVar kMinusOne = IntVar(-1);
const NumericVar kZeroPointNine = ConstVar(9000, -1, 1);
const NumericVar kOnePointOne = [] {
  NumericVar v;
  v.digits.push_back(1);
  v.digits.push_back(1000);
  v.weight = 0;
  v.dscale = 1;
  return v;
}();

// floor(sqrt(y)) for a non-negative integer (dscale 0), by Newton's iteration
// from an over-estimate: the iterates decrease until they reach the root.
NumericVar IntegerSqrt(const NumericVar& y) {
  if (y.ndigits() == 0) return ZeroVar(0);
  const int len = y.weight + 1;  // integer digits, counting stripped trailing zeros
  if (len <= 4) {
    uint64_t val = 0;
    for (int i = 0; i < len; ++i) val = val * kNBase + (i < y.ndigits() ? y.digits[i] : 0);
    uint64_t r = static_cast<uint64_t>(std::sqrt(static_cast<long double>(val)));
    while (r * r > val) --r;
    while ((r + 1) * (r + 1) <= val) ++r;
    return IntVar(static_cast<int64_t>(r));
  }
  // y ~= m * NBASE^e with 3 or 4 leading digits in m and e even.
  int top = ((len - 4) % 2 == 0) ? 4 : 3;
  double m = 0;
  for (int i = 0; i < top; ++i) m = m * kNBase + (i < y.ndigits() ? y.digits[i] : 0);
  int e = len - top;
  double est = std::ceil(std::sqrt(m) * (1 + 1e-9)) + 1;
  NumericVar r = IntVar(static_cast<int64_t>(est));
  r.weight += e / 2;
  StripVar(r);
  for (;;) {
    NumericVar q = DivVar(y, r, 0, false);
    NumericVar next = DivVar(AddVar(r, q), kTwo, 0, false);
    if (CmpVar(next, r) >= 0) return r;
    r = std::move(next);
  }
}

}  // namespace

// sqrt_var: the root truncated one decimal digit past rscale, then rounded.
NumericVar SqrtVar(const NumericVar& arg, int rscale) {
  int stat = CmpVar(arg, kZero);
  if (stat == 0) return ZeroVar(rscale);
  if (stat < 0) {
    throw DbError(SqlState::kInvalidArgumentForPowerFunction, "cannot take square root of a negative number");
  }
  // k NBASE digits after the point: y = trunc(arg * NBASE^(2k)) is an integer and
  // floor(sqrt(y)) = floor(sqrt(arg) * NBASE^k).
  const int k = FloorDiv(rscale + 1 + kDecDigits - 1, kDecDigits);
  NumericVar y = arg;
  y.weight += 2 * k;
  TruncVar(y, 0);
  NumericVar r = IntegerSqrt(y);
  r.weight -= k;
  StripVar(r);
  RoundVar(r, rscale);
  return r;
}

// estimate_ln_dweight
int EstimateLnDweight(const NumericVar& var) {
  if (var.sign != NumericSign::kPos) return 0;
  if (CmpVar(var, kZeroPointNine) >= 0 && CmpVar(var, kOnePointOne) <= 0) {
    NumericVar x = SubVar(var, kOne);
    if (x.ndigits() > 0) return x.weight * kDecDigits + static_cast<int>(std::log10(x.digits[0]));
    return 0;
  }
  if (var.ndigits() == 0) return 0;
  int digits = var.digits[0];
  int dweight = var.weight * kDecDigits;
  if (var.ndigits() > 1) {
    digits = digits * kNBase + var.digits[1];
    dweight -= kDecDigits;
  }
  double ln_var = std::log(static_cast<double>(digits)) + dweight * 2.302585092994046;
  return static_cast<int>(std::log10(std::fabs(ln_var)));
}

// ln_var
NumericVar LnVar(const NumericVar& arg, int rscale) {
  int cmp = CmpVar(arg, kZero);
  if (cmp == 0) throw DbError(SqlState::kInvalidArgumentForLog, "cannot take logarithm of zero");
  if (cmp < 0) throw DbError(SqlState::kInvalidArgumentForLog, "cannot take logarithm of a negative number");
  NumericVar x = arg;
  NumericVar fact = kTwo;
  // Reduce into 0.9 < x < 1.1 by square roots, keeping about rscale + 8
  // significant digits (the local scale may be negative for huge inputs).
  int nsqrt = 0;
  while (CmpVar(x, kZeroPointNine) <= 0) {
    int local_rscale = rscale - x.weight * kDecDigits / 2 + 8;
    x = SqrtVar(x, local_rscale);
    fact = MulVar(fact, kTwo, 0);
    nsqrt++;
  }
  while (CmpVar(x, kOnePointOne) >= 0) {
    int local_rscale = rscale - x.weight * kDecDigits / 2 + 8;
    x = SqrtVar(x, local_rscale);
    fact = MulVar(fact, kTwo, 0);
    nsqrt++;
  }
  // Taylor series of 0.5 * ln((1+z)/(1-z)) = z + z^3/3 + z^5/5 + ..., z = (x-1)/(x+1).
  int local_rscale = rscale + static_cast<int>((nsqrt + 1) * 0.301029995663981) + 8;
  NumericVar result = SubVar(x, kOne);
  NumericVar elem = AddVar(x, kOne);
  result = DivVar(result, elem, local_rscale, true);
  NumericVar xx = result;
  x = MulVar(result, result, local_rscale);
  int ni = 1;
  for (;;) {
    ni += 2;
    xx = MulVar(xx, x, local_rscale);
    elem = DivVar(xx, IntVar(ni), local_rscale, true);
    if (elem.ndigits() == 0) break;
    result = AddVar(result, elem);
    if (elem.weight < (result.weight - local_rscale * 2 / kDecDigits)) break;
  }
  return MulVar(result, fact, rscale);
}

// exp_var
NumericVar ExpVar(const NumericVar& arg, int rscale) {
  NumericVar x = arg;
  double val = VarToDoubleNoOverflow(x);
  if (std::fabs(val) >= kNumericMaxResultScale * 3) {
    if (val > 0) throw DbError(SqlState::kNumericValueOutOfRange, "value overflows numeric format");
    return ZeroVar(rscale);
  }
  int dweight = static_cast<int>(val * 0.434294481903252);
  // Reduce to |x| <= 0.01 by dividing by 2^ndiv2 so the Taylor series converges fast.
  int ndiv2 = 0;
  if (std::fabs(val) > 0.01) {
    ndiv2 = 1;
    val /= 2;
    while (std::fabs(val) > 0.01) {
      ndiv2++;
      val /= 2;
    }
    int local_rscale = x.dscale + ndiv2;
    x = DivVar(x, IntVar(int64_t{1} << ndiv2), local_rscale, true);
  }
  int sig_digits = 1 + dweight + rscale + static_cast<int>(ndiv2 * 0.301029995663981);
  sig_digits = std::max(sig_digits, 0) + 8;
  int local_rscale = sig_digits - 1;
  NumericVar result = AddVar(kOne, x);
  NumericVar elem = MulVar(x, x, local_rscale);
  int ni = 2;
  elem = DivVar(elem, IntVar(ni), local_rscale, true);
  while (elem.ndigits() != 0) {
    result = AddVar(result, elem);
    elem = MulVar(elem, x, local_rscale);
    ni++;
    elem = DivVar(elem, IntVar(ni), local_rscale, true);
  }
  while (ndiv2-- > 0) {
    local_rscale = sig_digits - result.weight * 2 * kDecDigits;
    local_rscale = std::max(local_rscale, kNumericMinDisplayScale);
    result = MulVar(result, result, local_rscale);
  }
  RoundVar(result, rscale);
  return result;
}

namespace {

// power_var_int (PostgreSQL 15): repeated squaring with a working precision
// tied to the estimated result weight, rounded to rscale.
NumericVar PowerVarInt(const NumericVar& base, int exp, int rscale) {
  switch (exp) {
    case 0: {
      NumericVar r = kOne;
      r.dscale = rscale;
      return r;
    }
    case 1: {
      NumericVar r = base;
      RoundVar(r, rscale);
      return r;
    }
    case -1:
      return DivVar(kOne, base, rscale, true);
    case 2:
      return MulVar(base, base, rscale);
    default:
      break;
  }
  if (base.ndigits() == 0) {
    if (exp < 0) throw DbError(SqlState::kDivisionByZero, "division by zero");
    return ZeroVar(rscale);
  }
  // base ~= f * 10^p, so log10(result) ~= exp * (log10(f) + p).
  double f = base.digits[0];
  int p = base.weight * kDecDigits;
  for (int i = 1; i < base.ndigits() && i * kDecDigits < 16; i++) {
    f = f * kNBase + base.digits[i];
    p -= kDecDigits;
  }
  f = exp * (std::log10(f) + p);
  if (f > 3 * SHRT_MAX * kDecDigits) {
    throw DbError(SqlState::kNumericValueOutOfRange, "value overflows numeric format");
  }
  if (f + 1 < -rscale || f + 1 < -kNumericMaxDisplayScale) return ZeroVar(rscale);

  int sig_digits = 1 + rscale + static_cast<int>(f);
  sig_digits += static_cast<int>(std::log(std::fabs(static_cast<double>(exp)))) + 8;

  bool neg = exp < 0;
  unsigned int mask = static_cast<unsigned int>(std::abs(static_cast<int64_t>(exp)));
  NumericVar base_prod = base;
  NumericVar result = (mask & 1) ? base : kOne;
  while ((mask >>= 1) > 0) {
    int local_rscale = sig_digits - 2 * base_prod.weight * kDecDigits;
    local_rscale = std::min(local_rscale, 2 * base_prod.dscale);
    local_rscale = std::max(local_rscale, kNumericMinDisplayScale);
    base_prod = MulVar(base_prod, base_prod, local_rscale);
    if (mask & 1) {
      local_rscale = sig_digits - (base_prod.weight + result.weight) * kDecDigits;
      local_rscale = std::min(local_rscale, base_prod.dscale + result.dscale);
      local_rscale = std::max(local_rscale, kNumericMinDisplayScale);
      result = MulVar(base_prod, result, local_rscale);
    }
    if (base_prod.weight > SHRT_MAX || result.weight > SHRT_MAX) {
      if (!neg) throw DbError(SqlState::kNumericValueOutOfRange, "value overflows numeric format");
      result = ZeroVar(0);
      neg = false;
      break;
    }
  }
  if (neg) return DivVar(kOne, result, rscale, true);
  RoundVar(result, rscale);
  return result;
}

bool IsIntegral(const NumericVar& v) { return v.ndigits() == 0 || v.ndigits() <= v.weight + 1; }

}  // namespace

// power_var
NumericVar PowerVar(const NumericVar& base_in, const NumericVar& exp) {
  if (IsIntegral(exp)) {
    int64_t expval64;
    if (VarToInt64(exp, &expval64) && expval64 >= INT_MIN && expval64 <= INT_MAX) {
      int rscale = kNumericMinSigDigits;
      rscale = std::max(rscale, base_in.dscale);
      rscale = std::max(rscale, kNumericMinDisplayScale);
      rscale = std::min(rscale, kNumericMaxDisplayScale);
      return PowerVarInt(base_in, static_cast<int>(expval64), rscale);
    }
  }
  if (CmpVar(base_in, kZero) == 0) return ZeroVar(kNumericMinSigDigits);

  NumericVar abs_base;
  const NumericVar* base = &base_in;
  NumericSign res_sign = NumericSign::kPos;
  if (base_in.sign == NumericSign::kNeg) {
    if (!IsIntegral(exp)) {
      throw DbError(SqlState::kInvalidArgumentForPowerFunction,
                    "a negative number raised to a non-integer power yields a complex result");
    }
    if (exp.ndigits() > 0 && exp.ndigits() == exp.weight + 1 && (exp.digits[exp.ndigits() - 1] & 1)) {
      res_sign = NumericSign::kNeg;
    }
    abs_base = base_in;
    abs_base.sign = NumericSign::kPos;
    base = &abs_base;
  }

  // A low-precision exp * ln(base) estimates the result's weight, which picks the
  // scale of the real calculation and catches sure overflow early.
  int ln_dweight = EstimateLnDweight(*base);
  int local_rscale = 8 - ln_dweight;
  local_rscale = std::max(local_rscale, kNumericMinDisplayScale);
  NumericVar ln_base = LnVar(*base, local_rscale);
  NumericVar ln_num = MulVar(ln_base, exp, local_rscale);
  double val = VarToDoubleNoOverflow(ln_num);
  if (std::fabs(val) > kNumericMaxResultScale * 3.01) {
    if (val > 0) throw DbError(SqlState::kNumericValueOutOfRange, "value overflows numeric format");
    return ZeroVar(kNumericMaxDisplayScale);
  }
  val *= 0.434294481903252;
  int rscale = kNumericMinSigDigits - static_cast<int>(val);
  rscale = std::max(rscale, base->dscale);
  rscale = std::max(rscale, exp.dscale);
  rscale = std::max(rscale, kNumericMinDisplayScale);
  rscale = std::min(rscale, kNumericMaxDisplayScale);
  int sig_digits = rscale + static_cast<int>(val);
  sig_digits = std::max(sig_digits, 0);
  local_rscale = sig_digits - ln_dweight + 8;
  local_rscale = std::max(local_rscale, kNumericMinDisplayScale);
  ln_base = LnVar(*base, local_rscale);
  ln_num = MulVar(ln_base, exp, local_rscale);
  NumericVar result = ExpVar(ln_num, rscale);
  if (res_sign == NumericSign::kNeg && result.ndigits() > 0) result.sign = NumericSign::kNeg;
  return result;
}

}  // namespace basalt::engine::sql
