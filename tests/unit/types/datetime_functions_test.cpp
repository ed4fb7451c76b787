// date_part, EXTRACT, date_trunc, to_char, age, justify_* and make_date
// against PostgreSQL 15 (pg_golden_datetime_functions.inc), plus the
// transaction-time inputs ('now', 'today', ...) that golden files cannot pin.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/datetime_functions.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/float_format.hpp"
#include "engine/sql/types/text_io.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;
namespace dt = basalt::engine::sql::datetime;

namespace {

struct FnCase {
  const char* func;
  TypeId type;
  const char* value;
  const char* arg;
  const char* zone;
  const char* output;
  const char* sqlstate;
  const char* message;
};

const FnCase kFns[] = {
#include "tests/unit/types/pg_golden_datetime_functions.inc"
};

FormatOptions Session(const char* zone) {
  FormatOptions o;
  o.datetime.time_zone = dt::FindTimeZone(zone);
  return o;
}

std::string Float8Text(double d) {
  std::string out;
  FormatFloat8(d, 1, out);
  return out;
}

}  // namespace

TEST_CASE("date/time functions match PostgreSQL 15", "[types][datetime][golden]") {
  for (const auto& c : kFns) {
    std::string fn = c.func;
    INFO(fn << "(" << TypeInternalName(c.type) << " '" << c.value << "', '" << c.arg << "') TimeZone=" << c.zone);
    FormatOptions opts = Session(c.zone);
    const dt::DateTimeSettings& s = opts.datetime;
    auto got = Capture([&]() -> std::string {
      if (fn == "make_date") {
        std::istringstream in(c.value);
        int y, m, d;
        in >> y >> m >> d;
        return ToText(Value::Int(dt::MakeDate(y, m, d)), Type{TypeId::kDate, -1});
      }
      Value v = ParseText(c.value, Type{c.type, -1}, opts);
      if (fn == "date_part") {
        auto r = dt::DatePart(c.arg, v, c.type, s);
        return r ? Float8Text(*r) : "NULL";
      }
      if (fn == "extract") {
        auto r = dt::Extract(c.arg, v, c.type, s);
        return r ? r->ToString() : "NULL";
      }
      if (fn == "date_trunc") {
        if (c.type == TypeId::kInterval) {
          return ToText(dt::IntervalToValue(dt::DateTruncInterval(c.arg, dt::IntervalFromValue(v))), Type{c.type, -1});
        }
        return ToText(Value::Int(dt::DateTrunc(c.arg, v.as_int(), c.type, s)), Type{c.type, -1}, opts);
      }
      if (fn == "to_char") {
        auto r = dt::ToChar(v.as_int(), c.type, c.arg, s);
        return r ? *r : "NULL";
      }
      if (fn == "age") {
        Value w = ParseText(c.arg, Type{c.type, -1}, opts);
        return ToText(dt::IntervalToValue(dt::Age(v.as_int(), w.as_int(), c.type, s)), Type{TypeId::kInterval, -1});
      }
      dt::Interval iv = dt::IntervalFromValue(v);
      dt::Interval r = fn == "justify_days" ? dt::JustifyDays(iv) : fn == "justify_hours" ? dt::JustifyHours(iv)
                                                                                         : dt::JustifyInterval(iv);
      return ToText(dt::IntervalToValue(r), Type{TypeId::kInterval, -1});
    });
    if (c.output) {
      INFO(got.message);
      CHECK(got.sqlstate == "");
      CHECK(got.text.value_or("<error>") == c.output);
    } else if (!c.sqlstate) {
      CHECK(got.text.value_or("<error>") == "NULL");
    } else {
      CHECK(got.sqlstate == c.sqlstate);
      CHECK(got.message == c.message);
    }
  }
}

TEST_CASE("now, today, tomorrow and yesterday use the transaction start", "[types][datetime]") {
  FormatOptions opts = Session("America/New_York");
  // 2024-06-15 02:20:30.123456 UTC = 2024-06-14 22:20:30.123456 EDT.
  opts.datetime.transaction_start = dt::ParseTimestampTz("2024-06-15 02:20:30.123456+00", -1, {});
  auto text = [&](const char* in, TypeId t) { return ToText(ParseText(in, Type{t, -1}, opts), Type{t, -1}, opts); };
  CHECK(text("now", TypeId::kTimestampTz) == "2024-06-14 22:20:30.123456-04");
  CHECK(text("now", TypeId::kTimestamp) == "2024-06-14 22:20:30.123456");
  CHECK(text("today", TypeId::kTimestampTz) == "2024-06-14 00:00:00-04");
  CHECK(text("tomorrow", TypeId::kDate) == "2024-06-15");
  CHECK(text("yesterday", TypeId::kTimestamp) == "2024-06-13 00:00:00");
  CHECK(text("now", TypeId::kTime) == "22:20:30.123456");
  CHECK(text("now", TypeId::kTimeTz) == "22:20:30.123456-04");
  CHECK(dt::TransactionTimestamp(opts.datetime) == *opts.datetime.transaction_start);
  CHECK(text("12:00", TypeId::kTimeTz) == "12:00:00-04");  // the zone's offset on the transaction date
}

TEST_CASE("timestamptz arithmetic keeps wall-clock time across DST", "[types][datetime]") {
  FormatOptions opts = Session("America/New_York");
  dt::ScopedDateTimeSettings scope(opts.datetime);
  int64_t before = dt::ParseTimestampTz("2024-03-09 12:00", -1, opts.datetime);
  int64_t next = dt::TimestampTzPlusInterval(before, dt::ParseInterval("1 day", -1), opts.datetime.zone());
  CHECK(ToText(Value::Int(next), Type{TypeId::kTimestampTz, -1}, opts) == "2024-03-10 12:00:00-04");
  int64_t plus24h = dt::TimestampTzPlusInterval(before, dt::ParseInterval("24 hours", -1), opts.datetime.zone());
  CHECK(ToText(Value::Int(plus24h), Type{TypeId::kTimestampTz, -1}, opts) == "2024-03-10 13:00:00-04");
  // The gap: 02:30 does not exist on 2024-03-10 and reads as 03:30 EDT.
  CHECK(ToText(ParseText("2024-03-10 02:30", Type{TypeId::kTimestampTz, -1}, opts), Type{TypeId::kTimestampTz, -1},
               opts) == "2024-03-10 03:30:00-04");
  // Far future instants use the zone's POSIX rule.
  CHECK(ToText(ParseText("2200-07-01 12:00", Type{TypeId::kTimestampTz, -1}, opts), Type{TypeId::kTimestampTz, -1},
               opts) == "2200-07-01 12:00:00-04");
}

TEST_CASE("time zone lookup", "[types][datetime]") {
  CHECK(dt::FindTimeZone("america/new_york")->name() == "America/New_York");
  CHECK(dt::FindTimeZone("Mars/Phobos") == nullptr);
  auto posix = dt::FindTimeZone("<+0330>-3:30");
  REQUIRE(posix != nullptr);
  CHECK(posix->At(0).gmtoff == 12600);
  auto plus2 = dt::TimeZoneFromSetting("+02");  // SET TIME ZONE '+02': SQL sign, east
  REQUIRE(plus2 != nullptr);
  CHECK(plus2->At(0).gmtoff == 7200);
  CHECK(dt::TimeZoneFromSetting("-5.5")->At(0).gmtoff == -19800);
  CHECK(dt::TimeZoneFromSetting("EST5EDT")->At(1719792000).gmtoff == -14400);  // 2024-07-01, EDT
  CHECK(dt::TimeZoneFromSetting("foo") == nullptr);
}
