// Mathematical functions of PostgreSQL 15 (float.c, int.c, int8.c, numeric.c)
// with their per-type overloads: numeric stays exact (Numeric does the digit
// work), integers check overflow (22003), floats follow PostgreSQL's error
// rules (2201F for sqrt/power domain errors, 2201E for logarithms, 22003 for
// overflow/underflow, "input is out of range" for trigonometry).
#include <cmath>
#include <numbers>
#include <random>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/types/numeric_value.hpp"
#include "engine/sql/types/operators.hpp"

namespace basalt::engine::sql {
namespace {

const Type kInt2{TypeId::kInt2, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kFloat4{TypeId::kFloat4, -1};
const Type kFloat8{TypeId::kFloat8, -1};
const Type kNumeric{TypeId::kNumeric, -1};
const Type kVoid{TypeId::kVoid, -1};

double F(const Value& v) { return v.as_float(); }
Numeric N(const Value& v) { return NumericFromValue(v); }
Value NV(const Numeric& n) { return NumericToValue(n); }

[[noreturn]] void Overflow() { throw DbError(SqlState::kNumericValueOutOfRange, "value out of range: overflow"); }
[[noreturn]] void Underflow() { throw DbError(SqlState::kNumericValueOutOfRange, "value out of range: underflow"); }
[[noreturn]] void OutOfRange() { throw DbError(SqlState::kNumericValueOutOfRange, "input is out of range"); }

// float_overflow/underflow checks as in float.h.
Value CheckedFloat(double r, bool inf_ok, bool zero_ok) {
  if (std::isinf(r) && !inf_ok) Overflow();
  if (r == 0.0 && !zero_ok) Underflow();
  return Value::Float(r);
}

[[noreturn]] void IntOutOfRange(TypeId t) {
  throw DbError(SqlState::kNumericValueOutOfRange, t == TypeId::kInt2   ? "smallint out of range"
                                                   : t == TypeId::kInt4 ? "integer out of range"
                                                                        : "bigint out of range");
}

Value AbsInt(FnArgs a, FnTypes t, Type, EvalContext&) {
  int64_t v = a[0].as_int();
  int64_t min = t[0].id == TypeId::kInt2 ? INT16_MIN : t[0].id == TypeId::kInt4 ? INT32_MIN : INT64_MIN;
  if (v == min) IntOutOfRange(t[0].id);
  return Value::Int(v < 0 ? -v : v);
}
Value AbsFloat(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Float(std::fabs(F(a[0]))); }
Value AbsNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Abs()); }

Value RoundFloat(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Float(std::rint(F(a[0]))); }
Value RoundNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Round(0)); }
Value RoundNumeric2(FnArgs a, FnTypes, Type, EvalContext&) {
  return NV(N(a[0]).Round(static_cast<int>(a[1].as_int())));
}
Value TruncFloat(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Float(std::trunc(F(a[0]))); }
Value TruncNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Trunc(0)); }
Value TruncNumeric2(FnArgs a, FnTypes, Type, EvalContext&) {
  return NV(N(a[0]).Trunc(static_cast<int>(a[1].as_int())));
}
Value CeilFloat(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Float(std::ceil(F(a[0]))); }
Value CeilNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Ceil()); }
Value FloorFloat(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Float(std::floor(F(a[0]))); }
Value FloorNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Floor()); }
Value SignFloat(FnArgs a, FnTypes, Type, EvalContext&) {
  double v = F(a[0]);
  return Value::Float(v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0);
}
Value SignNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Sign()); }

