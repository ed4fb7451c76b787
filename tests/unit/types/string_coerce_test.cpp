// char(n)/varchar(n)/name length rules. Expected values from PostgreSQL 15:
// INSERT into char(3)/varchar(3) columns (assignment), ::char(3) (explicit).
#include <catch2/catch.hpp>

#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/string_coerce.hpp"
#include "engine/sql/types/typmod.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;

namespace {
const Type kChar3{TypeId::kBpchar, CharTypmod(3)};
const Type kVarchar3{TypeId::kVarchar, CharTypmod(3)};
const Type kText{TypeId::kText, -1};
const Type kUnknown{TypeId::kUnknown, -1};

std::string CastStr(const std::string& s, Type from, Type to, CastContext ctx) {
  return Cast(Value::String(s), from, to, ctx).as_string();
}
}  // namespace

TEST_CASE("char(n) input pads and rejects non-space overflow", "[types][strings]") {
  CHECK(ParseText("ab", kChar3).as_string() == "ab ");
  CHECK(ParseText("abc   ", kChar3).as_string() == "abc");
  CHECK(ParseText("\xC3\xA9\xC3\xA9", kChar3).as_string() == "\xC3\xA9\xC3\xA9 ");  // 'éé' -> 5 bytes
  auto e = Capture([] { return ParseText("abcd", kChar3).as_string(); });
  CHECK(e.sqlstate == "22001");
  CHECK(e.message == "value too long for type character(3)");
  e = Capture([] { return ParseText("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", kChar3).as_string(); });
  CHECK(e.message == "value too long for type character(3)");
  CHECK(ParseText("abcdef", Type{TypeId::kBpchar, -1}).as_string() == "abcdef");
}

TEST_CASE("varchar(n) input keeps length and cuts only spaces", "[types][strings]") {
  CHECK(ParseText("ab", kVarchar3).as_string() == "ab");
  CHECK(ParseText("abc  ", kVarchar3).as_string() == "abc");
  CHECK(ParseText("\xC3\xA9\xC3\xA9\xC3\xA9  ", kVarchar3).as_string() == "\xC3\xA9\xC3\xA9\xC3\xA9");
  auto e = Capture([] { return ParseText("abcd", kVarchar3).as_string(); });
  CHECK(e.sqlstate == "22001");
  CHECK(e.message == "value too long for type character varying(3)");
}

TEST_CASE("explicit casts truncate, assignment casts raise", "[types][strings]") {
  CHECK(CastStr("abcdef", kUnknown, kVarchar3, CastContext::kExplicit) == "abc");
  CHECK(CastStr("abcdefgh", kUnknown, kChar3, CastContext::kExplicit) == "abc");
  CHECK(CastStr("ab", kUnknown, kChar3, CastContext::kExplicit) == "ab ");
  CHECK(CastStr("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", kText, kVarchar3, CastContext::kExplicit) ==
        "\xC3\xA9\xC3\xA9\xC3\xA9");
  auto e = Capture([] { return CastStr("abcd", kText, kVarchar3, CastContext::kAssignment); });
  CHECK(e.sqlstate == "22001");
  CHECK(e.message == "value too long for type character varying(3)");
  e = Capture([] { return CastStr("abcd", kUnknown, kChar3, CastContext::kAssignment); });
  CHECK(e.message == "value too long for type character(3)");
  // 12345 into a varchar(3) column: the int -> varchar I/O cast is assignment.
  e = Capture([] {
    return Cast(Value::Int(12345), Type{TypeId::kInt4, -1}, kVarchar3, CastContext::kAssignment).as_string();
  });
  CHECK(e.message == "value too long for type character varying(3)");
  CHECK(Cast(Value::Int(123456), Type{TypeId::kInt4, -1}, kVarchar3, CastContext::kExplicit).as_string() == "123");
}

TEST_CASE("bpchar loses its padding when it becomes text", "[types][strings]") {
  CHECK(CastStr("ab ", kChar3, kText, CastContext::kImplicit) == "ab");
  CHECK(CastStr("ab ", kChar3, Type{TypeId::kVarchar, -1}, CastContext::kImplicit) == "ab");
  CHECK(CastStr("ab   ", Type{TypeId::kBpchar, CharTypmod(5)}, Type{TypeId::kName, -1}, CastContext::kImplicit) ==
        "ab");
  CHECK(CastStr("abc", Type{TypeId::kName, -1}, Type{TypeId::kBpchar, CharTypmod(2)}, CastContext::kExplicit) ==
        "ab");
}

TEST_CASE("name keeps at most 63 bytes, cut at a character boundary", "[types][strings]") {
  CHECK(ParseText(std::string(70, 'x'), Type{TypeId::kName, -1}).as_string() == std::string(63, 'x'));
  std::string e40;
  for (int i = 0; i < 40; ++i) e40 += "\xC3\xA9";
  std::string got = ParseText(e40, Type{TypeId::kName, -1}).as_string();
  CHECK(got.size() == 62);  // PostgreSQL: length 31, octet_length 62
  CHECK(Utf8Length(got) == 31);
}
