// Calendar math, ported from PostgreSQL 15 src/backend/utils/adt/datetime.c
// (date2j, j2date, j2day) and timestamp.c (timestamp2tm, tm2timestamp,
// AdjustTimestampForTypmod, AdjustIntervalForTypmod, interval_cmp_value).
#include "engine/sql/types/datetime.hpp"

#include <cstdint>

#include <cstring>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql::datetime {
namespace {

constexpr int64_t kScales[kMaxTimestampPrecision + 1] = {1000000, 100000, 10000, 1000, 100, 10, 1};
constexpr int64_t kOffsets[kMaxTimestampPrecision + 1] = {500000, 50000, 5000, 500, 50, 5, 0};

void PutLe(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint64_t GetLe(const std::string& s, size_t off, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(s[off + i])) << (8 * i);
  return v;
}

}  // namespace

int Date2J(int year_in, int month_in, int day_in) {
  // PostgreSQL's date2j, computed in 64 bits: callers pass unchecked years
  // (e.g. an interval pushing a timestamp far out of range) and test the
  // result afterwards, so saturate instead of overflowing.
  int64_t year = year_in;
  int64_t month = month_in;
  if (month > 2) {
    month += 1;
    year += 4800;
  } else {
    month += 13;
    year += 4799;
  }
  int64_t century = year / 100;
  int64_t julian = year * 365 - 32167;
  julian += year / 4 - century + century / 4;
  julian += 7834 * month / 256 + day_in;
  if (julian > INT32_MAX) return INT32_MAX;
  if (julian < INT32_MIN) return INT32_MIN;
  return static_cast<int>(julian);
}

void J2Date(int jd, int* year, int* month, int* day) {
  unsigned int julian = static_cast<unsigned int>(jd);
  julian += 32044;
  unsigned int quad = julian / 146097;
  unsigned int extra = (julian - quad * 146097) * 4 + 3;
  julian += 60 + quad * 3 + extra / 146097;
  quad = julian / 1461;
  julian -= quad * 1461;
  int y = static_cast<int>(julian * 4 / 1461);
  julian = ((y != 0) ? ((julian + 305) % 365) : ((julian + 306) % 366)) + 123;
  y += static_cast<int>(quad * 4);
  *year = y - 4800;
  quad = julian * 2141 / 65536;
  *day = static_cast<int>(julian - 7834 * quad / 256);
  *month = static_cast<int>((quad + 10) % 12 + 1);
}

int J2Day(int jd) {
  int64_t d = (static_cast<int64_t>(jd) + 1) % 7;
  return static_cast<int>(d < 0 ? d + 7 : d);
}

int IsoWeek(int year, int mon, int mday) {
  int dayn = Date2J(year, mon, mday);
  int day4 = Date2J(year, 1, 4);
  int day0 = J2Day(day4 - 1);
  if (dayn < day4 - day0) {
    day4 = Date2J(year - 1, 1, 4);
    day0 = J2Day(day4 - 1);
  }
  int result = (dayn - (day4 - day0)) / 7 + 1;
  if (result >= 52) {
    day4 = Date2J(year + 1, 1, 4);
    day0 = J2Day(day4 - 1);
    if (dayn >= day4 - day0) result = (dayn - (day4 - day0)) / 7 + 1;
  }
  return result;
}

int IsoYear(int year, int mon, int mday) {
  int dayn = Date2J(year, mon, mday);
  int day4 = Date2J(year, 1, 4);
  int day0 = J2Day(day4 - 1);
  if (dayn < day4 - day0) {
    day4 = Date2J(year - 1, 1, 4);
    day0 = J2Day(day4 - 1);
    year--;
  }
  int result = (dayn - (day4 - day0)) / 7 + 1;
  if (result >= 52) {
    day4 = Date2J(year + 1, 1, 4);
    day0 = J2Day(day4 - 1);
    if (dayn >= day4 - day0) year++;
  }
  return year;
}

bool IsLeap(int y) { return (y % 4 == 0) && ((y % 100 != 0) || (y % 400 == 0)); }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[2][12] = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
                                       {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};
  return kDays[IsLeap(year) ? 1 : 0][month - 1];
}

int64_t TimeToUsec(int hour, int min, int sec, int64_t fsec) {
  return ((static_cast<int64_t>(hour) * 60 + min) * 60 + sec) * kUsecsPerSec + fsec;
}

void UsecToTime(int64_t time, int* hour, int* min, int* sec, int64_t* fsec) {
  *hour = static_cast<int>(time / kUsecsPerHour);
  time -= static_cast<int64_t>(*hour) * kUsecsPerHour;
  *min = static_cast<int>(time / kUsecsPerMinute);
  time -= static_cast<int64_t>(*min) * kUsecsPerMinute;
  *sec = static_cast<int>(time / kUsecsPerSec);
  *fsec = time - static_cast<int64_t>(*sec) * kUsecsPerSec;
}

