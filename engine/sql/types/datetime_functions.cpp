// date_trunc, date_part/EXTRACT, age and make_date, ported from PostgreSQL
// 15 timestamp.c (timestamp_trunc, timestamptz_trunc_internal,
// interval_trunc, timestamp_part_common, interval_part_common,
// NonFiniteTimestampTzPart, timestamp_age, timestamptz_age), date.c
// (extract_date, time_part_common, make_date) and datetime.c (date2isoweek,
// date2isoyear, isoweek2j). to_char lives in datetime_to_char.cpp.
#include "engine/sql/types/datetime_functions.hpp"

#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/datetime_ops.hpp"

namespace basalt::engine::sql::datetime {
namespace {

enum class Unit {
  kMicrosec, kMillisec, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter, kYear, kDecade, kCentury,
  kMillennium, kTz, kTzHour, kTzMinute, kDow, kIsoDow, kDoy, kJulian, kIsoYear, kEpoch, kUnknown,
};

struct UnitName {
  const char* name;
  Unit unit;
};

// deltatktbl's UNITS rows plus datetktbl's epoch/dow/doy/... (DecodeUnits,
// then DecodeSpecial), compared on the first TOKMAXLEN (10) characters.
constexpr UnitName kUnitNames[] = {
    {"c", Unit::kCentury}, {"cent", Unit::kCentury}, {"centuries", Unit::kCentury}, {"century", Unit::kCentury},
    {"d", Unit::kDay}, {"day", Unit::kDay}, {"days", Unit::kDay}, {"dec", Unit::kDecade},
    {"decade", Unit::kDecade}, {"decades", Unit::kDecade}, {"decs", Unit::kDecade}, {"h", Unit::kHour},
    {"hour", Unit::kHour}, {"hours", Unit::kHour}, {"hr", Unit::kHour}, {"hrs", Unit::kHour},
    {"m", Unit::kMinute}, {"microsecon", Unit::kMicrosec}, {"mil", Unit::kMillennium},
    {"millennia", Unit::kMillennium}, {"millennium", Unit::kMillennium}, {"millisecon", Unit::kMillisec},
    {"mils", Unit::kMillennium}, {"min", Unit::kMinute}, {"mins", Unit::kMinute}, {"minute", Unit::kMinute},
    {"minutes", Unit::kMinute}, {"mon", Unit::kMonth}, {"mons", Unit::kMonth}, {"month", Unit::kMonth},
    {"months", Unit::kMonth}, {"ms", Unit::kMillisec}, {"msec", Unit::kMillisec},
    {"mseconds", Unit::kMillisec}, {"msecs", Unit::kMillisec}, {"qtr", Unit::kQuarter},
    {"quarter", Unit::kQuarter}, {"s", Unit::kSecond}, {"sec", Unit::kSecond}, {"second", Unit::kSecond},
    {"seconds", Unit::kSecond}, {"secs", Unit::kSecond}, {"timezone", Unit::kTz},
    {"timezone_h", Unit::kTzHour}, {"timezone_m", Unit::kTzMinute}, {"us", Unit::kMicrosec},
    {"usec", Unit::kMicrosec}, {"useconds", Unit::kMicrosec}, {"usecs", Unit::kMicrosec},
    {"w", Unit::kWeek}, {"week", Unit::kWeek}, {"weeks", Unit::kWeek}, {"y", Unit::kYear},
    {"year", Unit::kYear}, {"years", Unit::kYear}, {"yr", Unit::kYear}, {"yrs", Unit::kYear},
    {"dow", Unit::kDow}, {"doy", Unit::kDoy}, {"epoch", Unit::kEpoch}, {"isodow", Unit::kIsoDow},
    {"isoyear", Unit::kIsoYear}, {"j", Unit::kJulian}, {"jd", Unit::kJulian}, {"julian", Unit::kJulian},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Unit FindUnit(const std::string& lower) {
  for (const auto& u : kUnitNames) {
    if (strncmp(lower.c_str(), u.name, 10) == 0) return u.unit;
  }
  return Unit::kUnknown;
}

const char* TypeName(TypeId t) {
  switch (t) {
    case TypeId::kDate: return "date";
    case TypeId::kTime: return "time without time zone";
    case TypeId::kTimestamp: return "timestamp without time zone";
    case TypeId::kTimestampTz: return "timestamp with time zone";
    case TypeId::kInterval: return "interval";
    default: return "time with time zone";
  }
}

[[noreturn]] void NotRecognized(const std::string& unit, TypeId t) {
  throw DbError(SqlState::kInvalidParameterValue, fmt::format("unit \"{}\" not recognized for type {}", unit, TypeName(t)));
}
[[noreturn]] void NotSupported(const std::string& unit, TypeId t) {
  throw DbError(SqlState::kFeatureNotSupported, fmt::format("unit \"{}\" not supported for type {}", unit, TypeName(t)));
}
[[noreturn]] void TimestampOutOfRange() { throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range"); }

int IsoWeek2J(int year, int week) {
  int day4 = Date2J(year, 1, 4);
  int day0 = J2Day(day4 - 1);
  return (week - 1) * 7 + (day4 - day0);
}

// A numeric equal to v / 10^scale, with display scale `scale`
// (int64_div_fast_to_numeric).
Numeric Scaled(int64_t v, int scale) {
  if (scale == 0) return Numeric::FromInt64(v);
  bool neg = v < 0;
  std::string digits = std::to_string(v);
  if (neg) digits.erase(0, 1);
  if (static_cast<int>(digits.size()) <= scale) digits.insert(0, scale - digits.size() + 1, '0');
  digits.insert(digits.size() - scale, ".");
  return Numeric::Parse((neg ? "-" : "") + digits);
}

// One extracted value: exact (numerator / 10^scale) and PostgreSQL's float8.
struct Part {
  Numeric exact;
  double approx = 0;
};

Part FromInt(int64_t v) { return Part{Numeric::FromInt64(v), static_cast<double>(v)}; }

constexpr int64_t kEpochOffsetUsec =
    static_cast<int64_t>(kPostgresEpochJdate - kUnixEpochJdate) * kSecsPerDay * kUsecsPerSec;

// timestamp_part_common on finite local fields; `tz` is set for timestamptz.
Part TimestampPart(Unit u, const std::string& unit, const PgTm& tm, int64_t fsec, const int* tz, TypeId t) {
  switch (u) {
    case Unit::kMicrosec: return Part{Numeric::FromInt64(tm.tm_sec * 1000000LL + fsec), tm.tm_sec * 1000000.0 + fsec};
    case Unit::kMillisec:
      return Part{Scaled(tm.tm_sec * 1000000LL + fsec, 3), tm.tm_sec * 1000.0 + fsec / 1000.0};
    case Unit::kSecond: return Part{Scaled(tm.tm_sec * 1000000LL + fsec, 6), tm.tm_sec + fsec / 1000000.0};
    case Unit::kMinute: return FromInt(tm.tm_min);
    case Unit::kHour: return FromInt(tm.tm_hour);
    case Unit::kDay: return FromInt(tm.tm_mday);
    case Unit::kMonth: return FromInt(tm.tm_mon);
    case Unit::kQuarter: return FromInt((tm.tm_mon - 1) / 3 + 1);
    case Unit::kWeek: return FromInt(IsoWeek(tm.tm_year, tm.tm_mon, tm.tm_mday));
    case Unit::kYear: return FromInt(tm.tm_year > 0 ? tm.tm_year : tm.tm_year - 1);
    case Unit::kDecade: return FromInt(tm.tm_year >= 0 ? tm.tm_year / 10 : -((8 - (tm.tm_year - 1)) / 10));
    case Unit::kCentury: return FromInt(tm.tm_year > 0 ? (tm.tm_year + 99) / 100 : -((99 - (tm.tm_year - 1)) / 100));
    case Unit::kMillennium:
      return FromInt(tm.tm_year > 0 ? (tm.tm_year + 999) / 1000 : -((999 - (tm.tm_year - 1)) / 1000));
    case Unit::kJulian: {
      int64_t j = Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday);
      int64_t usecs = ((tm.tm_hour * 60LL + tm.tm_min) * 60 + tm.tm_sec) * 1000000 + fsec;
      Numeric exact = Numeric::Add(Numeric::FromInt64(j), Numeric::Div(Numeric::FromInt64(usecs),
                                                                       Numeric::FromInt64(kSecsPerDay * 1000000LL)));
      double approx = j + (((tm.tm_hour * 60.0 + tm.tm_min) * 60) + tm.tm_sec + fsec / 1000000.0) / kSecsPerDay;
      return Part{exact, approx};
    }
    case Unit::kIsoYear: {
      int y = IsoYear(tm.tm_year, tm.tm_mon, tm.tm_mday);
      return FromInt(y <= 0 ? y - 1 : y);
    }
    case Unit::kDow: return FromInt(J2Day(Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday)));
    case Unit::kIsoDow: {
      int d = J2Day(Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday));
      return FromInt(d == 0 ? 7 : d);
    }
    case Unit::kDoy: return FromInt(Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday) - Date2J(tm.tm_year, 1, 1) + 1);
    case Unit::kTz:
      if (!tz) NotSupported(unit, t);
      return FromInt(-*tz);
    case Unit::kTzMinute:
      if (!tz) NotSupported(unit, t);
      return FromInt((-*tz / 60) % 60);
    case Unit::kTzHour:
      if (!tz) NotSupported(unit, t);
      return FromInt(-*tz / 3600);
    default: NotRecognized(unit, t);
  }
}

