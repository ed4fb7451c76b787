// Operator implementations. Error texts and the order of checks follow
// PostgreSQL 15: float_overflow_error/float_underflow_error/float_zero_divide_error
// in float.h, int4div's INT_MIN / -1 test, int4mod's "-1 gives 0" shortcut,
// dpow's explicit NaN and infinity rules. numeric's operators are Numeric's
// (numeric_arith.cpp, numeric_math.cpp).
#include "engine/sql/types/operator_functions.hpp"

#include <cerrno>
#include <climits>
#include <cmath>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/numeric_value.hpp"

namespace basalt::engine::sql::ops {
namespace {

[[noreturn]] void IntOutOfRange(TypeId t) {
  const char* name = t == TypeId::kInt2 ? "smallint" : t == TypeId::kInt4 ? "integer" : "bigint";
  throw DbError(SqlState::kNumericValueOutOfRange, fmt::format("{} out of range", name));
}

Value CheckedInt(int64_t x, TypeId t) {
  if (t == TypeId::kInt2 && (x < INT16_MIN || x > INT16_MAX)) IntOutOfRange(t);
  if (t == TypeId::kInt4 && (x < INT32_MIN || x > INT32_MAX)) IntOutOfRange(t);
  return Value::Int(x);
}

[[noreturn]] void DivisionByZero() { throw DbError(SqlState::kDivisionByZero, "division by zero"); }
[[noreturn]] void FloatOverflow() {
  throw DbError(SqlState::kNumericValueOutOfRange, "value out of range: overflow");
}
[[noreturn]] void FloatUnderflow() {
  throw DbError(SqlState::kNumericValueOutOfRange, "value out of range: underflow");
}

// float8_pl, float8_mi, float8_mul, float8_div from PostgreSQL's float.h,
// instantiated for float and double.
template <typename T>
T FAdd(T a, T b) {
  T r = a + b;
  if (std::isinf(r) && !std::isinf(a) && !std::isinf(b)) FloatOverflow();
  return r;
}
template <typename T>
T FSub(T a, T b) {
  T r = a - b;
  if (std::isinf(r) && !std::isinf(a) && !std::isinf(b)) FloatOverflow();
  return r;
}
template <typename T>
T FMul(T a, T b) {
  T r = a * b;
  if (std::isinf(r) && !std::isinf(a) && !std::isinf(b)) FloatOverflow();
  if (r == 0 && a != 0 && b != 0) FloatUnderflow();
  return r;
}
template <typename T>
T FDiv(T a, T b) {
  if (b == 0 && !std::isnan(a)) DivisionByZero();
  T r = a / b;
  if (std::isinf(r) && !std::isinf(a)) FloatOverflow();
  if (r == 0 && a != 0 && !std::isinf(b)) FloatUnderflow();
  return r;
}

float F4(const Value& v) { return static_cast<float>(v.as_float()); }

template <Numeric (*F)(const Numeric&, const Numeric&)>
Value NumericBinary(const Value& a, const Value& b) {
  return NumericToValue(F(NumericFromValue(a), NumericFromValue(b)));
}

void PowerDomainChecks(double x, double y) {
  if (x == 0 && y < 0) {
    throw DbError(SqlState::kInvalidArgumentForPowerFunction, "zero raised to a negative power is undefined");
  }
  if (x < 0 && std::floor(y) != y) {
    throw DbError(SqlState::kInvalidArgumentForPowerFunction,
                  "a negative number raised to a non-integer power yields a complex result");
  }
}

}  // namespace

Value IntAdd(const Value& a, const Value& b, TypeId t) {
  int64_t r;
  if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) IntOutOfRange(t);
  return CheckedInt(r, t);
}

Value IntSub(const Value& a, const Value& b, TypeId t) {
  int64_t r;
  if (__builtin_sub_overflow(a.as_int(), b.as_int(), &r)) IntOutOfRange(t);
  return CheckedInt(r, t);
}

Value IntMul(const Value& a, const Value& b, TypeId t) {
  int64_t r;
  if (__builtin_mul_overflow(a.as_int(), b.as_int(), &r)) IntOutOfRange(t);
  return CheckedInt(r, t);
}

Value IntDiv(const Value& a, const Value& b, TypeId t) {
  int64_t x = a.as_int(), y = b.as_int();
  if (y == 0) DivisionByZero();
  if (y == -1) {
    if (x == INT64_MIN) IntOutOfRange(t);
    return CheckedInt(-x, t);  // INT_MIN / -1 overflows the narrower types here
  }
  return CheckedInt(x / y, t);
}

Value IntMod(const Value& a, const Value& b, TypeId t) {
  int64_t x = a.as_int(), y = b.as_int();
  if (y == 0) DivisionByZero();
  if (y == -1) return Value::Int(0);  // INT_MIN % -1 is 0, not an overflow
  return Value::Int(x % y);
}

