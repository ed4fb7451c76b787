// bytea, uuid, "char", arrays, int2vector/oidvector, json and jsonb: text
// and binary codecs and invalid input. Expected texts are PostgreSQL 15's
// output for the same input (checked with psql against a real server).
#include <catch2/catch.hpp>

#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/json_value.hpp"
#include "engine/sql/types/text_io.hpp"
#include "engine/sql/types/typmod.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;

namespace {

std::string RoundTrip(std::string_view text, TypeId id) {
  Type t{id, -1};
  return ToText(ParseText(text, t), t);
}

std::string BinaryRoundTrip(std::string_view text, TypeId id) {
  Type t{id, -1};
  std::string bytes;
  AppendBinary(ParseText(text, t), t, bytes);
  return ToText(ParseBinary(bytes, t), t);
}

}  // namespace

TEST_CASE("new type catalog facts", "[types][containers]") {
  CHECK(TypeOid(TypeId::kBytea) == 17);
  CHECK(TypeOid(TypeId::kUuid) == 2950);
  CHECK(TypeOid(TypeId::kJson) == 114);
  CHECK(TypeOid(TypeId::kJsonb) == 3802);
  CHECK(TypeOid(TypeId::kChar) == 18);
  CHECK(TypeOid(TypeId::kInt2Vector) == 22);
  CHECK(TypeOid(TypeId::kOidVector) == 30);
  CHECK(TypeOid(TypeId::kInt4Array) == 1007);
  CHECK(TypeOid(TypeId::kTextArray) == 1009);
  CHECK(TypeOid(TypeId::kOidArray) == 1028);
  CHECK(TypeOid(TypeId::kJsonbArray) == 3807);
  CHECK(TypeFromOid(1009) == TypeId::kTextArray);
  CHECK(TypeFromOid(2951) == TypeId::kUuidArray);
  CHECK(ArrayTypeOf(TypeId::kInt8) == TypeId::kInt8Array);
  CHECK(ArrayElementType(TypeId::kNameArray) == TypeId::kName);
  CHECK(ArrayElementType(TypeId::kOidVector) == TypeId::kOid);
  CHECK(FormatType(Type{TypeId::kVarcharArray, CharTypmod(10)}) == "character varying(10)[]");
  CHECK(FormatType(Type{TypeId::kInt4Array, -1}) == "integer[]");
  CHECK(FormatType(Type{TypeId::kChar, -1}) == "\"char\"");
  CHECK(TypeInternalName(TypeId::kInt4Array) == "_int4");
  auto t = LookupType({"pg_catalog", "int4"}, {}, 1);
  REQUIRE(t);
  CHECK(t->id == TypeId::kInt4Array);
  auto u = LookupType({"_text"}, {});
  REQUIRE(u);
  CHECK(u->id == TypeId::kTextArray);
}

TEST_CASE("bytea text and binary", "[types][bytea]") {
  CHECK(RoundTrip("\\x0001ff", TypeId::kBytea) == "\\x0001ff");
  CHECK(RoundTrip("\\xDEAD beef", TypeId::kBytea) == "\\xdeadbeef");
  CHECK(RoundTrip("abc", TypeId::kBytea) == "\\x616263");
  CHECK(RoundTrip("a\\\\b\\001\\377", TypeId::kBytea) == "\\x615c6201ff");
  CHECK(BinaryRoundTrip("\\x00ff", TypeId::kBytea) == "\\x00ff");
  auto odd = Capture([] { return RoundTrip("\\x0", TypeId::kBytea); });
  CHECK(odd.sqlstate == "22023");
  CHECK(odd.message == "invalid hexadecimal data: odd number of digits");
  auto digit = Capture([] { return RoundTrip("\\xzz", TypeId::kBytea); });
  CHECK(digit.message == "invalid hexadecimal digit: \"z\"");
  auto esc = Capture([] { return RoundTrip("a\\", TypeId::kBytea); });
  CHECK(esc.sqlstate == "22P02");
  CHECK(esc.message == "invalid input syntax for type bytea");
}