// NonFiniteTimestampTzPart: +-Infinity for monotonic fields, NULL otherwise.
std::optional<Part> NonFinitePart(Unit u, const std::string& unit, bool negative, TypeId t) {
  switch (u) {
    case Unit::kYear:
    case Unit::kDecade:
    case Unit::kCentury:
    case Unit::kMillennium:
    case Unit::kJulian:
    case Unit::kIsoYear:
    case Unit::kEpoch:
      return Part{negative ? Numeric::NegativeInfinity() : Numeric::PositiveInfinity(),
                  negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity()};
    case Unit::kUnknown: NotRecognized(unit, t);
    default: return std::nullopt;  // oscillating units, timezone included
  }
}

std::optional<Part> ExtractPart(std::string_view field, const Value& v, TypeId t, const DateTimeSettings& s) {
  std::string unit = Lower(field);
  Unit u = FindUnit(unit);
  switch (t) {
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: {
      int64_t ts = v.as_int();
      if (!IsFiniteTimestamp(ts)) return NonFinitePart(u, unit, ts == kTimestampNoBegin, t);
      if (u == Unit::kEpoch) {
        int64_t epoch = -kEpochOffsetUsec;
        Numeric exact = ts < INT64_MAX + epoch
                            ? Scaled(ts - epoch, 6)
                            : Numeric::Div(Numeric::Sub(Numeric::FromInt64(ts), Numeric::FromInt64(epoch)),
                                           Numeric::FromInt64(1000000))
                                  .Round(6);
        double approx = ts < INT64_MAX + epoch ? (ts - epoch) / 1000000.0
                                               : (static_cast<double>(ts) - static_cast<double>(epoch)) / 1000000.0;
        return Part{exact, approx};
      }
      PgTm tm;
      int64_t fsec;
      int tz = 0;
      bool ok = t == TypeId::kTimestamp ? TimestampToTm(ts, &tm, &fsec) : TimestampTzToTm(ts, s.zone(), &tm, &fsec, &tz);
      if (!ok) TimestampOutOfRange();
      return TimestampPart(u, unit, tm, fsec, t == TypeId::kTimestampTz ? &tz : nullptr, t);
    }
    case TypeId::kDate: {
      int32_t d = static_cast<int32_t>(v.as_int());
      if (!IsFiniteDate(d)) {
        if (u == Unit::kUnknown) NotRecognized(unit, t);
        switch (u) {
          case Unit::kDay: case Unit::kMonth: case Unit::kQuarter: case Unit::kWeek: case Unit::kDow:
          case Unit::kIsoDow: case Unit::kDoy: return std::nullopt;
          case Unit::kYear: case Unit::kDecade: case Unit::kCentury: case Unit::kMillennium: case Unit::kJulian:
          case Unit::kIsoYear: case Unit::kEpoch: return NonFinitePart(u, unit, d == kDateNoBegin, t);
          default: NotSupported(unit, t);
        }
      }
      if (u == Unit::kEpoch) return FromInt((static_cast<int64_t>(d) + kPostgresEpochJdate - kUnixEpochJdate) * kSecsPerDay);
      PgTm tm;
      J2Date(d + kPostgresEpochJdate, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
      switch (u) {
        case Unit::kDay: case Unit::kMonth: case Unit::kQuarter: case Unit::kWeek: case Unit::kYear:
        case Unit::kDecade: case Unit::kCentury: case Unit::kMillennium: case Unit::kIsoYear: case Unit::kDow:
        case Unit::kIsoDow: case Unit::kDoy: return TimestampPart(u, unit, tm, 0, nullptr, t);
        case Unit::kJulian: return FromInt(d + kPostgresEpochJdate);
        case Unit::kUnknown: NotRecognized(unit, t);
        default: NotSupported(unit, t);
      }
    }
    case TypeId::kTime: {
      int64_t time = v.as_int();
      PgTm tm;
      int64_t fsec;
      UsecToTime(time, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &fsec);
      switch (u) {
        case Unit::kMicrosec: case Unit::kMillisec: case Unit::kSecond: case Unit::kMinute: case Unit::kHour:
          return TimestampPart(u, unit, tm, fsec, nullptr, t);
        case Unit::kEpoch: return Part{Scaled(time, 6), time / 1000000.0};
        case Unit::kUnknown: NotRecognized(unit, t);
        default: NotSupported(unit, t);
      }
    }
    case TypeId::kInterval: {
      Interval iv = IntervalFromValue(v);
      int64_t year = iv.month / 12, mon = iv.month % 12;
      int64_t time = iv.time;
      int64_t hour = time / kUsecsPerHour;
      time -= hour * kUsecsPerHour;
      int64_t min = time / kUsecsPerMinute;
      time -= min * kUsecsPerMinute;
      int64_t sec = time / kUsecsPerSec;
      int64_t fsec = time - sec * kUsecsPerSec;
      switch (u) {
        case Unit::kMicrosec: return Part{Numeric::FromInt64(sec * 1000000 + fsec), sec * 1000000.0 + fsec};
        case Unit::kMillisec: return Part{Scaled(sec * 1000000 + fsec, 3), sec * 1000.0 + fsec / 1000.0};
        case Unit::kSecond: return Part{Scaled(sec * 1000000 + fsec, 6), sec + fsec / 1000000.0};
        case Unit::kMinute: return FromInt(min);
        case Unit::kHour: return FromInt(hour);
        case Unit::kDay: return FromInt(iv.day);
        case Unit::kMonth: return FromInt(mon);
        case Unit::kQuarter: return FromInt(mon / 3 + 1);
        case Unit::kYear: return FromInt(year);
        case Unit::kDecade: return FromInt(year / 10);
        case Unit::kCentury: return FromInt(year / 100);
        case Unit::kMillennium: return FromInt(year / 1000);
        case Unit::kEpoch: {
          int64_t secs = static_cast<int64_t>(365.25 * kSecsPerDay) * (iv.month / 12) +
                         static_cast<int64_t>(kDaysPerMonth * kSecsPerDay) * (iv.month % 12) +
                         static_cast<int64_t>(kSecsPerDay) * iv.day;
          double approx = iv.time / 1000000.0 + (365.25 * kSecsPerDay) * (iv.month / 12) +
                          (static_cast<double>(kDaysPerMonth) * kSecsPerDay) * (iv.month % 12) +
                          static_cast<double>(kSecsPerDay) * iv.day;
          return Part{Numeric::Add(Scaled(iv.time, 6), Numeric::FromInt64(secs)), approx};
        }
        case Unit::kUnknown: NotRecognized(unit, t);
        default: NotSupported(unit, t);
      }
    }
    default: break;
  }
  throw DbError(SqlState::kFeatureNotSupported, fmt::format("date_part is not supported for type {}", TypeDisplayName(t)));
}

}  // namespace

