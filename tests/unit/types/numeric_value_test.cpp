// numeric as the executor sees it: Value::String(Numeric::Serialize()) going
// through text I/O, casts, operators, Compare/Hash. Expected values are
// PostgreSQL 15's answers to the same SQL (psql against a 15.x server).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/numeric_value.hpp"
#include "engine/sql/types/operators.hpp"
#include "engine/sql/types/text_io.hpp"
#include "engine/sql/types/typmod.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;

namespace {

const Type kNum{TypeId::kNumeric, -1};

Value Num(std::string_view text) { return ParseText(text, kNum); }
std::string Text(const Value& v, Type t = kNum) { return ToText(v, t); }

// `left op right` as the binder runs it: resolve, cast both sides, call.
std::string Eval(std::string_view op, TypeId lt, std::string_view l, TypeId rt, std::string_view r) {
  OperatorInfo info = ResolveOperatorOrThrow(op, lt, rt);
  Value a = Cast(ParseText(l, Type{lt, -1}), Type{lt, -1}, Type{info.left, -1}, info.arg_cast_context);
  Value b = Cast(ParseText(r, Type{rt, -1}), Type{rt, -1}, Type{info.right, -1}, info.arg_cast_context);
  return ToText(info.fn(a, b), Type{info.result, -1});
}

}  // namespace

TEST_CASE("Value::String overloads accept every string kind", "[types][value]") {
  std::string s = "abc";
  const std::string cs = "abc";
  std::string_view sv = s;
  char buf[] = "abc";
  const char* p = buf;
  CHECK(Value::String("abc").as_string() == "abc");  // const char[4]
  CHECK(Value::String(s).as_string() == "abc");
  CHECK(Value::String(cs).as_string() == "abc");
  CHECK(Value::String(sv).as_string() == "abc");
  CHECK(Value::String(buf).as_string() == "abc");
  CHECK(Value::String(p).as_string() == "abc");
  CHECK(Value::String(std::string("ab") + "c").as_string() == "abc");
  CHECK(Value::String(std::move(s)).as_string() == "abc");
}

