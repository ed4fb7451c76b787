// Compare/Hash: PostgreSQL's btree order (NaN greatest and equal to itself,
// -0 = 0, bpchar ignoring trailing spaces, text in "C" collation order) and
// hash consistency, checked on fixed cases and on random values.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/numeric_value.hpp"

using namespace basalt::engine::sql;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Value Num(const char* text) { return NumericToValue(Numeric::Parse(text)); }

// Every pair and triple of `vals` must be a total order, and equal values must hash equally.
void CheckOrder(const std::vector<Value>& vals, TypeId t) {
  for (const auto& a : vals) {
    CHECK(Compare(a, a, t) == 0);
    for (const auto& b : vals) {
      int ab = Compare(a, b, t), ba = Compare(b, a, t);
      CHECK((ab > 0) - (ab < 0) == -((ba > 0) - (ba < 0)));
      if (ab == 0) CHECK(Hash(a, t) == Hash(b, t));
      for (const auto& c : vals) {
        if (ab <= 0 && Compare(b, c, t) <= 0) CHECK(Compare(a, c, t) <= 0);
      }
    }
  }
}
}  // namespace

TEST_CASE("float order: NaN largest and equal to NaN, -0 equals 0", "[types][compare]") {
  const TypeId t = TypeId::kFloat8;
  CHECK(Compare(Value::Float(kNaN), Value::Float(kNaN), t) == 0);
  CHECK(Compare(Value::Float(kNaN), Value::Float(kInf), t) > 0);
  CHECK(Compare(Value::Float(-kInf), Value::Float(-1e308), t) < 0);
  CHECK(Compare(Value::Float(-0.0), Value::Float(0.0), t) == 0);
  CHECK(Hash(Value::Float(-0.0), t) == Hash(Value::Float(0.0), t));
  CHECK(Hash(Value::Float(kNaN), t) == Hash(Value::Float(-kNaN), t));
}

TEST_CASE("numeric order is exact and ignores display scale", "[types][compare]") {
  const TypeId t = TypeId::kNumeric;
  CHECK(Compare(Num("NaN"), Num("1"), t) > 0);
  CHECK(Compare(Num("NaN"), Num("Infinity"), t) > 0);
  CHECK(Compare(Num("NaN"), Num("nan"), t) == 0);
  CHECK(Compare(Num("-Infinity"), Num("-1e1000"), t) < 0);
  CHECK(Compare(Num("1.0"), Num("1.00"), t) == 0);
  CHECK(Hash(Num("1.0"), t) == Hash(Num("1.00"), t));
  CHECK(Num("1.0") != Num("1.00"));  // the bytes keep the display scale
  CHECK(Compare(Num("-0.000"), Num("0"), t) == 0);
  // Beyond a double's 15-17 digits.
  CHECK(Compare(Num("9223372036854775807"), Num("9223372036854775806"), t) > 0);
  CHECK(Compare(Num("0.10000000000000000001"), Num("0.1"), t) > 0);
  CHECK(Compare(Num("2"), Num("10"), t) < 0);  // not bytewise
}

TEST_CASE("bpchar ignores trailing spaces, text is bytewise", "[types][compare]") {
  CHECK(Compare(Value::String("ab  "), Value::String("ab"), TypeId::kBpchar) == 0);
  CHECK(Hash(Value::String("ab  "), TypeId::kBpchar) == Hash(Value::String("ab"), TypeId::kBpchar));
  CHECK(Compare(Value::String("a\t"), Value::String("a  "), TypeId::kBpchar) > 0);
  CHECK(Compare(Value::String("ab  "), Value::String("ab"), TypeId::kText) > 0);
  CHECK(Compare(Value::String("ab"), Value::String("abc"), TypeId::kText) < 0);
  CHECK(Compare(Value::String("B"), Value::String("a"), TypeId::kText) < 0);  // COLLATE "C"
  CHECK(Compare(Value::String("\xC3\xA9"), Value::String("z"), TypeId::kText) > 0);
}

TEST_CASE("random values: Compare is a total order and Hash agrees with it", "[types][compare][property]") {
  std::mt19937_64 rng(42);
  std::vector<Value> ints, floats, numerics, strings, bools{Value::Bool(false), Value::Bool(true)};
  for (int i = 0; i < 40; ++i) {
    ints.push_back(Value::Int(static_cast<int64_t>(rng() % 7) - 3));
    ints.push_back(Value::Int(static_cast<int64_t>(rng())));
  }
  const double specials[] = {kNaN, -kNaN, kInf, -kInf, 0.0, -0.0, 1e-310, -1e-310, 1.5, -1.5};
  for (double d : specials) floats.push_back(Value::Float(d));
  for (int i = 0; i < 30; ++i) floats.push_back(Value::Float(static_cast<double>(static_cast<int>(rng() % 5)) / 2));
  for (const char* n : {"NaN", "Infinity", "-Infinity", "0", "-0.00", "1.5", "1.50", "-1.5", "1e-30", "-1e-30",
                        "123456789012345678901234567890", "123456789012345678901234567891"}) {
    numerics.push_back(Num(n));
  }
  for (int i = 0; i < 30; ++i) {
    // -10.00 .. 10.00 in steps of 0.01, 0.1 or 1, so equal values with different scales occur.
    std::string n = std::to_string(static_cast<int>(rng() % 21) - 10) + "e-" + std::to_string(rng() % 3);
    numerics.push_back(Num(n.c_str()));
  }
  const char* alphabet[] = {"", "a", " ", "b", "\xC3\xA9"};
  for (int i = 0; i < 40; ++i) {
    std::string s;
    for (int k = static_cast<int>(rng() % 4); k > 0; --k) s += alphabet[rng() % 5];
    strings.push_back(Value::String(s));
  }
  CheckOrder(ints, TypeId::kInt8);
  CheckOrder(floats, TypeId::kFloat8);
  CheckOrder(numerics, TypeId::kNumeric);
  CheckOrder(strings, TypeId::kText);
  CheckOrder(strings, TypeId::kBpchar);
  CheckOrder(bools, TypeId::kBool);
}