int64_t TransactionTimestamp(const DateTimeSettings& s) { return s.Now(); }

int64_t DateTrunc(std::string_view field, int64_t ts, TypeId type, const DateTimeSettings& s) {
  // timestamp_trunc returns an infinite input before looking at the unit.
  if (!IsFiniteTimestamp(ts)) return ts;
  std::string unit = Lower(field);
  Unit u = FindUnit(unit);
  // date_trunc looks units up in deltatktbl only, which lacks epoch, dow,
  // doy, isodow, isoyear and julian.
  if (u == Unit::kUnknown || u == Unit::kEpoch || u == Unit::kDow || u == Unit::kDoy || u == Unit::kIsoDow ||
      u == Unit::kIsoYear || u == Unit::kJulian) {
    NotRecognized(unit, type);
  }
  const bool with_tz = type == TypeId::kTimestampTz;
  PgTm tm;
  int64_t fsec;
  int tz = 0;
  bool ok = with_tz ? TimestampTzToTm(ts, s.zone(), &tm, &fsec, &tz) : TimestampToTm(ts, &tm, &fsec);
  if (!ok) TimestampOutOfRange();
  bool redotz = false;
  switch (u) {
    case Unit::kWeek: {
      int woy = IsoWeek(tm.tm_year, tm.tm_mon, tm.tm_mday);
      if (woy >= 52 && tm.tm_mon == 1) --tm.tm_year;
      if (woy <= 1 && tm.tm_mon == 12) ++tm.tm_year;
      J2Date(IsoWeek2J(tm.tm_year, woy), &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
      tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
      fsec = 0;
      redotz = true;
      break;
    }
    case Unit::kMillennium:
    case Unit::kCentury:
    case Unit::kDecade:
    case Unit::kYear:
    case Unit::kQuarter:
    case Unit::kMonth:
    case Unit::kDay:
      if (u == Unit::kMillennium) {
        tm.tm_year = tm.tm_year > 0 ? ((tm.tm_year + 999) / 1000) * 1000 - 999 : -((999 - (tm.tm_year - 1)) / 1000) * 1000 + 1;
      } else if (u == Unit::kCentury) {
        tm.tm_year = tm.tm_year > 0 ? ((tm.tm_year + 99) / 100) * 100 - 99 : -((99 - (tm.tm_year - 1)) / 100) * 100 + 1;
      } else if (u == Unit::kDecade) {
        tm.tm_year = tm.tm_year > 0 ? (tm.tm_year / 10) * 10 : -((8 - (tm.tm_year - 1)) / 10) * 10;
      }
      if (u == Unit::kMillennium || u == Unit::kCentury || u == Unit::kDecade || u == Unit::kYear) tm.tm_mon = 1;
      if (u != Unit::kMonth && u != Unit::kDay) tm.tm_mon = 3 * ((tm.tm_mon - 1) / 3) + 1;
      if (u != Unit::kDay) tm.tm_mday = 1;
      tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
      fsec = 0;
      redotz = true;
      break;
    case Unit::kHour: tm.tm_min = tm.tm_sec = 0; fsec = 0; break;
    case Unit::kMinute: tm.tm_sec = 0; fsec = 0; break;
    case Unit::kSecond: fsec = 0; break;
    case Unit::kMillisec: fsec = (fsec / 1000) * 1000; break;
    case Unit::kMicrosec: break;
    default: NotSupported(unit, type);
  }
  if (with_tz && redotz) tz = DetermineTzOffset(tm, s.zone());
  int64_t result;
  if (!TmToTimestamp(tm, fsec, with_tz ? tz : 0, &result)) TimestampOutOfRange();
  return result;
}

Interval DateTruncInterval(std::string_view field, const Interval& iv) {
  std::string unit = Lower(field);
  Unit u = FindUnit(unit);
  if (u == Unit::kUnknown || u == Unit::kEpoch || u == Unit::kDow || u == Unit::kDoy || u == Unit::kIsoDow ||
      u == Unit::kIsoYear || u == Unit::kJulian) {
    NotRecognized(unit, TypeId::kInterval);
  }
  int64_t year = iv.month / 12, mon = iv.month % 12, day = iv.day;
  int64_t time = iv.time;
  int64_t hour = time / kUsecsPerHour;
  time -= hour * kUsecsPerHour;
  int64_t min = time / kUsecsPerMinute;
  time -= min * kUsecsPerMinute;
  int64_t sec = time / kUsecsPerSec;
  int64_t fsec = time - sec * kUsecsPerSec;
  switch (u) {
    case Unit::kMillennium: year = (year / 1000) * 1000; [[fallthrough]];
    case Unit::kCentury: year = (year / 100) * 100; [[fallthrough]];
    case Unit::kDecade: year = (year / 10) * 10; [[fallthrough]];
    case Unit::kYear: mon = 0; [[fallthrough]];
    case Unit::kQuarter: mon = 3 * (mon / 3); [[fallthrough]];
    case Unit::kMonth: day = 0; [[fallthrough]];
    case Unit::kDay: hour = 0; [[fallthrough]];
    case Unit::kHour: min = 0; [[fallthrough]];
    case Unit::kMinute: sec = 0; [[fallthrough]];
    case Unit::kSecond: fsec = 0; break;
    case Unit::kMillisec: fsec = (fsec / 1000) * 1000; break;
    case Unit::kMicrosec: break;
    case Unit::kWeek:
      throw DbError(SqlState::kFeatureNotSupported, fmt::format("unit \"{}\" not supported for type interval", unit))
          .WithDetail("Months usually have fractional weeks.");
    default: NotSupported(unit, TypeId::kInterval);
  }
  Interval r;
  r.month = static_cast<int32_t>(year * 12 + mon);
  r.day = static_cast<int32_t>(day);
  r.time = ((hour * 60 + min) * 60 + sec) * kUsecsPerSec + fsec;
  return r;
}

std::optional<double> DatePart(std::string_view field, const Value& v, TypeId type, const DateTimeSettings& s) {
  // date_part(text, date) is SQL: date_part($1, $2::timestamp).
  if (type == TypeId::kDate) return DatePart(field, Value::Int(DateToTimestamp(static_cast<int32_t>(v.as_int()))),
                                             TypeId::kTimestamp, s);
  auto p = ExtractPart(field, v, type, s);
  if (!p) return std::nullopt;
  return p->approx;
}

std::optional<Numeric> Extract(std::string_view field, const Value& v, TypeId type, const DateTimeSettings& s) {
  auto p = ExtractPart(field, v, type, s);
  if (!p) return std::nullopt;
  return p->exact;
}

Interval Age(int64_t dt1, int64_t dt2, TypeId type, const DateTimeSettings& s) {
  PgTm tm1, tm2;
  int64_t fsec1, fsec2;
  int tz1, tz2;
  bool ok = type == TypeId::kTimestampTz
                ? (TimestampTzToTm(dt1, s.zone(), &tm1, &fsec1, &tz1) && TimestampTzToTm(dt2, s.zone(), &tm2, &fsec2, &tz2))
                : (TimestampToTm(dt1, &tm1, &fsec1) && TimestampToTm(dt2, &tm2, &fsec2));
  // PostgreSQL 15 treats infinities as the extreme int64 values here.
  if (!ok) TimestampOutOfRange();
  int64_t fsec = fsec1 - fsec2;
  int sec = tm1.tm_sec - tm2.tm_sec, min = tm1.tm_min - tm2.tm_min, hour = tm1.tm_hour - tm2.tm_hour;
  int mday = tm1.tm_mday - tm2.tm_mday, mon = tm1.tm_mon - tm2.tm_mon, year = tm1.tm_year - tm2.tm_year;
  const bool flip = dt1 < dt2;
  auto negate_all = [&] {
    fsec = -fsec;
    sec = -sec;
    min = -min;
    hour = -hour;
    mday = -mday;
    mon = -mon;
    year = -year;
  };
  if (flip) negate_all();
  while (fsec < 0) {
    fsec += kUsecsPerSec;
    sec--;
  }
  while (sec < 0) {
    sec += 60;
    min--;
  }
  while (min < 0) {
    min += 60;
    hour--;
  }
  while (hour < 0) {
    hour += 24;
    mday--;
  }
  while (mday < 0) {
    const PgTm& ref = flip ? tm1 : tm2;
    mday += DaysInMonth(ref.tm_year, ref.tm_mon);
    mon--;
  }
  while (mon < 0) {
    mon += 12;
    year--;
  }
  if (flip) negate_all();
  int64_t months = static_cast<int64_t>(year) * 12 + mon;
  if (months > INT32_MAX || months < INT32_MIN) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, "interval out of range");
  }
  Interval r;
  r.month = static_cast<int32_t>(months);
  r.day = mday;
  r.time = ((static_cast<int64_t>(hour) * 60 + min) * 60 + sec) * kUsecsPerSec + fsec;
  return r;
}