TEST_CASE("uuid and char", "[types][uuid]") {
  CHECK(RoundTrip("{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}", TypeId::kUuid) == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  CHECK(BinaryRoundTrip("a0eebc999c0b4ef8bb6d6bb9bd380a11", TypeId::kUuid) == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  auto bad = Capture([] { return RoundTrip("a0eebc99-9c0b", TypeId::kUuid); });
  CHECK(bad.sqlstate == "22P02");
  CHECK(bad.message == "invalid input syntax for type uuid: \"a0eebc99-9c0b\"");
  CHECK(RoundTrip("abc", TypeId::kChar) == "a");
  CHECK(RoundTrip("\\101", TypeId::kChar) == "A");
  CHECK(RoundTrip("\\377", TypeId::kChar) == "\\377");
  CHECK(RoundTrip("", TypeId::kChar) == "");
}

TEST_CASE("array text form", "[types][array]") {
  CHECK(RoundTrip("{1,2,3}", TypeId::kInt4Array) == "{1,2,3}");
  CHECK(RoundTrip(" { 1 , NULL ,3 } ", TypeId::kInt4Array) == "{1,NULL,3}");
  CHECK(RoundTrip("{}", TypeId::kTextArray) == "{}");
  CHECK(RoundTrip("{a,\"b c\",NULL,\"NULL\",\"\",\"x\\\"y\",\"back\\\\slash\",'q'}", TypeId::kTextArray) ==
        "{a,\"b c\",NULL,\"NULL\",\"\",\"x\\\"y\",\"back\\\\slash\",'q'}");
  CHECK(RoundTrip("{a\\,b, c d }", TypeId::kTextArray) == "{\"a,b\",\"c d\"}");
  CHECK(RoundTrip("{{1,2},{3,4}}", TypeId::kInt4Array) == "{{1,2},{3,4}}");
  CHECK(RoundTrip("[0:2]={1,2,3}", TypeId::kInt4Array) == "[0:2]={1,2,3}");
  CHECK(RoundTrip("{\\\\x01}", TypeId::kByteaArray) == "{\"\\\\x01\"}");
  CHECK(RoundTrip("1 2 3", TypeId::kInt2Vector) == "1 2 3");
  CHECK(RoundTrip("", TypeId::kOidVector) == "");
  auto start = Capture([] { return RoundTrip("1,2", TypeId::kInt4Array); });
  CHECK(start.sqlstate == "22P02");
  CHECK(start.message == "malformed array literal: \"1,2\"");
  CHECK(start.detail == "Array value must start with \"{\" or dimension information.");
  auto end = Capture([] { return RoundTrip("{1,2", TypeId::kInt4Array); });
  CHECK(end.detail == "Unexpected end of input.");
  auto junk = Capture([] { return RoundTrip("{1}x", TypeId::kInt4Array); });
  CHECK(junk.detail == "Junk after closing right brace.");
  auto dims = Capture([] { return RoundTrip("{{1,2},{3}}", TypeId::kInt4Array); });
  CHECK(dims.detail == "Multidimensional arrays must have sub-arrays with matching dimensions.");
  auto elem = Capture([] { return RoundTrip("{1,x}", TypeId::kInt4Array); });
  CHECK(elem.message == "invalid input syntax for type integer: \"x\"");
}

TEST_CASE("array binary form", "[types][array]") {
  CHECK(BinaryRoundTrip("{1,NULL,3}", TypeId::kInt4Array) == "{1,NULL,3}");
  CHECK(BinaryRoundTrip("{a,\"b c\"}", TypeId::kTextArray) == "{a,\"b c\"}");
  CHECK(BinaryRoundTrip("{}", TypeId::kOidArray) == "{}");
  CHECK(BinaryRoundTrip("[0:1]={1.5,2}", TypeId::kNumericArray) == "[0:1]={1.5,2}");
  CHECK(BinaryRoundTrip("1 2", TypeId::kInt2Vector) == "1 2");
  std::string bytes;
  AppendBinary(ParseText("{7}", Type{TypeId::kInt4Array, -1}), Type{TypeId::kInt4Array, -1}, bytes);
  CHECK(bytes == std::string("\0\0\0\1\0\0\0\0\0\0\0\x17\0\0\0\1\0\0\0\1\0\0\0\4\0\0\0\7", 28));
  auto wrong = Capture([&] { return ToText(ParseBinary(bytes, Type{TypeId::kInt8Array, -1}), Type{TypeId::kInt8Array, -1}); });
  CHECK(wrong.sqlstate == "42804");
  CHECK(wrong.message == "binary data has array element type 23 (integer) instead of expected 20 (bigint)");
}

TEST_CASE("array comparison", "[types][array]") {
  auto v = [](const char* s) { return ParseText(s, Type{TypeId::kInt4Array, -1}); };
  CHECK(Compare(v("{1,2}"), v("{1,2,3}"), TypeId::kInt4Array) < 0);
  CHECK(Compare(v("{1,3}"), v("{1,2,3}"), TypeId::kInt4Array) > 0);
  CHECK(Compare(v("{1,NULL}"), v("{1,5}"), TypeId::kInt4Array) > 0);
  CHECK(Compare(v("{}"), v("{1}"), TypeId::kInt4Array) < 0);
  auto n = [](const char* s) { return ParseText(s, Type{TypeId::kNumericArray, -1}); };
  CHECK(Compare(n("{1.0}"), n("{1.00}"), TypeId::kNumericArray) == 0);
  CHECK(Hash(n("{1.0}"), TypeId::kNumericArray) == Hash(n("{1.00}"), TypeId::kNumericArray));
}

TEST_CASE("json and jsonb text", "[types][json]") {
  CHECK(RoundTrip("{\"b\":1,  \"a\" : [1,2]}", TypeId::kJson) == "{\"b\":1,  \"a\" : [1,2]}");
  CHECK(RoundTrip("{\"bb\":1, \"a\":{\"y\":null,\"x\":true}, \"aa\":2, \"a\":3}", TypeId::kJsonb) ==
        "{\"a\": 3, \"aa\": 2, \"bb\": 1}");
  CHECK(RoundTrip("[1.50, 1e2, -0, 0.0100, \"\\u00e9\\n\"]", TypeId::kJsonb) == "[1.50, 100, 0, 0.0100, \"é\\n\"]");
  CHECK(RoundTrip(" \"x\" ", TypeId::kJsonb) == "\"x\"");
  CHECK(BinaryRoundTrip("{\"a\":1}", TypeId::kJsonb) == "{\"a\": 1}");
  std::string bytes;
  AppendBinary(ParseText("[]", Type{TypeId::kJsonb, -1}), Type{TypeId::kJsonb, -1}, bytes);
  CHECK(bytes == std::string("\1[]", 3));
  auto bad = Capture([] { return RoundTrip("{\"a\" 1}", TypeId::kJson); });
  CHECK(bad.sqlstate == "22P02");
  CHECK(bad.message == "invalid input syntax for type json");
  CHECK(bad.detail == "Expected \":\", but found \"1\".");
  auto token = Capture([] { return RoundTrip("[tru]", TypeId::kJsonb); });
  CHECK(token.detail == "Token \"tru\" is invalid.");
  auto eof = Capture([] { return RoundTrip("[1,", TypeId::kJsonb); });
  CHECK(eof.detail == "The input string ended unexpectedly.");
  auto nul = Capture([] { return RoundTrip("\"\\u0000\"", TypeId::kJsonb); });
  CHECK(nul.sqlstate == "22P05");
  CHECK(RoundTrip("\"\\u0000\"", TypeId::kJson) == "\"\\u0000\"");
  std::string pretty;
  AppendJsonbPretty(JsonbTree("{\"a\": [1, 2], \"b\": {}}"), pretty);
  CHECK(pretty == "{\n    \"a\": [\n        1,\n        2\n    ],\n    \"b\": {\n    }\n}");
}

TEST_CASE("jsonb ordering", "[types][json]") {
  auto j = [](const char* s) { return ParseText(s, Type{TypeId::kJsonb, -1}); };
  CHECK(Compare(j("[1,[2]]"), j("[[1],2]"), TypeId::kJsonb) < 0);
  CHECK(Compare(j("1"), j("[]"), TypeId::kJsonb) > 0);
  CHECK(Compare(j("1.0"), j("1"), TypeId::kJsonb) == 0);
  CHECK(Compare(j("{\"a\":1}"), j("[1,2,3]"), TypeId::kJsonb) > 0);
  CHECK(Compare(j("null"), j("\"a\""), TypeId::kJsonb) < 0);
  CHECK(Compare(j("true"), j("1"), TypeId::kJsonb) > 0);
}

TEST_CASE("casts among the new types", "[types][containers]") {
  Type text{TypeId::kText, -1};
  CHECK(ToText(Cast(ParseText("{1,2}", Type{TypeId::kInt4Array, -1}), Type{TypeId::kInt4Array, -1},
                    Type{TypeId::kTextArray, -1}, CastContext::kExplicit),
               Type{TypeId::kTextArray, -1}) == "{1,2}");
  CHECK(ToText(Cast(Value::String("{\"b\":1,\"a\":2}"), Type{TypeId::kJson, -1}, Type{TypeId::kJsonb, -1},
                    CastContext::kAssignment),
               Type{TypeId::kJsonb, -1}) == "{\"a\": 2, \"b\": 1}");
  CHECK(ToText(Cast(ParseText("1 2", Type{TypeId::kInt2Vector, -1}), Type{TypeId::kInt2Vector, -1},
                    Type{TypeId::kInt2Array, -1}, CastContext::kImplicit),
               Type{TypeId::kInt2Array, -1}) == "[0:1]={1,2}");
  CHECK(CanCast(TypeId::kInt4Array, TypeId::kInt8Array, CastContext::kImplicit));
  CHECK(!CanCast(TypeId::kInt8Array, TypeId::kInt4Array, CastContext::kImplicit));
  CHECK(CanCast(TypeId::kBytea, TypeId::kText, CastContext::kAssignment));
  CHECK(!CanCast(TypeId::kText, TypeId::kJsonb, CastContext::kAssignment));
  CHECK(ToText(Cast(Value::String("abc"), text, Type{TypeId::kChar, -1}, CastContext::kAssignment),
               Type{TypeId::kChar, -1}) == "a");
}
