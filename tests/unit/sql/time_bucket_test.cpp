// time_bucket (TimescaleDB semantics) is not in PostgreSQL, so it cannot be
// checked differentially; these expectations follow TimescaleDB's docs:
// sub-month buckets align to 2000-01-03 (a Monday), month buckets to 2000-01-01.
#include <catch2/catch.hpp>

#include "tests/unit/sql/engine_fixture.hpp"

using basalt::test::EngineFixture;
using Lines = std::vector<std::string>;

namespace {
std::string One(EngineFixture& f, const std::string& expr) {
  Lines out = f.Run("SELECT " + expr);
  REQUIRE(out.size() == 3);
  return out[1];
}
}  // namespace

TEST_CASE("time_bucket on timestamps", "[sql][functions][time_bucket]") {
  EngineFixture f;
  f.Run("SET TimeZone = 'UTC'");
  REQUIRE(One(f, "time_bucket('5 minutes', '2024-01-01 10:07:31'::timestamp)") == "2024-01-01 10:05:00");
  REQUIRE(One(f, "time_bucket('1 hour', '2024-01-01 10:59:59.9'::timestamp)") == "2024-01-01 10:00:00");
  // Weeks start on Monday (2024-01-03 is a Wednesday; the week began Monday 2024-01-01).
  REQUIRE(One(f, "time_bucket('1 week', '2024-01-03 12:00'::timestamp)") == "2024-01-01 00:00:00");
  REQUIRE(One(f, "time_bucket('1 day', '1999-12-31 23:00'::timestamp)") == "1999-12-31 00:00:00");
  REQUIRE(One(f, "time_bucket('3 days', '2000-01-03'::timestamp)") == "2000-01-03 00:00:00");
  REQUIRE(One(f, "time_bucket('3 days', '2000-01-02 23:59'::timestamp)") == "1999-12-31 00:00:00");
  REQUIRE(One(f, "time_bucket('1 month', '2024-05-17 08:00'::timestamp)") == "2024-05-01 00:00:00");
  REQUIRE(One(f, "time_bucket('3 months', '2024-05-17'::timestamp)") == "2024-04-01 00:00:00");
  REQUIRE(One(f, "time_bucket('1 year', '2024-05-17'::timestamp)") == "2024-01-01 00:00:00");
  REQUIRE(One(f, "time_bucket('1 hour', '2024-01-01 10:20'::timestamp, '2000-01-01 00:15'::timestamp)") ==
          "2024-01-01 10:15:00");
  REQUIRE(One(f, "time_bucket('1 hour', '2024-01-01 10:20'::timestamp, '10 minutes'::interval)") ==
          "2024-01-01 10:10:00");
  REQUIRE(One(f, "time_bucket('15 minutes', '2024-01-01 10:20:00+02'::timestamptz)") == "2024-01-01 08:15:00+00");
  REQUIRE(One(f, "time_bucket('1 week', '2024-01-07'::date)") == "2024-01-01");
  REQUIRE(One(f, "time_bucket(10, 27)") == "20");
  REQUIRE(One(f, "time_bucket(10, -3)") == "-10");
  REQUIRE(One(f, "time_bucket(10, 27, 5)") == "25");
  REQUIRE(One(f, "time_bucket('1 hour', 'infinity'::timestamp)") == "infinity");
}

TEST_CASE("time_bucket errors", "[sql][functions][time_bucket]") {
  EngineFixture f;
  REQUIRE(f.Run("SELECT time_bucket('0 minutes', '2024-01-01'::timestamp)") ==
          Lines{"cols: time_bucket", "ERROR 22023: period must be greater than 0"});
  REQUIRE(f.Run("SELECT time_bucket('1 month 2 days', '2024-01-01'::timestamp)") ==
          Lines{"cols: time_bucket", "ERROR 0A000: month intervals cannot have day or time component"});
  REQUIRE(f.Run("SELECT time_bucket(0, 5)") == Lines{"cols: time_bucket", "ERROR 22023: period must be greater than 0"});
}

TEST_CASE("time_bucket groups rows", "[sql][functions][time_bucket]") {
  EngineFixture f;
  f.Run("CREATE TABLE m (id int PRIMARY KEY, at timestamp, v int)");
  f.Run("INSERT INTO m VALUES (1, '2024-01-01 10:01', 1), (2, '2024-01-01 10:04', 2), (3, '2024-01-01 10:06', 4)");
  REQUIRE(f.Run("SELECT time_bucket('5 minutes', at) AS b, sum(v) FROM m GROUP BY 1 ORDER BY 1") ==
          Lines{"cols: b sum", "2024-01-01 10:00:00|3", "2024-01-01 10:05:00|4", "SELECT 2"});
}