int32_t MakeDate(int32_t year, int32_t month, int32_t day) {
  PgTm tm;
  tm.tm_year = year;
  tm.tm_mon = month;
  tm.tm_mday = day;
  bool bc = false;
  if (tm.tm_year < 0) {
    bc = true;
    tm.tm_year = -tm.tm_year;
  }
  // ValidateDate with a full Y/M/D mask.
  bool bad = false;
  if (bc) {
    if (tm.tm_year <= 0) bad = true;
    else tm.tm_year = -(tm.tm_year - 1);
  } else if (tm.tm_year <= 0) {
    bad = true;
  }
  if (!bad && (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
               tm.tm_mday > DaysInMonth(tm.tm_year, tm.tm_mon))) {
    bad = true;
  }
  if (bad) {
    throw DbError(SqlState::kDatetimeFieldOverflow,
                  fmt::format("date field value out of range: {}-{:02d}-{:02d}", tm.tm_year, tm.tm_mon, tm.tm_mday));
  }
  auto out_of_range = [&] {
    return DbError(SqlState::kDatetimeValueOutOfRange,
                   fmt::format("date out of range: {}-{:02d}-{:02d}", tm.tm_year, tm.tm_mon, tm.tm_mday));
  };
  if (!IsValidJulian(tm.tm_year, tm.tm_mon, tm.tm_mday)) throw out_of_range();
  int64_t d = static_cast<int64_t>(Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday)) - kPostgresEpochJdate;
  if (!IsValidDate(d)) throw out_of_range();
  return static_cast<int32_t>(d);
}

}  // namespace basalt::engine::sql::datetime
