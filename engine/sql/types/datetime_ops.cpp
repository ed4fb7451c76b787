// Date/time casts and arithmetic, ported from PostgreSQL 15 date.c
// (date2timestamp, date2timestamptz, timestamp_date, date_pli, date_mi,
// time_pl_interval, ...) and timestamp.c (timestamp_pl_interval,
// timestamptz_pl_interval, timestamp_mi, interval_pl, interval_mul,
// interval_div, interval_justify_*, interval_cmp_value, timetz_cmp_internal).
#include "engine/sql/types/datetime_ops.hpp"

#include <climits>
#include <cmath>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql::datetime {
namespace {

thread_local const DateTimeSettings* g_thread_settings = nullptr;

[[noreturn]] void TimestampOutOfRange() {
  throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range");
}
[[noreturn]] void IntervalOutOfRange() {
  throw DbError(SqlState::kDatetimeValueOutOfRange, "interval out of range");
}
[[noreturn]] void DateOutOfRangeForTimestamp() {
  throw DbError(SqlState::kDatetimeValueOutOfRange, "date out of range for timestamp");
}

double TsRound(double j) { return std::rint(j * 1000000.0) / 1000000.0; }
bool FitsInt32(double d) { return d >= -2147483648.0 && d < 2147483648.0; }
bool FitsInt64(double d) { return d >= -9223372036854775808.0 && d < 9223372036854775808.0; }

void AddMonths(PgTm* tm, int32_t months) {
  int64_t mon = static_cast<int64_t>(tm->tm_mon) + months;
  if (mon > 12) {
    tm->tm_year += static_cast<int>((mon - 1) / 12);
    tm->tm_mon = static_cast<int>((mon - 1) % 12 + 1);
  } else if (mon < 1) {
    tm->tm_year += static_cast<int>(mon / 12 - 1);
    tm->tm_mon = static_cast<int>(mon % 12 + 12);
  } else {
    tm->tm_mon = static_cast<int>(mon);
  }
  int dim = DaysInMonth(tm->tm_year, tm->tm_mon);
  if (tm->tm_mday > dim) tm->tm_mday = dim;
}

void AddDays(PgTm* tm, int32_t days) {
  int64_t julian = static_cast<int64_t>(Date2J(tm->tm_year, tm->tm_mon, tm->tm_mday)) + days;
  if (julian < 0 || julian > INT32_MAX) TimestampOutOfRange();
  J2Date(static_cast<int>(julian), &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
}

// date2timestamp_opt_overflow: 0, or +1/-1 when the date is beyond the timestamp range.
int64_t DateToTimestampOverflow(int32_t date, int* overflow) {
  *overflow = 0;
  if (date == kDateNoBegin) return kTimestampNoBegin;
  if (date == kDateNoEnd) return kTimestampNoEnd;
  if (date >= kTimestampEndJulian - kPostgresEpochJdate) {
    *overflow = 1;
    return 0;
  }
  return static_cast<int64_t>(date) * kUsecsPerDay;
}

int64_t DateToTimestampTzOverflow(int32_t date, const TimeZone& zone, int* overflow) {
  *overflow = 0;
  if (date == kDateNoBegin) return kTimestampNoBegin;
  if (date == kDateNoEnd) return kTimestampNoEnd;
  if (date >= kTimestampEndJulian - kPostgresEpochJdate) {
    *overflow = 1;
    return 0;
  }
  PgTm tm;
  J2Date(date + kPostgresEpochJdate, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
  int tz = DetermineTzOffset(tm, zone);
  int64_t result = static_cast<int64_t>(date) * kUsecsPerDay + static_cast<int64_t>(tz) * kUsecsPerSec;
  if (!IsValidTimestamp(result)) {
    *overflow = result < kMinTimestamp ? -1 : 1;
    return 0;
  }
  return result;
}

int64_t TimestampToTimestampTzOverflow(int64_t ts, const TimeZone& zone, int* overflow) {
  *overflow = 0;
  if (!IsFiniteTimestamp(ts)) return ts;
  PgTm tm;
  int64_t fsec;
  if (TimestampToTm(ts, &tm, &fsec)) {
    int tz = DetermineTzOffset(tm, zone);
    int64_t out;
    if (TmToTimestamp(tm, fsec, tz, &out)) return out;
  }
  *overflow = ts < 0 ? -1 : 1;
  return 0;
}

int Cmp64(int64_t a, int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

}  // namespace

const DateTimeSettings& ThreadDateTimeSettings() {
  static const DateTimeSettings kDefault;
  return g_thread_settings ? *g_thread_settings : kDefault;
}

ScopedDateTimeSettings::ScopedDateTimeSettings(const DateTimeSettings& s) : previous_(g_thread_settings) {
  g_thread_settings = &s;
}
ScopedDateTimeSettings::~ScopedDateTimeSettings() { g_thread_settings = previous_; }

int64_t DateToTimestamp(int32_t date) {
  int overflow;
  int64_t r = DateToTimestampOverflow(date, &overflow);
  if (overflow) DateOutOfRangeForTimestamp();
  return r;
}

int64_t DateToTimestampTz(int32_t date, const TimeZone& zone) {
  int overflow;
  int64_t r = DateToTimestampTzOverflow(date, zone, &overflow);
  if (overflow) DateOutOfRangeForTimestamp();
  return r;
}

int32_t TimestampToDate(int64_t ts) {
  if (ts == kTimestampNoBegin) return kDateNoBegin;
  if (ts == kTimestampNoEnd) return kDateNoEnd;
  PgTm tm;
  int64_t fsec;
  if (!TimestampToTm(ts, &tm, &fsec)) TimestampOutOfRange();
  return Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday) - kPostgresEpochJdate;
}

int32_t TimestampTzToDate(int64_t ts, const TimeZone& zone) {
  if (!IsFiniteTimestamp(ts)) return TimestampToDate(ts);
  PgTm tm;
  int64_t fsec;
  int tz;
  if (!TimestampTzToTm(ts, zone, &tm, &fsec, &tz)) TimestampOutOfRange();
  return Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday) - kPostgresEpochJdate;
}

Value CastDateTime(const Value& v, TypeId from, TypeId to, const DateTimeSettings& s) {
  using I = TypeId;
  const TimeZone& zone = s.zone();
  auto time_of_day = [](int64_t local) {
    int64_t t = local % kUsecsPerDay;
    return t < 0 ? t + kUsecsPerDay : t;
  };
  switch (from) {
    case I::kDate: {
      int32_t d = static_cast<int32_t>(v.as_int());
      if (to == I::kTimestamp) return Value::Int(DateToTimestamp(d));
      if (to == I::kTimestampTz) return Value::Int(DateToTimestampTz(d, zone));
      break;
    }
    case I::kTime:
      if (to == I::kInterval) return IntervalToValue(Interval{v.as_int(), 0, 0});
      if (to == I::kTimeTz) {
        // time_timetz: the zone in effect today (transaction date) at that time.
        PgTm tm;
        int64_t fsec;
        int tz;
        TimestampTzToTm(s.Now(), zone, &tm, &fsec, &tz);
        UsecToTime(v.as_int(), &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &fsec);
        return TimeTzToValue(TimeTz{v.as_int(), DetermineTzOffset(tm, zone)});
      }
      break;
    case I::kTimestamp: {
      int64_t ts = v.as_int();
      if (to == I::kDate) return Value::Int(TimestampToDate(ts));
      if (to == I::kTime) return IsFiniteTimestamp(ts) ? Value::Int(time_of_day(ts)) : Value::Null();
      if (to == I::kTimestampTz) return Value::Int(LocalToUtc(ts, zone));
      break;
    }
    case I::kTimestampTz: {
      int64_t ts = v.as_int();
      if (to == I::kDate) return Value::Int(TimestampTzToDate(ts, zone));
      if (to == I::kTimestamp) return Value::Int(UtcToLocal(ts, zone));
      if (to == I::kTime || to == I::kTimeTz) {
        if (!IsFiniteTimestamp(ts)) return Value::Null();
        PgTm tm;
        int64_t fsec;
        int tz;
        if (!TimestampTzToTm(ts, zone, &tm, &fsec, &tz)) TimestampOutOfRange();
        int64_t t = TimeToUsec(tm.tm_hour, tm.tm_min, tm.tm_sec, fsec);
        return to == I::kTime ? Value::Int(t) : TimeTzToValue(TimeTz{t, tz});
      }
      break;
    }
    case I::kInterval:
      if (to == I::kTime) {
        int64_t t = IntervalFromValue(v).time % kUsecsPerDay;
        return Value::Int(t < 0 ? t + kUsecsPerDay : t);
      }
      break;
    case I::kTimeTz:
      if (to == I::kTime) return Value::Int(TimeTzFromValue(v).time);
      break;
    default: break;
  }
  throw DbError(SqlState::kCannotCoerce, "cannot cast type " + TypeDisplayName(from) + " to " + TypeDisplayName(to));
}

int CompareInterval(const Interval& a, const Interval& b) {
  __int128 x = IntervalSpan(a), y = IntervalSpan(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

int CompareTimeTz(const TimeTz& a, const TimeTz& b) {
  int64_t t1 = a.time + static_cast<int64_t>(a.zone) * kUsecsPerSec;
  int64_t t2 = b.time + static_cast<int64_t>(b.zone) * kUsecsPerSec;
  if (int c = Cmp64(t1, t2)) return c;
  return Cmp64(a.zone, b.zone);
}

int64_t TimestampPlusInterval(int64_t ts, const Interval& iv) {
  if (!IsFiniteTimestamp(ts)) return ts;
  PgTm tm;
  int64_t fsec;
  if (iv.month != 0) {
    if (!TimestampToTm(ts, &tm, &fsec)) TimestampOutOfRange();
    AddMonths(&tm, iv.month);
    if (!TmToTimestamp(tm, fsec, 0, &ts)) TimestampOutOfRange();
  }
  if (iv.day != 0) {
    if (!TimestampToTm(ts, &tm, &fsec)) TimestampOutOfRange();
    AddDays(&tm, iv.day);
    if (!TmToTimestamp(tm, fsec, 0, &ts)) TimestampOutOfRange();
  }
  if (__builtin_add_overflow(ts, iv.time, &ts) || !IsValidTimestamp(ts)) TimestampOutOfRange();
  return ts;
}

int64_t TimestampTzPlusInterval(int64_t ts, const Interval& iv, const TimeZone& zone) {
  if (!IsFiniteTimestamp(ts)) return ts;
  PgTm tm;
  int64_t fsec;
  int tz;
  if (iv.month != 0) {
    if (!TimestampTzToTm(ts, zone, &tm, &fsec, &tz)) TimestampOutOfRange();
    AddMonths(&tm, iv.month);
    tz = DetermineTzOffset(tm, zone);
    if (!TmToTimestamp(tm, fsec, tz, &ts)) TimestampOutOfRange();
  }
  if (iv.day != 0) {
    if (!TimestampTzToTm(ts, zone, &tm, &fsec, &tz)) TimestampOutOfRange();
    AddDays(&tm, iv.day);
    tz = DetermineTzOffset(tm, zone);
    if (!TmToTimestamp(tm, fsec, tz, &ts)) TimestampOutOfRange();
  }
  if (__builtin_add_overflow(ts, iv.time, &ts) || !IsValidTimestamp(ts)) TimestampOutOfRange();
  return ts;
}

Interval TimestampMinus(int64_t a, int64_t b) {
  if (!IsFiniteTimestamp(a) || !IsFiniteTimestamp(b)) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, "cannot subtract infinite timestamps");
  }
  // PostgreSQL 15 subtracts without an overflow check (the result wraps).
  Interval r;
  r.time = static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
  return JustifyHours(r);
}

Interval IntervalNegate(const Interval& iv) {
  if (iv.time == INT64_MIN || iv.day == INT32_MIN || iv.month == INT32_MIN) IntervalOutOfRange();
  return Interval{-iv.time, -iv.day, -iv.month};
}

Interval IntervalAdd(const Interval& a, const Interval& b) {
  Interval r;
  if (__builtin_add_overflow(a.month, b.month, &r.month) || __builtin_add_overflow(a.day, b.day, &r.day) ||
      __builtin_add_overflow(a.time, b.time, &r.time)) {
    IntervalOutOfRange();
  }
  return r;
}

Interval IntervalMul(const Interval& iv, double factor) {
  Interval r;
  double d = iv.month * factor;
  if (std::isnan(d) || !FitsInt32(d)) IntervalOutOfRange();
  r.month = static_cast<int32_t>(d);
  d = iv.day * factor;
  if (std::isnan(d) || !FitsInt32(d)) IntervalOutOfRange();
  r.day = static_cast<int32_t>(d);
  double month_remainder_days = TsRound((iv.month * factor - r.month) * kDaysPerMonth);
  double sec_remainder = TsRound((iv.day * factor - r.day + month_remainder_days -
                                  static_cast<int>(month_remainder_days)) * kSecsPerDay);
  if (std::fabs(sec_remainder) >= kSecsPerDay) {
    if (__builtin_add_overflow(r.day, static_cast<int>(sec_remainder / kSecsPerDay), &r.day)) IntervalOutOfRange();
    sec_remainder -= static_cast<int>(sec_remainder / kSecsPerDay) * kSecsPerDay;
  }
  if (__builtin_add_overflow(r.day, static_cast<int32_t>(month_remainder_days), &r.day)) IntervalOutOfRange();
  d = std::rint(static_cast<double>(iv.time) * factor + sec_remainder * kUsecsPerSec);
  if (std::isnan(d) || !FitsInt64(d)) IntervalOutOfRange();
  r.time = static_cast<int64_t>(d);
  return r;
}

Interval IntervalDiv(const Interval& iv, double factor) {
  if (factor == 0.0) throw DbError(SqlState::kDivisionByZero, "division by zero");
  Interval r;
  double d = iv.month / factor;
  if (std::isnan(d) || !FitsInt32(d)) IntervalOutOfRange();
  r.month = static_cast<int32_t>(d);
  d = iv.day / factor;
  if (std::isnan(d) || !FitsInt32(d)) IntervalOutOfRange();
  r.day = static_cast<int32_t>(d);
  double month_remainder_days = TsRound((iv.month / factor - r.month) * kDaysPerMonth);
  double sec_remainder = TsRound((iv.day / factor - r.day + month_remainder_days -
                                  static_cast<int>(month_remainder_days)) * kSecsPerDay);
  if (std::fabs(sec_remainder) >= kSecsPerDay) {
    if (__builtin_add_overflow(r.day, static_cast<int>(sec_remainder / kSecsPerDay), &r.day)) IntervalOutOfRange();
    sec_remainder -= static_cast<int>(sec_remainder / kSecsPerDay) * kSecsPerDay;
  }
  if (__builtin_add_overflow(r.day, static_cast<int32_t>(month_remainder_days), &r.day)) IntervalOutOfRange();
  d = std::rint(static_cast<double>(iv.time) / factor + sec_remainder * kUsecsPerSec);
  if (std::isnan(d) || !FitsInt64(d)) IntervalOutOfRange();
  r.time = static_cast<int64_t>(d);
  return r;
}

Interval JustifyHours(const Interval& iv) {
  Interval r = iv;
  int64_t wholeday = r.time / kUsecsPerDay;
  r.time -= wholeday * kUsecsPerDay;
  if (wholeday > INT32_MAX || wholeday < INT32_MIN ||
      __builtin_add_overflow(r.day, static_cast<int32_t>(wholeday), &r.day)) {
    IntervalOutOfRange();
  }
  if (r.day > 0 && r.time < 0) {
    r.time += kUsecsPerDay;
    r.day--;
  } else if (r.day < 0 && r.time > 0) {
    r.time -= kUsecsPerDay;
    r.day++;
  }
  return r;
}

Interval JustifyDays(const Interval& iv) {
  Interval r = iv;
  int32_t wholemonth = r.day / kDaysPerMonth;
  r.day -= wholemonth * kDaysPerMonth;
  if (__builtin_add_overflow(r.month, wholemonth, &r.month)) IntervalOutOfRange();
  if (r.month > 0 && r.day < 0) {
    r.day += kDaysPerMonth;
    r.month--;
  } else if (r.month < 0 && r.day > 0) {
    r.day -= kDaysPerMonth;
    r.month++;
  }
  return r;
}

Interval JustifyInterval(const Interval& iv) {
  Interval r = iv;
  if ((r.day > 0 && r.time > 0) || (r.day < 0 && r.time < 0)) {
    int32_t wholemonth = r.day / kDaysPerMonth;
    r.day -= wholemonth * kDaysPerMonth;
    if (__builtin_add_overflow(r.month, wholemonth, &r.month)) IntervalOutOfRange();
  }
  int64_t wholeday = r.time / kUsecsPerDay;
  r.time -= wholeday * kUsecsPerDay;
  if (wholeday > INT32_MAX || wholeday < INT32_MIN ||
      __builtin_add_overflow(r.day, static_cast<int32_t>(wholeday), &r.day)) {
    IntervalOutOfRange();
  }
  int32_t wholemonth = r.day / kDaysPerMonth;
  r.day -= wholemonth * kDaysPerMonth;
  if (__builtin_add_overflow(r.month, wholemonth, &r.month)) IntervalOutOfRange();
  if (r.month > 0 && (r.day < 0 || (r.day == 0 && r.time < 0))) {
    r.day += kDaysPerMonth;
    r.month--;
  } else if (r.month < 0 && (r.day > 0 || (r.day == 0 && r.time > 0))) {
    r.day -= kDaysPerMonth;
    r.month++;
  }
  if (r.day > 0 && r.time < 0) {
    r.time += kUsecsPerDay;
    r.day--;
  } else if (r.day < 0 && r.time > 0) {
    r.time -= kUsecsPerDay;
    r.day++;
  }
  return r;
}

// Cross-type comparisons (date_cmp_timestamp_internal and friends).
int CompareDateTimestamp(int32_t date, int64_t ts) {
  int overflow;
  int64_t d = DateToTimestampOverflow(date, &overflow);
  if (overflow > 0) return ts == kTimestampNoEnd ? -1 : 1;
  return Cmp64(d, ts);
}

int CompareDateTimestampTz(int32_t date, int64_t ts, const TimeZone& zone) {
  int overflow;
  int64_t d = DateToTimestampTzOverflow(date, zone, &overflow);
  if (overflow > 0) return ts == kTimestampNoEnd ? -1 : 1;
  if (overflow < 0) return ts == kTimestampNoBegin ? 1 : -1;
  return Cmp64(d, ts);
}

int CompareTimestampTimestampTz(int64_t ts, int64_t tstz, const TimeZone& zone) {
  int overflow;
  int64_t t = TimestampToTimestampTzOverflow(ts, zone, &overflow);
  if (overflow > 0) return tstz == kTimestampNoEnd ? -1 : 1;
  if (overflow < 0) return tstz == kTimestampNoBegin ? 1 : -1;
  return Cmp64(t, tstz);
}

}  // namespace basalt::engine::sql::datetime