TEST_CASE("numeric Values are exact serialized Numerics", "[types][numeric][value]") {
  CHECK(PhysicalKindOf(TypeId::kNumeric) == PhysicalKind::kString);
  Value v = Num(" 1.50 ");
  CHECK(v.kind() == Value::Kind::kString);
  CHECK(NumericFromValue(v).ToString() == "1.50");
  CHECK(Text(v) == "1.50");
  CHECK(Text(Num("12345678901234567890.123456789")) == "12345678901234567890.123456789");
  CHECK(Text(ParseText("2.345", Type{TypeId::kNumeric, NumericTypmod(10, 2)})) == "2.35");
  // typmod applies on input; output prints the stored scale.
  CHECK(Text(ParseText("2", Type{TypeId::kNumeric, NumericTypmod(10, 2)})) == "2.00");
  auto e = Capture([] { return Text(ParseText("1000", Type{TypeId::kNumeric, NumericTypmod(5, 2)})); });
  CHECK(e.sqlstate == "22003");
  CHECK(e.message == "numeric field overflow");
  CHECK(e.detail == "A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
}

TEST_CASE("numeric casts are PostgreSQL's", "[types][numeric][casts]") {
  auto cast = [](const Value& v, TypeId from, Type to) {
    return Capture([&] { return ToText(Cast(v, Type{from, -1}, to, CastContext::kExplicit), to); });
  };
  // SELECT 'NaN'::numeric::int
  auto r = cast(Num("NaN"), TypeId::kNumeric, Type{TypeId::kInt4, -1});
  CHECK(r.sqlstate == "0A000");
  CHECK(r.message == "cannot convert NaN to integer");
  r = cast(Num("-Infinity"), TypeId::kNumeric, Type{TypeId::kInt8, -1});
  CHECK(r.message == "cannot convert infinity to bigint");
  CHECK(*cast(Num("9223372036854775807"), TypeId::kNumeric, Type{TypeId::kInt8, -1}).text == "9223372036854775807");
  CHECK(*cast(Num("-2.5"), TypeId::kNumeric, Type{TypeId::kInt2, -1}).text == "-3");
  CHECK(cast(Num("9223372036854775807.5"), TypeId::kNumeric, Type{TypeId::kInt8, -1}).message == "bigint out of range");
  CHECK(*cast(Value::Int(INT64_MIN), TypeId::kInt8, kNum).text == "-9223372036854775808");
  CHECK(*cast(Value::Float(0.1), TypeId::kFloat8, kNum).text == "0.1");
  CHECK(*cast(Value::Float(1.0 / 3), TypeId::kFloat8, kNum).text == "0.333333333333333");
  CHECK(*cast(Value::Float(static_cast<float>(1.0 / 3)), TypeId::kFloat4, kNum).text == "0.333333");
  CHECK(*cast(Num("0.1"), TypeId::kNumeric, Type{TypeId::kFloat8, -1}).text == "0.1");
  CHECK(*cast(Num("1e39"), TypeId::kNumeric, Type{TypeId::kFloat8, -1}).text == "1e+39");
  r = cast(Num("1e39"), TypeId::kNumeric, Type{TypeId::kFloat4, -1});
  CHECK(r.sqlstate == "22003");
  CHECK(r.message == "\"1000000000000000000000000000000000000000\" is out of range for type real");
  CHECK(*cast(Num("1.005"), TypeId::kNumeric, Type{TypeId::kNumeric, NumericTypmod(5, 2)}).text == "1.01");
  CHECK(*cast(Num("1.5"), TypeId::kNumeric, Type{TypeId::kText, -1}).text == "1.5");
  CHECK(*cast(Value::String(" 1.50 "), TypeId::kText, kNum).text == "1.50");
  CHECK(*cast(Value::String("7.25"), TypeId::kVarchar, Type{TypeId::kNumeric, NumericTypmod(3, 1)}).text == "7.3");
}

TEST_CASE("numeric operators are exact; int and float mix as in PostgreSQL", "[types][numeric][operators]") {
  using I = TypeId;
  CHECK(Eval("+", I::kNumeric, "0.1", I::kNumeric, "0.2") == "0.3");
  CHECK(Eval("/", I::kNumeric, "1", I::kNumeric, "3") == "0.33333333333333333333");
  CHECK(Eval("*", I::kNumeric, "1.10", I::kNumeric, "2.5") == "2.750");
  CHECK(Eval("%", I::kNumeric, "1.5", I::kNumeric, "0.1") == "0.0");
  CHECK(Eval("^", I::kNumeric, "2", I::kNumeric, "100") == "1267650600228229401496703205376.0000000000000000");
  // int4 + numeric resolves to numeric + numeric (SELECT 1 + 1.5 = 2.5).
  auto info = ResolveOperator("+", I::kInt4, I::kNumeric);
  REQUIRE(info);
  CHECK((info->left == I::kNumeric && info->right == I::kNumeric && info->result == I::kNumeric));
  CHECK(Eval("+", I::kInt4, "1", I::kNumeric, "1.5") == "2.5");
  CHECK(Eval("*", I::kInt8, "9223372036854775807", I::kNumeric, "10") == "92233720368547758070");
  // float8 + numeric resolves to float8 (SELECT 1.5::float8 + 2.5::numeric = 4).
  info = ResolveOperator("+", I::kFloat8, I::kNumeric);
  REQUIRE(info);
  CHECK((info->left == I::kFloat8 && info->right == I::kFloat8 && info->result == I::kFloat8));
  CHECK(Eval("+", I::kFloat8, "1.5", I::kNumeric, "2.5") == "4");
  CHECK(Eval("<", I::kNumeric, "9223372036854775806", I::kInt8, "9223372036854775807") == "t");
  CHECK(Eval("=", I::kNumeric, "1.0", I::kNumeric, "1.000") == "t");
  auto neg = ResolveUnaryOperator("-", I::kNumeric);
  REQUIRE(neg);
  CHECK(Text(neg->unary_fn(Num("1.50"))) == "-1.50");
  auto e = Capture([] { return Eval("/", I::kNumeric, "1", I::kNumeric, "0"); });
  CHECK(e.sqlstate == "22012");
  CHECK(e.message == "division by zero");
}

TEST_CASE("numeric Compare and Hash agree on equal values of any scale", "[types][numeric][compare]") {
  CHECK(Compare(Num("1.0"), Num("1.00"), TypeId::kNumeric) == 0);
  CHECK(Hash(Num("1.0"), TypeId::kNumeric) == Hash(Num("1.00"), TypeId::kNumeric));
  CHECK(Compare(Num("2"), Num("10"), TypeId::kNumeric) < 0);
  CHECK(Compare(Num("NaN"), Num("Infinity"), TypeId::kNumeric) > 0);
}
