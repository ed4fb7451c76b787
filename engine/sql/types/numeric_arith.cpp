// engine/sql/types/numeric_arith.cpp
//
// Numeric's operators and functions: PostgreSQL 15's numeric_add, numeric_mul,
// numeric_div, numeric_mod, numeric_power, ... including their NaN and Infinity
// rules (which follow POSIX/IEEE where PostgreSQL does).
#include <fmt/format.h>

#include <climits>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/numeric.hpp"

namespace basalt::engine::sql {
namespace {

Numeric Special(NumericSign sign) {
  NumericVar v;
  v.sign = sign;
  return Numeric::FromVar(std::move(v));
}

// numeric_sign_internal: -1, 0, 1 for finite values and infinities.
int SignOf(const Numeric& n) {
  switch (n.var().sign) {
    case NumericSign::kPosInf: return 1;
    case NumericSign::kNegInf: return -1;
    case NumericSign::kNaN: return 0;
    default: break;
  }
  if (n.var().IsZero()) return 0;
  return n.var().sign == NumericSign::kNeg ? -1 : 1;
}

[[noreturn]] void ThrowDivisionByZero() { throw DbError(SqlState::kDivisionByZero, "division by zero"); }

// The shared special-value rules of numeric_div and numeric_div_trunc.
Numeric DivSpecial(const Numeric& a, const Numeric& b) {
  if (a.IsNaN() || b.IsNaN()) return Numeric::NaN();
  if (a.IsInfinite()) {
    if (!b.IsFinite()) return Numeric::NaN();
    int s = SignOf(b);
    if (s == 0) ThrowDivisionByZero();
    bool positive = (s > 0) == (a.var().sign == NumericSign::kPosInf);
    return positive ? Numeric::PositiveInfinity() : Numeric::NegativeInfinity();
  }
  // Finite / infinite: PostgreSQL returns zero rather than an underflow.
  return Numeric();
}

[[noreturn]] void ThrowCannotConvert(const Numeric& n, std::string_view type) {
  throw DbError(SqlState::kFeatureNotSupported,
                fmt::format("cannot convert {} to {}", n.IsNaN() ? "NaN" : "infinity", type));
}

}  // namespace

Numeric Numeric::FromVar(NumericVar var) {
  Numeric n;
  if (var.IsSpecial()) {
    var.digits.clear();
    var.weight = 0;
    var.dscale = 0;
  } else {
    StripVar(var);
    // make_result: the weight must fit int16 and dscale its 14 bits.
    if (var.weight > kNumericWeightMax || var.weight < kNumericWeightMin || var.dscale > kNumericDscaleMax ||
        var.dscale < 0) {
      throw DbError(SqlState::kNumericValueOutOfRange, "value overflows numeric format");
    }
  }
  n.var_ = std::move(var);
  return n;
}

Numeric Numeric::NaN() { return Special(NumericSign::kNaN); }
Numeric Numeric::PositiveInfinity() { return Special(NumericSign::kPosInf); }
Numeric Numeric::NegativeInfinity() { return Special(NumericSign::kNegInf); }
Numeric Numeric::FromInt64(int64_t v) { return FromVar(IntVar(v)); }

Numeric Numeric::Add(const Numeric& a, const Numeric& b) {
  if (!a.IsFinite() || !b.IsFinite()) {
    if (a.IsNaN() || b.IsNaN()) return NaN();
    if (a.IsInfinite() && b.IsInfinite() && a.var_.sign != b.var_.sign) return NaN();
    return a.IsInfinite() ? a : b;
  }
  return FromVar(AddVar(a.var_, b.var_));
}

Numeric Numeric::Sub(const Numeric& a, const Numeric& b) {
  if (!a.IsFinite() || !b.IsFinite()) {
    if (a.IsNaN() || b.IsNaN()) return NaN();
    if (a.IsInfinite() && b.IsInfinite() && a.var_.sign == b.var_.sign) return NaN();
    return a.IsInfinite() ? a : b.Neg();
  }
  return FromVar(SubVar(a.var_, b.var_));
}

Numeric Numeric::Mul(const Numeric& a, const Numeric& b) {
  if (!a.IsFinite() || !b.IsFinite()) {
    if (a.IsNaN() || b.IsNaN()) return NaN();
    int s = SignOf(a) * SignOf(b);
    if (s == 0) return NaN();  // Infinity * 0
    return s > 0 ? PositiveInfinity() : NegativeInfinity();
  }
  // Exact product; only a scale beyond storage limits is rounded away.
  NumericVar r = MulVar(a.var_, b.var_, a.var_.dscale + b.var_.dscale);
  if (r.dscale > kNumericDscaleMax) RoundVar(r, kNumericDscaleMax);
  return FromVar(std::move(r));
}

Numeric Numeric::Div(const Numeric& a, const Numeric& b) {
  if (!a.IsFinite() || !b.IsFinite()) return DivSpecial(a, b);
  int rscale = SelectDivScale(a.var_, b.var_);
  return FromVar(DivVar(a.var_, b.var_, rscale, true));
}

Numeric Numeric::DivTrunc(const Numeric& a, const Numeric& b) {
  if (!a.IsFinite() || !b.IsFinite()) return DivSpecial(a, b);
  return FromVar(DivVar(a.var_, b.var_, 0, false));
}

Numeric Numeric::Mod(const Numeric& a, const Numeric& b) {
  if (!a.IsFinite() || !b.IsFinite()) {
    if (a.IsNaN() || b.IsNaN()) return NaN();
    if (a.IsInfinite()) {
      if (SignOf(b) == 0) ThrowDivisionByZero();
      return NaN();
    }
    return a;  // finite % Infinity
  }
  return FromVar(ModVar(a.var_, b.var_));
}

// numeric_power, with POSIX pow(3)'s rules for NaN and infinite inputs.
Numeric Numeric::Power(const Numeric& a, const Numeric& b) {
  static const NumericVar kOne = IntVar(1);
  static const NumericVar kMinusOne = IntVar(-1);
  if (a.IsNaN()) {
    if (b.IsFinite() && b.IsZero()) return FromInt64(1);
    return NaN();
  }
  if (b.IsNaN()) {
    if (a.IsFinite() && CmpVar(a.var_, kOne) == 0) return FromInt64(1);
    return NaN();
  }
  // The SQL standard's error codes come first, for infinite inputs too
  // (infinities count as integers here).
  int sign1 = SignOf(a);
  int sign2 = SignOf(b);
  if (sign1 == 0 && sign2 < 0) {
    throw DbError(SqlState::kInvalidArgumentForPowerFunction, "zero raised to a negative power is undefined");
  }
  const NumericVar& e = b.var_;
  const bool exp_integral = !b.IsFinite() || e.ndigits() == 0 || e.ndigits() <= e.weight + 1;
  if (sign1 < 0 && !exp_integral) {
    throw DbError(SqlState::kInvalidArgumentForPowerFunction,
                  "a negative number raised to a non-integer power yields a complex result");
  }
  if (!a.IsFinite() || !b.IsFinite()) {
    if (a.IsFinite() && CmpVar(a.var_, kOne) == 0) return FromInt64(1);
    if (sign2 == 0) return FromInt64(1);
    if (sign1 == 0 && sign2 > 0) return Numeric();
    if (b.IsInfinite()) {
      bool abs_x_gt_one;
      if (!a.IsFinite()) {
        abs_x_gt_one = true;
      } else {
        if (CmpVar(a.var_, kMinusOne) == 0) return FromInt64(1);
        abs_x_gt_one = CmpAbs(a.var_, kOne) > 0;
      }
      return abs_x_gt_one == (sign2 > 0) ? PositiveInfinity() : Numeric();
    }
    if (a.var_.sign == NumericSign::kPosInf) return sign2 > 0 ? PositiveInfinity() : Numeric();
    // a is -Infinity, b a nonzero integer.
    if (sign2 < 0) return Numeric();
    if (e.ndigits() > 0 && e.ndigits() == e.weight + 1 && (e.digits[e.ndigits() - 1] & 1)) return NegativeInfinity();
    return PositiveInfinity();
  }
  return FromVar(PowerVar(a.var_, b.var_));
}

Numeric Numeric::Neg() const {
  Numeric r = *this;
  switch (var_.sign) {
    case NumericSign::kPos:
      if (!var_.IsZero()) r.var_.sign = NumericSign::kNeg;
      break;
    case NumericSign::kNeg: r.var_.sign = NumericSign::kPos; break;
    case NumericSign::kPosInf: r.var_.sign = NumericSign::kNegInf; break;
    case NumericSign::kNegInf: r.var_.sign = NumericSign::kPosInf; break;
    case NumericSign::kNaN: break;
  }
  return r;
}

Numeric Numeric::Abs() const {
  Numeric r = *this;
  if (var_.sign == NumericSign::kNeg) r.var_.sign = NumericSign::kPos;
  if (var_.sign == NumericSign::kNegInf) r.var_.sign = NumericSign::kPosInf;
  return r;
}

Numeric Numeric::Sign() const {
  if (IsNaN()) return NaN();
  return FromInt64(SignOf(*this));
}

Numeric Numeric::Round(int scale) const {
  if (!IsFinite()) return *this;
  scale = std::clamp(scale, -kNumericMaxResultScale, kNumericMaxResultScale);
  NumericVar v = var_;
  RoundVar(v, scale);
  if (scale < 0) v.dscale = 0;
  return FromVar(std::move(v));
}

Numeric Numeric::Trunc(int scale) const {
  if (!IsFinite()) return *this;
  scale = std::clamp(scale, -kNumericMaxResultScale, kNumericMaxResultScale);
  NumericVar v = var_;
  TruncVar(v, scale);
  if (scale < 0) v.dscale = 0;
  return FromVar(std::move(v));
}

Numeric Numeric::Ceil() const {
  if (!IsFinite()) return *this;
  return FromVar(CeilVar(var_));
}

Numeric Numeric::Floor() const {
  if (!IsFinite()) return *this;
  return FromVar(FloorVar(var_));
}

// numeric_sqrt: at least 16 significant digits, never fewer than the input's dscale.
Numeric Numeric::Sqrt() const {
  if (!IsFinite()) {
    if (var_.sign == NumericSign::kNegInf) {
      throw DbError(SqlState::kInvalidArgumentForPowerFunction, "cannot take square root of a negative number");
    }
    return *this;
  }
  int sweight = (var_.weight + 1) * kDecDigits / 2 - 1;
  int rscale = kNumericMinSigDigits - sweight;
  rscale = std::max(rscale, var_.dscale);
  rscale = std::max(rscale, kNumericMinDisplayScale);
  rscale = std::min(rscale, kNumericMaxDisplayScale);
  return FromVar(SqrtVar(var_, rscale));
}

// numeric_ln
Numeric Numeric::Ln() const {
  if (!IsFinite()) {
    if (var_.sign == NumericSign::kNegInf) {
      throw DbError(SqlState::kInvalidArgumentForLog, "cannot take logarithm of a negative number");
    }
    return *this;
  }
  int ln_dweight = EstimateLnDweight(var_);
  int rscale = kNumericMinSigDigits - ln_dweight;
  rscale = std::max(rscale, var_.dscale);
  rscale = std::max(rscale, kNumericMinDisplayScale);
  rscale = std::min(rscale, kNumericMaxDisplayScale);
  return FromVar(LnVar(var_, rscale));
}

// numeric_log / log_var
Numeric Numeric::Log(const Numeric& base, const Numeric& num) {
  if (!base.IsFinite() || !num.IsFinite()) {
    if (base.IsNaN() || num.IsNaN()) return NaN();
    if (base.IsNegative() || num.IsNegative()) {
      throw DbError(SqlState::kInvalidArgumentForLog, "cannot take logarithm of a negative number");
    }
    if (base.IsZero() || num.IsZero()) throw DbError(SqlState::kInvalidArgumentForLog, "cannot take logarithm of zero");
    if (base.var_.sign == NumericSign::kPosInf) return num.var_.sign == NumericSign::kPosInf ? NaN() : Numeric();
    return PositiveInfinity();
  }
  int ln_base_dweight = EstimateLnDweight(base.var_);
  int ln_num_dweight = EstimateLnDweight(num.var_);
  int result_dweight = ln_num_dweight - ln_base_dweight;
  int rscale = kNumericMinSigDigits - result_dweight;
  rscale = std::max({rscale, base.var_.dscale, num.var_.dscale, kNumericMinDisplayScale});
  rscale = std::min(rscale, kNumericMaxDisplayScale);
  int ln_base_rscale = std::max(rscale + result_dweight - ln_base_dweight + 8, kNumericMinDisplayScale);
  int ln_num_rscale = std::max(rscale + result_dweight - ln_num_dweight + 8, kNumericMinDisplayScale);
  NumericVar ln_base = LnVar(base.var_, ln_base_rscale);
  NumericVar ln_num = LnVar(num.var_, ln_num_rscale);
  return FromVar(DivVar(ln_num, ln_base, rscale, true));
}

// numeric_exp
Numeric Numeric::Exp() const {
  if (!IsFinite()) {
    if (var_.sign == NumericSign::kNegInf) return Numeric();
    return *this;
  }
  double val = VarToDoubleNoOverflow(var_) * 0.434294481903252;
  val = std::max(val, static_cast<double>(-kNumericMaxResultScale));
  val = std::min(val, static_cast<double>(kNumericMaxResultScale));
  int rscale = kNumericMinSigDigits - static_cast<int>(val);
  rscale = std::max(rscale, var_.dscale);
  rscale = std::max(rscale, kNumericMinDisplayScale);
  rscale = std::min(rscale, kNumericMaxDisplayScale);
  return FromVar(ExpVar(var_, rscale));
}

// cmp_numerics
int Numeric::Compare(const Numeric& a, const Numeric& b) {
  if (!a.IsFinite()) {
    if (a.IsNaN()) return b.IsNaN() ? 0 : 1;
    if (a.var_.sign == NumericSign::kPosInf) {
      if (b.IsNaN()) return -1;
      return b.var_.sign == NumericSign::kPosInf ? 0 : 1;
    }
    return b.var_.sign == NumericSign::kNegInf ? 0 : -1;
  }
  if (!b.IsFinite()) return b.var_.sign == NumericSign::kNegInf ? 1 : -1;
  return CmpVar(a.var_, b.var_);
}

int64_t Numeric::ToInt64() const {
  if (!IsFinite()) ThrowCannotConvert(*this, "bigint");
  int64_t out;
  if (!VarToInt64(var_, &out)) throw DbError(SqlState::kNumericValueOutOfRange, "bigint out of range");
  return out;
}

int32_t Numeric::ToInt32() const {
  if (!IsFinite()) ThrowCannotConvert(*this, "integer");
  int64_t out;
  if (!VarToInt64(var_, &out) || out < INT32_MIN || out > INT32_MAX) {
    throw DbError(SqlState::kNumericValueOutOfRange, "integer out of range");
  }
  return static_cast<int32_t>(out);
}

int16_t Numeric::ToInt16() const {
  if (!IsFinite()) ThrowCannotConvert(*this, "smallint");
  int64_t out;
  if (!VarToInt64(var_, &out) || out < INT16_MIN || out > INT16_MAX) {
    throw DbError(SqlState::kNumericValueOutOfRange, "smallint out of range");
  }
  return static_cast<int16_t>(out);
}

}  // namespace basalt::engine::sql