// dpow (float.c), including its special cases for NaN, infinities and errno.
Value PowFloat(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]), y = F(a[1]);
  if (std::isnan(x)) return Value::Float(y == 0 ? 1.0 : x);
  if (std::isnan(y)) return Value::Float(x == 1 ? 1.0 : y);
  if (x == 0 && y < 0) {
    throw DbError(SqlState::kInvalidArgumentForPowerFunction, "zero raised to a negative power is undefined");
  }
  if (x < 0 && std::floor(y) != y && !std::isinf(y)) {
    throw DbError(SqlState::kInvalidArgumentForPowerFunction,
                  "a negative number raised to a non-integer power yields a complex result");
  }
  double r;
  if (std::isinf(y)) {
    double ax = std::fabs(x);
    if (ax == 1.0) r = 1.0;
    else if (y > 0) r = ax > 1.0 ? y : 0.0;
    else r = ax > 1.0 ? 0.0 : -y;
  } else if (std::isinf(x)) {
    if (x > 0) {
      r = y > 0 ? x : 0.0;
    } else {
      bool odd = std::fmod(std::fabs(y), 2.0) == 1.0;
      r = y > 0 ? (odd ? x : -x) : (odd ? -0.0 : 0.0);
    }
  } else {
    errno = 0;
    r = std::pow(x, y);
    if (errno == ERANGE && r != 0 && !std::isinf(r)) r = 0;
    if (std::isinf(r)) Overflow();
    if (r == 0 && x != 0) Underflow();
    return Value::Float(r);
  }
  return Value::Float(r);
}
Value PowNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(Numeric::Power(N(a[0]), N(a[1]))); }

Value SqrtFloat(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  if (x < 0) throw DbError(SqlState::kInvalidArgumentForPowerFunction, "cannot take square root of a negative number");
  return CheckedFloat(std::sqrt(x), std::isinf(x), x == 0);
}
Value SqrtNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Sqrt()); }
Value CbrtFloat(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  return CheckedFloat(std::cbrt(x), std::isinf(x), x == 0);
}

Value ExpFloat(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  if (std::isnan(x)) return Value::Float(x);
  if (std::isinf(x)) return Value::Float(x > 0 ? x : 0.0);
  errno = 0;
  double r = std::exp(x);
  if (errno == ERANGE) {
    if (r != 0.0) Overflow();
    Underflow();
  }
  if (std::isinf(r)) Overflow();
  if (r == 0.0) Underflow();
  return Value::Float(r);
}
Value ExpNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Exp()); }

void CheckLogArg(double x) {
  if (x == 0.0) throw DbError(SqlState::kInvalidArgumentForLog, "cannot take logarithm of zero");
  if (x < 0) throw DbError(SqlState::kInvalidArgumentForLog, "cannot take logarithm of a negative number");
}
Value LnFloat(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  CheckLogArg(x);
  return CheckedFloat(std::log(x), std::isinf(x), x == 1);
}
Value LnNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(N(a[0]).Ln()); }
Value Log10Numeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(Numeric::Log(Numeric::FromInt64(10), N(a[0]))); }
Value LogNumeric2(FnArgs a, FnTypes, Type, EvalContext&) { return NV(Numeric::Log(N(a[0]), N(a[1]))); }
Value Log10Float(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  CheckLogArg(x);
  return CheckedFloat(std::log10(x), std::isinf(x), x == 1);
}

Value ModOp(FnArgs a, FnTypes t, Type, EvalContext&) {
  auto info = ResolveOperator("%", t[0].id, t[1].id);
  return info->fn(a[0], a[1]);
}
Value DivNumeric(FnArgs a, FnTypes, Type, EvalContext&) { return NV(Numeric::DivTrunc(N(a[0]), N(a[1]))); }