bool TimestampToTm(int64_t ts, PgTm* tm, int64_t* fsec) {
  int64_t date = ts / kUsecsPerDay;
  int64_t time = ts - date * kUsecsPerDay;
  if (time < 0) {
    time += kUsecsPerDay;
    date -= 1;
  }
  date += kPostgresEpochJdate;
  if (date < 0 || date > INT32_MAX) return false;
  J2Date(static_cast<int>(date), &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
  UsecToTime(time, &tm->tm_hour, &tm->tm_min, &tm->tm_sec, fsec);
  tm->tm_wday = J2Day(static_cast<int>(date));
  tm->tm_yday = static_cast<int>(date) - Date2J(tm->tm_year, 1, 1) + 1;
  return true;
}

bool TmToTimestamp(const PgTm& tm, int64_t fsec, int tz, int64_t* out) {
  if (!IsValidJulian(tm.tm_year, tm.tm_mon, tm.tm_mday)) return false;
  int64_t date = Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday) - kPostgresEpochJdate;
  int64_t time = TimeToUsec(tm.tm_hour, tm.tm_min, tm.tm_sec, fsec);
  int64_t result;
  if (__builtin_mul_overflow(date, kUsecsPerDay, &result) || __builtin_add_overflow(result, time, &result)) {
    return false;
  }
  if ((result < 0 && date > 0) || (result > 0 && date < -1)) return false;
  result += static_cast<int64_t>(tz) * kUsecsPerSec;
  if (!IsValidTimestamp(result)) return false;
  *out = result;
  return true;
}

int TypmodPrecision(int32_t typmod) { return typmod < 0 ? -1 : typmod; }

int64_t RoundTimestamp(int64_t ts, int precision) {
  if (!IsFiniteTimestamp(ts) || precision < 0 || precision >= kMaxTimestampPrecision) return ts;
  int64_t r;
  if (ts >= 0) {
    r = ((ts + kOffsets[precision]) / kScales[precision]) * kScales[precision];
  } else {
    r = -((((-ts) + kOffsets[precision]) / kScales[precision]) * kScales[precision]);
  }
  // PostgreSQL 15 does not range-check the rounded value ('294276-12-31
  // 23:59:59.5'::timestamp(0) is 294277-01-01 00:00:00).
  return r;
}

int64_t RoundTime(int64_t t, int precision) {
  if (precision < 0 || precision >= kMaxTimestampPrecision) return t;
  return ((t + kOffsets[precision]) / kScales[precision]) * kScales[precision];
}

Interval RoundInterval(Interval iv, int precision) {
  if (precision < 0 || precision >= kMaxTimestampPrecision) return iv;
  if (iv.time >= 0) {
    iv.time = ((iv.time + kOffsets[precision]) / kScales[precision]) * kScales[precision];
  } else {
    iv.time = -(((-iv.time + kOffsets[precision]) / kScales[precision]) * kScales[precision]);
  }
  return iv;
}

Value IntervalToValue(const Interval& iv) {
  std::string s;
  s.reserve(16);
  PutLe(s, static_cast<uint64_t>(iv.time), 8);
  PutLe(s, static_cast<uint32_t>(iv.day), 4);
  PutLe(s, static_cast<uint32_t>(iv.month), 4);
  return Value::String(std::move(s));
}

Interval IntervalFromValue(const Value& v) {
  const std::string& s = v.as_string();
  if (s.size() != 16) throw DbError(SqlState::kDataCorrupted, "malformed interval value");
  Interval iv;
  iv.time = static_cast<int64_t>(GetLe(s, 0, 8));
  iv.day = static_cast<int32_t>(static_cast<uint32_t>(GetLe(s, 8, 4)));
  iv.month = static_cast<int32_t>(static_cast<uint32_t>(GetLe(s, 12, 4)));
  return iv;
}

Value TimeTzToValue(const TimeTz& t) {
  std::string s;
  s.reserve(12);
  PutLe(s, static_cast<uint64_t>(t.time), 8);
  PutLe(s, static_cast<uint32_t>(t.zone), 4);
  return Value::String(std::move(s));
}

TimeTz TimeTzFromValue(const Value& v) {
  const std::string& s = v.as_string();
  if (s.size() != 12) throw DbError(SqlState::kDataCorrupted, "malformed time with time zone value");
  TimeTz t;
  t.time = static_cast<int64_t>(GetLe(s, 0, 8));
  t.zone = static_cast<int32_t>(static_cast<uint32_t>(GetLe(s, 8, 4)));
  return t;
}

__int128 IntervalSpan(const Interval& iv) {
  // interval_cmp_value: months count as 30 days, days as 24 hours.
  __int128 days = static_cast<__int128>(iv.month) * kDaysPerMonth + iv.day;
  return days * kUsecsPerDay + iv.time;
}

}  // namespace basalt::engine::sql::datetime
