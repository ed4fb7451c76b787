// Binary (typsend/typreceive) forms used by Bind parameters and binary results.
#include <catch2/catch.hpp>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/text_io.hpp"

using namespace basalt::engine;
using namespace basalt::engine::sql;

namespace {
std::string Bin(const Value& v, Type t) {
  std::string out;
  AppendBinary(v, t, out);
  return out;
}
}  // namespace

TEST_CASE("integers, floats and bool are big-endian like PostgreSQL's send functions", "[types][binary]") {
  REQUIRE(Bin(Value::Int(1), Type{TypeId::kInt4, -1}) == std::string("\0\0\0\1", 4));
  REQUIRE(Bin(Value::Int(-2), Type{TypeId::kInt2, -1}) == std::string("\xff\xfe", 2));
  REQUIRE(Bin(Value::Bool(true), Type{TypeId::kBool, -1}) == std::string("\1", 1));
  REQUIRE(Bin(Value::Float(1.0), Type{TypeId::kFloat8, -1}) == std::string("\x3f\xf0\0\0\0\0\0\0", 8));
  REQUIRE(ParseBinary(std::string("\xff\xff\xff\xff\xff\xff\xff\xfe", 8), Type{TypeId::kInt8, -1}).as_int() == -2);
  REQUIRE(ParseBinary(std::string("\x3f\xc0\0\0", 4), Type{TypeId::kFloat4, -1}).as_float() == 1.5);
  REQUIRE_THROWS_AS(ParseBinary(std::string("\0\1", 2), Type{TypeId::kInt4, -1}), DbError);
}

TEST_CASE("numeric binary is PostgreSQL's base-10000 digit array", "[types][binary]") {
  Type numeric{TypeId::kNumeric, -1};
  // 12.34: ndigits 2, weight 0, sign +, dscale 2, digits 12 3400.
  REQUIRE(Bin(ParseText("12.34", numeric), numeric) == std::string("\0\2\0\0\0\0\0\2\0\x0c\x0d\x48", 12));
  for (const char* text : {"0", "0.00", "1", "-1", "10000", "123456789.000123", "-0.0001", "0.5", "99999999.99",
                           "1e20", "NaN"}) {
    Value v = ParseText(text, numeric);
    REQUIRE(ToText(ParseBinary(Bin(v, numeric), numeric), numeric) == ToText(v, numeric));
  }
}