// gcd/lcm on int4/int8 (int.c int4gcd_internal): INT_MIN results are out of range.
int64_t GcdInt(int64_t a, int64_t b, TypeId t) {
  int64_t min = t == TypeId::kInt4 ? INT32_MIN : INT64_MIN;
  if (a == min || b == min) {
    if (a == 0 || b == 0) IntOutOfRange(t);
    // gcd(min, x) fits when x is not min or 0; compute with negative values.
  }
  // Work with non-positive values so INT_MIN never needs negating.
  int64_t x = a > 0 ? -a : a, y = b > 0 ? -b : b;
  while (y != 0) {
    int64_t r = x % y;
    x = y;
    y = r;
  }
  if (x == min) IntOutOfRange(t);
  return -x;
}
Value Gcd(FnArgs a, FnTypes t, Type, EvalContext&) { return Value::Int(GcdInt(a[0].as_int(), a[1].as_int(), t[0].id)); }
Value Lcm(FnArgs a, FnTypes t, Type, EvalContext&) {
  int64_t x = a[0].as_int(), y = a[1].as_int();
  if (x == 0 || y == 0) return Value::Int(0);
  int64_t g = GcdInt(x, y, t[0].id);
  __int128 r = static_cast<__int128>(x / g) * y;
  if (r < 0) r = -r;
  __int128 max = t[0].id == TypeId::kInt4 ? INT32_MAX : INT64_MAX;
  if (r > max) IntOutOfRange(t[0].id);
  return Value::Int(static_cast<int64_t>(r));
}
Numeric GcdNumeric(Numeric x, Numeric y) {
  x = x.Abs();
  y = y.Abs();
  while (!y.IsZero()) {
    Numeric r = Numeric::Mod(x, y);
    x = y;
    y = r;
  }
  return x;
}
Value GcdN(FnArgs a, FnTypes, Type, EvalContext&) {
  Numeric x = N(a[0]), y = N(a[1]);
  if (!x.IsFinite() || !y.IsFinite()) return NV(Numeric::NaN());
  int scale = std::max(x.dscale(), y.dscale());
  return NV(GcdNumeric(x, y).Round(scale));
}
Value LcmN(FnArgs a, FnTypes, Type, EvalContext&) {
  Numeric x = N(a[0]), y = N(a[1]);
  if (!x.IsFinite() || !y.IsFinite()) return NV(Numeric::NaN());
  int scale = std::max(x.dscale(), y.dscale());
  if (x.IsZero() || y.IsZero()) return NV(Numeric().Round(scale));
  Numeric g = GcdNumeric(x, y);
  return NV(Numeric::Mul(Numeric::DivTrunc(x, g), y).Abs().Round(scale));
}

Value Factorial(FnArgs a, FnTypes, Type, EvalContext&) {
  int64_t n = a[0].as_int();
  if (n < 0) throw DbError(SqlState::kNumericValueOutOfRange, "factorial of a negative number is undefined");
  if (n > 32177) throw DbError(SqlState::kNumericValueOutOfRange, "value overflows numeric format");
  Numeric r = Numeric::FromInt64(1);
  for (int64_t i = 2; i <= n; ++i) r = Numeric::Mul(r, Numeric::FromInt64(i));
  return NV(r);
}

std::mt19937_64& Rng() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng;
}
Value Random(FnArgs, FnTypes, Type, EvalContext&) {
  return Value::Float(std::uniform_real_distribution<double>(0.0, 1.0)(Rng()));
}
Value SetSeed(FnArgs a, FnTypes, Type, EvalContext&) {
  double s = F(a[0]);
  if (s < -1 || s > 1 || std::isnan(s)) {
    throw DbError(SqlState::kInvalidParameterValue, fmt::format("setseed parameter {} is out of allowed range [-1,1]", s));
  }
  Rng().seed(static_cast<uint64_t>(static_cast<int64_t>(s * 2147483647.0)));
  return Value::Null();
}

Value Pi(FnArgs, FnTypes, Type, EvalContext&) { return Value::Float(std::numbers::pi); }
Value Degrees(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  return CheckedFloat(x / (std::numbers::pi / 180.0), std::isinf(x), true);
}
Value Radians(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  return CheckedFloat(x * (std::numbers::pi / 180.0), std::isinf(x), true);
}