Value IntNeg(const Value& a, TypeId t) {
  if (a.as_int() == INT64_MIN) IntOutOfRange(t);
  return CheckedInt(-a.as_int(), t);
}

Value IntAbs(const Value& a, TypeId t) {
  if (a.as_int() == INT64_MIN) IntOutOfRange(t);
  return CheckedInt(a.as_int() < 0 ? -a.as_int() : a.as_int(), t);
}

Value Float8Add(const Value& a, const Value& b) { return Value::Float(FAdd(a.as_float(), b.as_float())); }
Value Float8Sub(const Value& a, const Value& b) { return Value::Float(FSub(a.as_float(), b.as_float())); }
Value Float8Mul(const Value& a, const Value& b) { return Value::Float(FMul(a.as_float(), b.as_float())); }
Value Float8Div(const Value& a, const Value& b) { return Value::Float(FDiv(a.as_float(), b.as_float())); }
Value Float4Add(const Value& a, const Value& b) { return Value::Float(FAdd(F4(a), F4(b))); }
Value Float4Sub(const Value& a, const Value& b) { return Value::Float(FSub(F4(a), F4(b))); }
Value Float4Mul(const Value& a, const Value& b) { return Value::Float(FMul(F4(a), F4(b))); }
Value Float4Div(const Value& a, const Value& b) { return Value::Float(FDiv(F4(a), F4(b))); }
Value FloatNeg(const Value& a) { return Value::Float(-a.as_float()); }
Value FloatAbs(const Value& a) { return Value::Float(std::fabs(a.as_float())); }

Value Float8Pow(const Value& a, const Value& b) {
  double x = a.as_float(), y = b.as_float();
  // POSIX: NaN ^ 0 = 1 and 1 ^ NaN = 1; other NaN inputs give NaN.
  if (std::isnan(x)) return Value::Float(std::isnan(y) || y != 0.0 ? NAN : 1.0);
  if (std::isnan(y)) return Value::Float(x != 1.0 ? NAN : 1.0);
  PowerDomainChecks(x, y);
  double r;
  if (std::isinf(y)) {
    double absx = std::fabs(x);
    if (absx == 1.0) r = 1.0;
    else if (y > 0) r = absx > 1.0 ? y : 0.0;
    else r = absx > 1.0 ? 0.0 : -y;
  } else if (std::isinf(x)) {
    if (y == 0.0) {
      r = 1.0;
    } else if (x > 0) {
      r = y > 0 ? x : 0.0;
    } else {
      double halfy = y / 2;
      bool odd = std::floor(halfy) != halfy;
      r = y > 0 ? (odd ? x : -x) : (odd ? -0.0 : 0.0);
    }
  } else {
    errno = 0;
    r = std::pow(x, y);
    if (errno == EDOM || std::isnan(r)) {
      if (x == 0.0) {
        r = 0.0;
      } else {
        double absx = std::fabs(x);
        if (absx == 1.0) r = 1.0;
        else if (y >= 0.0 ? absx > 1.0 : absx < 1.0) FloatOverflow();
        else FloatUnderflow();
      }
    } else if (errno == ERANGE) {
      if (r != 0.0) FloatOverflow();
      FloatUnderflow();
    } else {
      if (std::isinf(r)) FloatOverflow();
      if (r == 0.0 && x != 0.0) FloatUnderflow();
    }
  }
  return Value::Float(r);
}

Value Float8Sqrt(const Value& a) {
  double x = a.as_float();
  if (x < 0) {
    throw DbError(SqlState::kInvalidArgumentForPowerFunction, "cannot take square root of a negative number");
  }
  return Value::Float(std::sqrt(x));
}

Value NumericAdd(const Value& a, const Value& b) { return NumericBinary<Numeric::Add>(a, b); }
Value NumericSub(const Value& a, const Value& b) { return NumericBinary<Numeric::Sub>(a, b); }
Value NumericMul(const Value& a, const Value& b) { return NumericBinary<Numeric::Mul>(a, b); }
Value NumericDiv(const Value& a, const Value& b) { return NumericBinary<Numeric::Div>(a, b); }
Value NumericMod(const Value& a, const Value& b) { return NumericBinary<Numeric::Mod>(a, b); }
Value NumericPow(const Value& a, const Value& b) { return NumericBinary<Numeric::Power>(a, b); }
Value NumericNeg(const Value& a) { return NumericToValue(NumericFromValue(a).Neg()); }
Value NumericAbs(const Value& a) { return NumericToValue(NumericFromValue(a).Abs()); }

Value TextConcat(const Value& a, const Value& b) {
  std::string s;
  s.reserve(a.as_string().size() + b.as_string().size());
  s += a.as_string();
  s += b.as_string();
  return Value::String(std::move(s));
}

}  // namespace basalt::engine::sql::ops
