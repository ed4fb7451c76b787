// engine/sql/types/datetime.hpp
//
// Calendar arithmetic and in-Value representations for PostgreSQL's date/time
// types, ported from PostgreSQL 15's datetime.c/timestamp.c/date.c:
//   date         Value::Int: days since 2000-01-01 (int32 range);
//                INT32_MIN = -infinity, INT32_MAX = infinity (DATEVAL_NOBEGIN/NOEND)
//   time         Value::Int: microseconds since midnight, [0, 86400000000]
//   timestamp    Value::Int: microseconds since 2000-01-01 00:00:00 (local,
//                no zone); INT64_MIN/INT64_MAX are -infinity/infinity
//   timestamptz  Value::Int: microseconds since 2000-01-01 00:00:00 UTC
//   timetz       Value::String of 12 bytes: int64 time (µs), int32 zone in
//                seconds WEST of UTC (PostgreSQL's TimeTzADT), little endian
//   interval     Value::String of 16 bytes: int64 time (µs), int32 days,
//                int32 months (PostgreSQL's Interval), little endian
// Years are astronomical inside PgTm (1 BC = 0, 2 BC = -1), as in PostgreSQL.
// Valid ranges are PostgreSQL's: dates 4714-11-24 BC .. 5874897-12-31 AD,
// timestamps 4714-11-24 BC .. 294276-12-31 AD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql::datetime {

inline constexpr int64_t kUsecsPerSec = 1000000;
inline constexpr int64_t kUsecsPerMinute = 60 * kUsecsPerSec;
inline constexpr int64_t kUsecsPerHour = 60 * kUsecsPerMinute;
inline constexpr int64_t kUsecsPerDay = 24 * kUsecsPerHour;
inline constexpr int kSecsPerDay = 86400;
inline constexpr int kPostgresEpochJdate = 2451545;  // date2j(2000, 1, 1)
inline constexpr int kUnixEpochJdate = 2440588;      // date2j(1970, 1, 1)
inline constexpr int kDaysPerMonth = 30;             // interval month-to-day factor
inline constexpr int kMaxTimestampPrecision = 6;

inline constexpr int32_t kDateNoBegin = INT32_MIN;
inline constexpr int32_t kDateNoEnd = INT32_MAX;
inline constexpr int64_t kTimestampNoBegin = INT64_MIN;
inline constexpr int64_t kTimestampNoEnd = INT64_MAX;

// Julian-day limits (datatype/timestamp.h).
inline constexpr int kDatetimeMinJulian = 0;              // 4714-11-24 BC
inline constexpr int kDateEndJulian = 2147483494;         // 5874898-01-01
inline constexpr int kTimestampEndJulian = 109203528;     // 294277-01-01
inline constexpr int64_t kMinTimestamp = -211813488000000000LL;
inline constexpr int64_t kEndTimestamp = 9223371331200000000LL;

// Broken-down time (PostgreSQL's struct pg_tm): tm_year astronomical, tm_mon 1..12.
struct PgTm {
  int tm_sec = 0, tm_min = 0, tm_hour = 0;
  int tm_mday = 0, tm_mon = 0, tm_year = 0;
  int tm_wday = 0, tm_yday = 0;
  int tm_isdst = -1;
  long tm_gmtoff = 0;  // seconds EAST of UTC
};

struct Interval {
  int64_t time = 0;  // microseconds
  int32_t day = 0;
  int32_t month = 0;
  bool operator==(const Interval&) const = default;
};

struct TimeTz {
  int64_t time = 0;  // microseconds, local
  int32_t zone = 0;  // seconds WEST of UTC (-3600 for +01)
  bool operator==(const TimeTz&) const = default;
};

int Date2J(int year, int month, int day);
// ISO 8601 week number and week-numbering year of a date (PostgreSQL's
// date2isoweek / date2isoyear).
int IsoWeek(int year, int mon, int mday);
int IsoYear(int year, int mon, int mday);
void J2Date(int jd, int* year, int* month, int* day);
// 0 = Sunday.
int J2Day(int jd);
bool IsLeap(int year);
int DaysInMonth(int year, int month);

inline bool IsValidJulian(int y, int m, int d) {
  return (y > -4713 || (y == -4713 && (m > 11 || (m == 11 && d >= 24)))) && y < 5874898;
}
inline bool IsValidDate(int64_t d) {
  return d >= kDatetimeMinJulian - kPostgresEpochJdate && d < kDateEndJulian - kPostgresEpochJdate;
}
inline bool IsValidTimestamp(int64_t t) { return t >= kMinTimestamp && t < kEndTimestamp; }
inline bool IsFiniteTimestamp(int64_t t) { return t != kTimestampNoBegin && t != kTimestampNoEnd; }
inline bool IsFiniteDate(int64_t d) { return d != kDateNoBegin && d != kDateNoEnd; }

// timestamp2tm without zone: false when out of range. `fsec` gets microseconds.
bool TimestampToTm(int64_t ts, PgTm* tm, int64_t* fsec);
// tm2timestamp: local fields minus `tz` (seconds WEST, i.e. -gmtoff) to UTC;
// pass tz = 0 for timestamp without time zone. False when out of range.
bool TmToTimestamp(const PgTm& tm, int64_t fsec, int tz, int64_t* out);
int64_t TimeToUsec(int hour, int min, int sec, int64_t fsec);
void UsecToTime(int64_t time, int* hour, int* min, int* sec, int64_t* fsec);

// AdjustTimestampForTypmod / AdjustTimeForTypmod: round half up (away from
// zero for negatives, as PostgreSQL) to `precision` fractional digits.
// Like PostgreSQL 15, the rounded timestamp is not range-checked.
int64_t RoundTimestamp(int64_t ts, int precision);
int64_t RoundTime(int64_t t, int precision);
// AdjustIntervalForTypmod's precision part.
Interval RoundInterval(Interval iv, int precision);
// Precision encoded in a timestamp/time/interval typmod (-1: none).
int TypmodPrecision(int32_t typmod);

// Interval and timetz inside Value.
Value IntervalToValue(const Interval& iv);
Interval IntervalFromValue(const Value& v);
Value TimeTzToValue(const TimeTz& t);
TimeTz TimeTzFromValue(const Value& v);

// interval_cmp_value: the 128-bit span used for ordering and hashing.
__int128 IntervalSpan(const Interval& iv);

}  // namespace basalt::engine::sql::datetime