// Trigonometry: NaN passes through; out-of-domain inputs are 22003 "input is out of range".
template <double (*Fn)(double), bool kUnitDomain>
Value Trig(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  if (std::isnan(x)) return Value::Float(x);
  if (kUnitDomain ? (x < -1.0 || x > 1.0) : std::isinf(x)) OutOfRange();
  double r = Fn(x);
  if (std::isinf(r)) Overflow();
  return Value::Float(r);
}
double AtanFn(double x) { return std::atan(x); }
Value Atan(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  return Value::Float(std::isnan(x) ? x : AtanFn(x));
}
Value Atan2(FnArgs a, FnTypes, Type, EvalContext&) {
  double y = F(a[0]), x = F(a[1]);
  if (std::isnan(y) || std::isnan(x)) return Value::Float(std::nan(""));
  return Value::Float(std::atan2(y, x));
}
Value Cot(FnArgs a, FnTypes, Type, EvalContext&) {
  double x = F(a[0]);
  if (std::isnan(x)) return Value::Float(x);
  if (std::isinf(x)) OutOfRange();
  double r = 1.0 / std::tan(x);
  return Value::Float(r);
}

double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Asin(double x) { return std::asin(x); }
double Acos(double x) { return std::acos(x); }

// width_bucket(operand, low, high, count), float8 form (float.c).
Value WidthBucketFloat(FnArgs a, FnTypes, Type, EvalContext&) {
  double op = F(a[0]), lo = F(a[1]), hi = F(a[2]);
  int64_t count = a[3].as_int();
  if (count <= 0) {
    throw DbError(SqlState::kInvalidArgumentForWidthBucketFunction, "count must be greater than zero");
  }
  if (std::isnan(op) || std::isnan(lo) || std::isnan(hi)) {
    throw DbError(SqlState::kInvalidArgumentForWidthBucketFunction,
                  "operand, lower bound, and upper bound cannot be NaN");
  }
  if (std::isinf(lo) || std::isinf(hi)) {
    throw DbError(SqlState::kInvalidArgumentForWidthBucketFunction, "lower and upper bounds must be finite");
  }
  int64_t r;
  if (lo < hi) {
    if (op < lo) {
      r = 0;
    } else if (op >= hi) {
      if (count == INT32_MAX) IntOutOfRange(TypeId::kInt4);
      r = count + 1;
    } else {
      double b = !std::isinf(hi - lo) ? (op - lo) / (hi - lo) : op / (hi / 2 - lo / 2) / 2;
      r = static_cast<int64_t>(count * b);
      if (r >= count) r = count - 1;
      r += 1;
    }
  } else if (lo > hi) {
    if (op > lo) {
      r = 0;
    } else if (op <= hi) {
      if (count == INT32_MAX) IntOutOfRange(TypeId::kInt4);
      r = count + 1;
    } else {
      double b = !std::isinf(lo - hi) ? (lo - op) / (lo - hi) : lo / 2 - op / 2 / (lo / 2 - hi / 2);
      r = static_cast<int64_t>(count * b);
      if (r >= count) r = count - 1;
      r += 1;
    }
  } else {
    throw DbError(SqlState::kInvalidArgumentForWidthBucketFunction, "lower bound cannot equal upper bound");
  }
  return Value::Int(r);
}

Value Scale(FnArgs a, FnTypes, Type, EvalContext&) {
  Numeric n = N(a[0]);
  if (!n.IsFinite()) return Value::Null();
  return Value::Int(n.dscale());
}

}  // namespace

