// Catalog facts, type names, modifiers and common types of the date/time
// types (expected values checked against PostgreSQL 15's format_type and
// UNION resolution).
#include <catch2/catch.hpp>

#include "engine/sql/types/common_type.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/datetime.hpp"
#include "engine/sql/types/text_io.hpp"
#include "engine/sql/types/typmod.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;

TEST_CASE("date/time catalog facts", "[types][datetime]") {
  CHECK(TypeOid(TypeId::kDate) == 1082);
  CHECK(TypeOid(TypeId::kTime) == 1083);
  CHECK(TypeOid(TypeId::kTimeTz) == 1266);
  CHECK(TypeOid(TypeId::kTimestamp) == 1114);
  CHECK(TypeOid(TypeId::kTimestampTz) == 1184);
  CHECK(TypeOid(TypeId::kInterval) == 1186);
  CHECK(TypeLength(TypeId::kDate) == 4);
  CHECK(TypeLength(TypeId::kTimeTz) == 12);
  CHECK(TypeLength(TypeId::kInterval) == 16);
  CHECK(PhysicalKindOf(TypeId::kTimestampTz) == PhysicalKind::kInt);
  CHECK(PhysicalKindOf(TypeId::kInterval) == PhysicalKind::kString);
  CHECK(TypeCategory(TypeId::kDate) == 'D');
  CHECK(TypeCategory(TypeId::kInterval) == 'T');
  CHECK(IsPreferredType(TypeId::kTimestampTz));
  CHECK(IsPreferredType(TypeId::kInterval));
}

TEST_CASE("date/time type names and modifiers match format_type", "[types][datetime]") {
  CHECK(FormatType(*LookupType({"time"}, {2})) == "time(2) without time zone");
  CHECK(FormatType(*LookupType({"pg_catalog", "timetz"}, {})) == "time with time zone");
  CHECK(FormatType(*LookupType({"timestamp"}, {0})) == "timestamp(0) without time zone");
  CHECK(FormatType(*LookupType({"timestamptz"}, {6})) == "timestamp(6) with time zone");
  CHECK(FormatType(*LookupType({"interval"}, {kIntervalFullRange, 3})) == "interval(3)");
  CHECK(FormatType(*LookupType({"interval"}, {})) == "interval");
  CHECK(FormatType(*LookupType({"date"}, {})) == "date");
  CHECK(LookupType({"timestamp"}, {7})->typmod == 6);  // PostgreSQL warns and clamps
  auto neg = Capture([] { return FormatType(*LookupType({"timestamptz"}, {-1})); });
  CHECK(neg.sqlstate == "22023");
  CHECK(neg.message == "TIMESTAMP(-1) WITH TIME ZONE precision must not be negative");
  CHECK(Capture([] { return FormatType(*LookupType({"date"}, {1})); }).sqlstate == "42601");
}

TEST_CASE("date/time common types follow select_common_type", "[types][datetime]") {
  CHECK(SelectCommonType({TypeId::kDate, TypeId::kTimestamp}, "UNION") == TypeId::kTimestamp);
  CHECK(SelectCommonType({TypeId::kTimestamp, TypeId::kTimestampTz}, "UNION") == TypeId::kTimestampTz);
  CHECK(SelectCommonType({TypeId::kUnknown, TypeId::kInterval}, "UNION") == TypeId::kInterval);
  auto mismatch = Capture([] { return std::string(TypeInternalName(SelectCommonType({TypeId::kInterval, TypeId::kTime}, "UNION"))); });
  CHECK(mismatch.message == "UNION types interval and time without time zone cannot be matched");
  auto noconv = Capture([] { return std::string(TypeInternalName(SelectCommonType({TypeId::kDate, TypeId::kTime}, "UNION"))); });
  CHECK(noconv.message == "UNION could not convert type time without time zone to date");
}

TEST_CASE("interval and timetz compare and hash by value, not bytes", "[types][datetime]") {
  Type iv{TypeId::kInterval, -1};
  Value month = ParseText("1 mon", iv), days = ParseText("30 days", iv), hours = ParseText("720 hours", iv);
  CHECK(Compare(month, days, TypeId::kInterval) == 0);
  CHECK(Compare(days, hours, TypeId::kInterval) == 0);
  CHECK(Hash(month, TypeId::kInterval) == Hash(hours, TypeId::kInterval));
  CHECK(Compare(ParseText("-1 day", iv), month, TypeId::kInterval) < 0);
  Type tz{TypeId::kTimeTz, -1};
  // Same instant, different zones: ordered by zone, not equal (timetz_cmp).
  Value a = ParseText("12:00+02", tz), b = ParseText("11:00+01", tz);
  CHECK(Compare(a, b, TypeId::kTimeTz) != 0);
  CHECK(Compare(ParseText("12:00+02", tz), ParseText("12:00+01", tz), TypeId::kTimeTz) < 0);
}
