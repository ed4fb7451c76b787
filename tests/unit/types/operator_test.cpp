// Named operator-resolution and arithmetic cases (the exhaustive comparison
// with PostgreSQL 15 is golden_operator_test.cpp); the expectations are
// PostgreSQL 15's results for the same expressions.
#include <catch2/catch.hpp>

#include "engine/sql/types/operators.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;

TEST_CASE("resolution follows PostgreSQL's cross-type rules", "[types][operators]") {
  auto r = ResolveOperator("+", TypeId::kInt4, TypeId::kInt8);
  REQUIRE(r);
  CHECK(r->result == TypeId::kInt8);
  CHECK(r->left == TypeId::kInt4);
  CHECK(r->proc_name == "int48pl");
  r = ResolveOperator("+", TypeId::kInt2, TypeId::kInt4);
  CHECK(r->result == TypeId::kInt4);
  r = ResolveOperator("+", TypeId::kInt4, TypeId::kFloat8);
  CHECK((r->left == TypeId::kFloat8 && r->result == TypeId::kFloat8));
  r = ResolveOperator("*", TypeId::kInt4, TypeId::kNumeric);
  CHECK((r->left == TypeId::kNumeric && r->result == TypeId::kNumeric));
  r = ResolveOperator("+", TypeId::kInt4, TypeId::kFloat4);  // float84pl
  CHECK((r->left == TypeId::kFloat8 && r->right == TypeId::kFloat4 && r->result == TypeId::kFloat8));
  r = ResolveOperator("=", TypeId::kText, TypeId::kVarchar);
  CHECK((r->left == TypeId::kText && r->right == TypeId::kText));
  r = ResolveOperator("=", TypeId::kBpchar, TypeId::kBpchar);
  CHECK(r->left == TypeId::kBpchar);
  r = ResolveOperator("=", TypeId::kUnknown, TypeId::kInt4);
  CHECK((r->left == TypeId::kInt4 && r->right == TypeId::kInt4));
  r = ResolveOperator("||", TypeId::kUnknown, TypeId::kUnknown);
  CHECK((r->left == TypeId::kText && r->result == TypeId::kText && r->proc_name == "textcat"));
  r = ResolveOperator("=", TypeId::kUnknown, TypeId::kUnknown);
  CHECK((r->left == TypeId::kText && r->right == TypeId::kText));
  r = ResolveOperator("||", TypeId::kText, TypeId::kInt4);
  CHECK((r->proc_name == "textanycat" && r->arg_cast_context == CastContext::kExplicit));
  CHECK_FALSE(ResolveOperator("=", TypeId::kInt4, TypeId::kBool));
  CHECK_FALSE(ResolveOperator("||", TypeId::kInt4, TypeId::kInt4));
  CHECK(ResolveOperatorDetailed("+", TypeId::kUnknown, TypeId::kUnknown).status == OperatorLookup::kAmbiguous);
  CHECK(ResolveOperatorDetailed("-", TypeId::kVoid, TypeId::kUnknown).status == OperatorLookup::kAmbiguous);
  auto u = ResolveUnaryOperator("-", TypeId::kInt4);
  CHECK((u && u->unary_fn && u->result == TypeId::kInt4));
}

TEST_CASE("resolution errors carry PostgreSQL's text", "[types][operators]") {
  auto e = Capture([] { return std::string(ResolveOperatorOrThrow("=", TypeId::kInt4, TypeId::kBool).proc_name); });
  CHECK(e.sqlstate == "42883");
  CHECK(e.message == "operator does not exist: integer = boolean");
  e = Capture([] { return std::string(ResolveOperatorOrThrow("+", TypeId::kUnknown, TypeId::kUnknown).proc_name); });
  CHECK(e.sqlstate == "42725");
  CHECK(e.message == "operator is not unique: unknown + unknown");
  e = Capture([] { return std::string(ResolveOperatorOrThrow("-", TypeId::kVoid, TypeId::kBool).proc_name); });
  CHECK(e.message == "operator does not exist: - boolean");
  e = Capture([] { return std::string(ResolveOperatorOrThrow("=", TypeId::kBpchar, TypeId::kInt4).proc_name); });
  CHECK(e.message == "operator does not exist: character = integer");
}

TEST_CASE("operators are strict and keep PostgreSQL's overflow rules", "[types][operators]") {
  auto add = ResolveOperator("+", TypeId::kInt4, TypeId::kInt4);
  CHECK(add->fn(Value::Null(), Value::Int(1)).is_null());
  auto e = Capture([&] { return std::to_string(add->fn(Value::Int(2147483647), Value::Int(1)).as_int()); });
  CHECK(e.sqlstate == "22003");
  CHECK(e.message == "integer out of range");
  auto div = ResolveOperator("/", TypeId::kInt8, TypeId::kInt8);
  e = Capture([&] { return std::to_string(div->fn(Value::Int(INT64_MIN), Value::Int(-1)).as_int()); });
  CHECK(e.message == "bigint out of range");
  e = Capture([&] { return std::to_string(div->fn(Value::Int(1), Value::Int(0)).as_int()); });
  CHECK(e.sqlstate == "22012");
  CHECK(div->fn(Value::Int(-7), Value::Int(2)).as_int() == -3);
  auto mod = ResolveOperator("%", TypeId::kInt4, TypeId::kInt4);
  CHECK(mod->fn(Value::Int(INT32_MIN), Value::Int(-1)).as_int() == 0);
  CHECK(mod->fn(Value::Int(-7), Value::Int(2)).as_int() == -1);
  auto fmul = ResolveOperator("*", TypeId::kFloat8, TypeId::kFloat8);
  e = Capture([&] { return std::to_string(fmul->fn(Value::Float(1e-200), Value::Float(1e-200)).as_float()); });
  CHECK(e.message == "value out of range: underflow");
  e = Capture([&] { return std::to_string(fmul->fn(Value::Float(1e308), Value::Float(10)).as_float()); });
  CHECK(e.message == "value out of range: overflow");
}