void RegisterMathFunctions(std::vector<FunctionEntry>& v) {
  auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn) {
    v.push_back({name, FunctionInfo{std::move(args), result, fn}});
  };
  add("abs", {kInt2}, kInt2, &AbsInt);
  add("abs", {kInt4}, kInt4, &AbsInt);
  add("abs", {kInt8}, kInt8, &AbsInt);
  add("abs", {kFloat4}, kFloat4, &AbsFloat);
  add("abs", {kFloat8}, kFloat8, &AbsFloat);
  add("abs", {kNumeric}, kNumeric, &AbsNumeric);
  add("round", {kFloat8}, kFloat8, &RoundFloat);
  add("round", {kNumeric}, kNumeric, &RoundNumeric);
  add("round", {kNumeric, kInt4}, kNumeric, &RoundNumeric2);
  add("trunc", {kFloat8}, kFloat8, &TruncFloat);
  add("trunc", {kNumeric}, kNumeric, &TruncNumeric);
  add("trunc", {kNumeric, kInt4}, kNumeric, &TruncNumeric2);
  for (std::string_view name : {"ceil", "ceiling"}) {
    add(name, {kFloat8}, kFloat8, &CeilFloat);
    add(name, {kNumeric}, kNumeric, &CeilNumeric);
  }
  add("floor", {kFloat8}, kFloat8, &FloorFloat);
  add("floor", {kNumeric}, kNumeric, &FloorNumeric);
  add("sign", {kFloat8}, kFloat8, &SignFloat);
  add("sign", {kNumeric}, kNumeric, &SignNumeric);
  for (std::string_view name : {"power", "pow"}) {
    add(name, {kFloat8, kFloat8}, kFloat8, &PowFloat);
    add(name, {kNumeric, kNumeric}, kNumeric, &PowNumeric);
  }
  add("sqrt", {kFloat8}, kFloat8, &SqrtFloat);
  add("sqrt", {kNumeric}, kNumeric, &SqrtNumeric);
  add("cbrt", {kFloat8}, kFloat8, &CbrtFloat);
  add("exp", {kFloat8}, kFloat8, &ExpFloat);
  add("exp", {kNumeric}, kNumeric, &ExpNumeric);
  add("ln", {kFloat8}, kFloat8, &LnFloat);
  add("ln", {kNumeric}, kNumeric, &LnNumeric);
  add("log", {kFloat8}, kFloat8, &Log10Float);
  add("log10", {kFloat8}, kFloat8, &Log10Float);
  add("log", {kNumeric}, kNumeric, &Log10Numeric);
  add("log10", {kNumeric}, kNumeric, &Log10Numeric);
  add("log", {kNumeric, kNumeric}, kNumeric, &LogNumeric2);
  add("mod", {kInt2, kInt2}, kInt2, &ModOp);
  add("mod", {kInt4, kInt4}, kInt4, &ModOp);
  add("mod", {kInt8, kInt8}, kInt8, &ModOp);
  add("mod", {kNumeric, kNumeric}, kNumeric, &ModOp);
  add("div", {kNumeric, kNumeric}, kNumeric, &DivNumeric);
  add("gcd", {kInt4, kInt4}, kInt4, &Gcd);
  add("gcd", {kInt8, kInt8}, kInt8, &Gcd);
  add("gcd", {kNumeric, kNumeric}, kNumeric, &GcdN);
  add("lcm", {kInt4, kInt4}, kInt4, &Lcm);
  add("lcm", {kInt8, kInt8}, kInt8, &Lcm);
  add("lcm", {kNumeric, kNumeric}, kNumeric, &LcmN);
  add("factorial", {kInt8}, kNumeric, &Factorial);
  v.push_back({"random", FunctionInfo{{}, kFloat8, &Random, true, false, /*is_volatile=*/true}});
  v.push_back({"setseed", FunctionInfo{{kFloat8}, kVoid, &SetSeed, true, false, true}});
  add("pi", {}, kFloat8, &Pi);
  add("degrees", {kFloat8}, kFloat8, &Degrees);
  add("radians", {kFloat8}, kFloat8, &Radians);
  add("sin", {kFloat8}, kFloat8, &Trig<Sin, false>);
  add("cos", {kFloat8}, kFloat8, &Trig<Cos, false>);
  add("tan", {kFloat8}, kFloat8, &Trig<Tan, false>);
  add("asin", {kFloat8}, kFloat8, &Trig<Asin, true>);
  add("acos", {kFloat8}, kFloat8, &Trig<Acos, true>);
  add("atan", {kFloat8}, kFloat8, &Atan);
  add("atan2", {kFloat8, kFloat8}, kFloat8, &Atan2);
  add("cot", {kFloat8}, kFloat8, &Cot);
  add("width_bucket", {kFloat8, kFloat8, kFloat8, kInt4}, kInt4, &WidthBucketFloat);
  add("scale", {kNumeric}, kInt4, &Scale);
}

}  // namespace basalt::engine::sql
