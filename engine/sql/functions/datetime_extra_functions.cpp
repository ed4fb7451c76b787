// Date/time functions beyond time_functions.cpp: date_trunc in a named zone,
// justify_*, isfinite, make_timestamp[tz], make_interval, to_timestamp(double),
// date_bin (PostgreSQL 15, timestamp.c) and TimescaleDB's time_bucket.
//
// time_bucket follows TimescaleDB: buckets narrower than a month are aligned
// to 2000-01-03 00:00 (a Monday, so week buckets start on Mondays); month and
// year buckets are counted in whole months from 2000-01-01 and may not carry a
// day or time part. timestamptz buckets are computed in UTC, dates as
// midnight timestamps. An explicit origin (same type as the value) or, for the
// integer forms, an offset shifts the grid.
#include <cmath>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/types/datetime.hpp"
#include "engine/sql/types/datetime_functions.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/time_zone.hpp"

namespace basalt::engine::sql {
namespace {

namespace dt = datetime;

const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kInt2{TypeId::kInt2, -1};
const Type kFloat8{TypeId::kFloat8, -1};
const Type kBool{TypeId::kBool, -1};
const Type kDate{TypeId::kDate, -1};
const Type kTs{TypeId::kTimestamp, -1};
const Type kTsTz{TypeId::kTimestampTz, -1};
const Type kInterval{TypeId::kInterval, -1};

[[noreturn]] void TimestampOutOfRange() {
  throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range");
}
[[noreturn]] void IntervalOutOfRange() {
  throw DbError(SqlState::kDatetimeValueOutOfRange, "interval out of range");
}

dt::DateTimeSettings WithZone(std::string_view zone) {
  auto tz = dt::FindTimeZone(zone);
  if (!tz) {
    throw DbError(SqlState::kInvalidParameterValue, fmt::format("time zone \"{}\" not recognized", zone));
  }
  dt::DateTimeSettings s = dt::ThreadDateTimeSettings();
  s.time_zone = std::move(tz);
  return s;
}

Value DateTruncZone(FnArgs a, FnTypes, Type, EvalContext&) {
  dt::DateTimeSettings s = WithZone(a[2].as_string());
  return Value::Int(dt::DateTrunc(a[0].as_string(), a[1].as_int(), TypeId::kTimestampTz, s));
}

Value JustifyDays(FnArgs a, FnTypes, Type, EvalContext&) {
  return dt::IntervalToValue(dt::JustifyDays(dt::IntervalFromValue(a[0])));
}
Value JustifyHours(FnArgs a, FnTypes, Type, EvalContext&) {
  return dt::IntervalToValue(dt::JustifyHours(dt::IntervalFromValue(a[0])));
}
Value JustifyInterval(FnArgs a, FnTypes, Type, EvalContext&) {
  return dt::IntervalToValue(dt::JustifyInterval(dt::IntervalFromValue(a[0])));
}

Value IsFinite(FnArgs a, FnTypes t, Type, EvalContext&) {
  switch (t[0].id) {
    case TypeId::kDate: return Value::Bool(dt::IsFiniteDate(a[0].as_int()));
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return Value::Bool(dt::IsFiniteTimestamp(a[0].as_int()));
    default: return Value::Bool(true);
  }
}

// make_timestamp_internal (timestamp.c): local timestamp from fields.
int64_t MakeTimestamp(FnArgs a) {
  int year = static_cast<int>(a[0].as_int()), month = static_cast<int>(a[1].as_int()),
      mday = static_cast<int>(a[2].as_int());
  int hour = static_cast<int>(a[3].as_int()), min = static_cast<int>(a[4].as_int());
  double sec = a[5].as_float();
  int ayear = year;
  if (year < 0) ayear = year + 1;  // BC
  if (year == 0 || month < 1 || month > 12 || mday < 1 || mday > dt::DaysInMonth(ayear, month)) {
    throw DbError(SqlState::kDatetimeFieldOverflow,
                  fmt::format("date field value out of range: {}-{:02}-{:02}", year, month, mday));
  }
  if (!dt::IsValidJulian(ayear, month, mday)) {
    throw DbError(SqlState::kDatetimeValueOutOfRange,
                  fmt::format("date out of range: {}-{:02}-{:02}", year, month, mday));
  }
  int64_t date = dt::Date2J(ayear, month, mday) - dt::kPostgresEpochJdate;
  // float_time_overflows: hour 0..24, minutes 0..59, seconds 0..60, and 24:00:00 only exactly.
  double usec = std::rint(sec * 1e6);
  bool bad = hour < 0 || min < 0 || min > 59 || std::isnan(sec) || sec < 0 || sec > 60 || hour > 24 ||
             (hour * 3600.0 + min * 60.0) * 1e6 + usec > 86400e6;
  if (bad) {
    std::string s = fmt::format("{:g}", sec);  // printf's %02g
    if (s.size() < 2) s.insert(s.begin(), '0');
    throw DbError(SqlState::kDatetimeFieldOverflow,
                  fmt::format("time field value out of range: {}:{:02}:{}", hour, min, s));
  }
  int64_t time = (static_cast<int64_t>(hour) * 60 + min) * 60 * dt::kUsecsPerSec + static_cast<int64_t>(usec);
  __int128 r = static_cast<__int128>(date) * dt::kUsecsPerDay + time;
  if (r < dt::kMinTimestamp || r >= dt::kEndTimestamp) {
    throw DbError(SqlState::kDatetimeValueOutOfRange,
                  fmt::format("timestamp out of range: {}-{:02}-{:02} {}:{:02}:{:.15g}", year, month, mday, hour, min, sec));
  }
  return static_cast<int64_t>(r);
}

Value MakeTs(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Int(MakeTimestamp(a)); }
Value MakeTsTz(FnArgs a, FnTypes, Type, EvalContext&) {
  Value local = Value::Int(MakeTimestamp(a));
  if (a.size() > 6) {
    return dt::CastDateTime(local, TypeId::kTimestamp, TypeId::kTimestampTz, WithZone(a[6].as_string()));
  }
  return dt::CastDateTime(local, TypeId::kTimestamp, TypeId::kTimestampTz, dt::ThreadDateTimeSettings());
}

// make_interval(years, months, weeks, days, hours, mins, secs), trailing arguments default to 0.
Value MakeInterval(FnArgs a, FnTypes, Type, EvalContext&) {
  auto arg = [&](size_t i) { return i < a.size() ? a[i].as_int() : 0; };
  double secs = a.size() > 6 ? a[6].as_float() : 0.0;
  if (std::isnan(secs) || std::isinf(secs)) IntervalOutOfRange();
  int64_t months = arg(0) * 12 + arg(1);
  int64_t days = arg(2) * 7 + arg(3);
  if (months > INT32_MAX || months < INT32_MIN || days > INT32_MAX || days < INT32_MIN) IntervalOutOfRange();
  double usecs = std::rint(secs * 1e6);
  __int128 time = static_cast<__int128>(arg(4)) * dt::kUsecsPerHour + static_cast<__int128>(arg(5)) * dt::kUsecsPerMinute;
  if (usecs > 9.2e18 || usecs < -9.2e18) IntervalOutOfRange();
  time += static_cast<int64_t>(usecs);
  if (time > INT64_MAX || time < INT64_MIN) IntervalOutOfRange();
  dt::Interval iv{static_cast<int64_t>(time), static_cast<int32_t>(days), static_cast<int32_t>(months)};
  return dt::IntervalToValue(iv);
}

Value ToTimestampEpoch(FnArgs a, FnTypes, Type, EvalContext&) {
  double seconds = a[0].as_float();
  if (std::isnan(seconds)) throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp cannot be NaN");
  if (std::isinf(seconds)) return Value::Int(seconds < 0 ? dt::kTimestampNoBegin : dt::kTimestampNoEnd);
  auto out_of_range = [&] {
    throw DbError(SqlState::kDatetimeValueOutOfRange, fmt::format("timestamp out of range: \"{:g}\"", seconds));
  };
  if (seconds < static_cast<double>(dt::kSecsPerDay) * (dt::kDatetimeMinJulian - dt::kUnixEpochJdate) ||
      seconds >= static_cast<double>(dt::kSecsPerDay) * (dt::kTimestampEndJulian - dt::kUnixEpochJdate)) {
    out_of_range();
  }
  double s = seconds - static_cast<double>(dt::kPostgresEpochJdate - dt::kUnixEpochJdate) * dt::kSecsPerDay;
  s = std::rint(s * 1e6);
  auto r = static_cast<int64_t>(s);
  if (!dt::IsValidTimestamp(r)) out_of_range();
  return Value::Int(r);
}

// timestamp_bin / timestamptz_bin (PostgreSQL 15).
Value DateBin(FnArgs a, FnTypes, Type, EvalContext&) {
  dt::Interval stride = dt::IntervalFromValue(a[0]);
  int64_t ts = a[1].as_int(), origin = a[2].as_int();
  if (!dt::IsFiniteTimestamp(ts)) return a[1];
  if (!dt::IsFiniteTimestamp(origin)) throw DbError(SqlState::kDatetimeValueOutOfRange, "origin out of range");
  if (stride.month != 0) {
    throw DbError(SqlState::kFeatureNotSupported, "timestamps cannot be binned into intervals containing months or years");
  }
  __int128 stride_usecs = static_cast<__int128>(stride.day) * dt::kUsecsPerDay + stride.time;
  if (stride_usecs > INT64_MAX || stride_usecs < INT64_MIN) IntervalOutOfRange();
  if (stride_usecs <= 0) throw DbError(SqlState::kDatetimeValueOutOfRange, "stride must be greater than zero");
  __int128 diff = static_cast<__int128>(ts) - origin;
  if (diff > INT64_MAX || diff < INT64_MIN) IntervalOutOfRange();
  __int128 delta = diff - diff % stride_usecs;
  if (origin > ts && stride_usecs > 1) delta -= stride_usecs;
  __int128 r = origin + delta;
  if (r < dt::kMinTimestamp || r >= dt::kEndTimestamp) TimestampOutOfRange();
  return Value::Int(static_cast<int64_t>(r));
}

// --- time_bucket (TimescaleDB) ---

constexpr int64_t kDefaultOrigin = 2 * dt::kUsecsPerDay;  // 2000-01-03 00:00:00, a Monday

int64_t FloorDiv(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return static_cast<int64_t>(q);
}

int64_t BucketMonths(const dt::Interval& width, int64_t ts, std::optional<int64_t> origin) {
  if (width.day != 0 || width.time != 0) {
    throw DbError(SqlState::kFeatureNotSupported, "month intervals cannot have day or time component");
  }
  if (width.month <= 0) throw DbError(SqlState::kInvalidParameterValue, "period must be greater than 0");
  dt::PgTm tm, otm;
  int64_t fsec = 0, ofsec = 0;
  if (!dt::TimestampToTm(ts, &tm, &fsec)) TimestampOutOfRange();
  int origin_months = 0;  // 2000-01
  int64_t origin_rest = 0;
  if (origin) {
    if (!dt::TimestampToTm(*origin, &otm, &ofsec)) TimestampOutOfRange();
    origin_months = (otm.tm_year - 2000) * 12 + (otm.tm_mon - 1);
    // The origin's offset within its month shifts every bucket start.
    dt::PgTm start = otm;
    start.tm_mday = 1;
    start.tm_hour = start.tm_min = start.tm_sec = 0;
    int64_t month_start = 0;
    dt::TmToTimestamp(start, 0, 0, &month_start);
    origin_rest = *origin - month_start;
  }
  int64_t months = (static_cast<int64_t>(tm.tm_year) - 2000) * 12 + (tm.tm_mon - 1);
  int64_t bucket = FloorDiv(static_cast<__int128>(months) - origin_months, width.month) * width.month + origin_months;
  auto make = [&](int64_t m) {
    dt::PgTm b;
    b.tm_year = static_cast<int>(2000 + FloorDiv(m, 12));
    b.tm_mon = static_cast<int>(m - FloorDiv(m, 12) * 12) + 1;
    b.tm_mday = 1;
    int64_t out = 0;
    if (!dt::TmToTimestamp(b, 0, 0, &out)) TimestampOutOfRange();
    return out + origin_rest;
  };
  int64_t r = make(bucket);
  if (r > ts) r = make(bucket - width.month);
  return r;
}

int64_t Bucket(const dt::Interval& width, int64_t ts, std::optional<int64_t> origin) {
  if (!dt::IsFiniteTimestamp(ts)) return ts;
  if (width.month != 0) return BucketMonths(width, ts, origin);
  __int128 period = static_cast<__int128>(width.day) * dt::kUsecsPerDay + width.time;
  if (period <= 0) throw DbError(SqlState::kInvalidParameterValue, "period must be greater than 0");
  int64_t o = origin.value_or(kDefaultOrigin);
  __int128 r = static_cast<__int128>(FloorDiv(static_cast<__int128>(ts) - o, period)) * period + o;
  if (r < dt::kMinTimestamp || r >= dt::kEndTimestamp) TimestampOutOfRange();
  return static_cast<int64_t>(r);
}

Value TimeBucketTs(FnArgs a, FnTypes, Type, EvalContext&) {
  std::optional<int64_t> origin;
  if (a.size() > 2) origin = a[2].as_int();
  return Value::Int(Bucket(dt::IntervalFromValue(a[0]), a[1].as_int(), origin));
}

Value TimeBucketTsOffset(FnArgs a, FnTypes, Type, EvalContext&) {
  dt::Interval width = dt::IntervalFromValue(a[0]);
  dt::Interval offset = dt::IntervalFromValue(a[2]);
  int64_t ts = a[1].as_int();
  if (!dt::IsFiniteTimestamp(ts)) return a[1];
  int64_t shifted = dt::TimestampPlusInterval(ts, dt::IntervalNegate(offset));
  return Value::Int(dt::TimestampPlusInterval(Bucket(width, shifted, std::nullopt), offset));
}

Value TimeBucketDate(FnArgs a, FnTypes, Type, EvalContext&) {
  dt::Interval width = dt::IntervalFromValue(a[0]);
  int64_t date = a[1].as_int();
  if (!dt::IsFiniteDate(date)) return a[1];
  if (width.month == 0 && (width.time % dt::kUsecsPerDay) != 0) {
    throw DbError(SqlState::kInvalidParameterValue, "interval must not have sub-day precision");
  }
  std::optional<int64_t> origin;
  if (a.size() > 2) origin = dt::DateToTimestamp(static_cast<int32_t>(a[2].as_int()));
  int64_t r = Bucket(width, dt::DateToTimestamp(static_cast<int32_t>(date)), origin);
  return Value::Int(dt::TimestampToDate(r));
}

Value TimeBucketInt(FnArgs a, FnTypes t, Type, EvalContext&) {
  int64_t width = a[0].as_int(), v = a[1].as_int(), offset = a.size() > 2 ? a[2].as_int() : 0;
  if (width <= 0) throw DbError(SqlState::kInvalidParameterValue, "period must be greater than 0");
  __int128 r = static_cast<__int128>(FloorDiv(static_cast<__int128>(v) - offset, width)) * width + offset;
  __int128 lo = t[1].id == TypeId::kInt2 ? INT16_MIN : t[1].id == TypeId::kInt4 ? INT32_MIN : INT64_MIN;
  __int128 hi = t[1].id == TypeId::kInt2 ? INT16_MAX : t[1].id == TypeId::kInt4 ? INT32_MAX : INT64_MAX;
  if (r < lo || r > hi) throw DbError(SqlState::kNumericValueOutOfRange, "timestamp out of range");
  return Value::Int(static_cast<int64_t>(r));
}

}  // namespace

void RegisterTimeFunctionsExtra(std::vector<FunctionEntry>& v) {
  auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn) {
    v.push_back({name, FunctionInfo{std::move(args), result, fn}});
  };
  add("date_trunc", {kText, kTsTz, kText}, kTsTz, &DateTruncZone);
  add("justify_days", {kInterval}, kInterval, &JustifyDays);
  add("justify_hours", {kInterval}, kInterval, &JustifyHours);
  add("justify_interval", {kInterval}, kInterval, &JustifyInterval);
  for (Type t : {kDate, kTs, kTsTz, kInterval}) add("isfinite", {t}, kBool, &IsFinite);
  add("make_timestamp", {kInt4, kInt4, kInt4, kInt4, kInt4, kFloat8}, kTs, &MakeTs);
  add("make_timestamptz", {kInt4, kInt4, kInt4, kInt4, kInt4, kFloat8}, kTsTz, &MakeTsTz);
  add("make_timestamptz", {kInt4, kInt4, kInt4, kInt4, kInt4, kFloat8, kText}, kTsTz, &MakeTsTz);
  std::vector<Type> iv_args;
  add("make_interval", iv_args, kInterval, &MakeInterval);
  for (int i = 0; i < 6; ++i) {
    iv_args.push_back(kInt4);
    add("make_interval", iv_args, kInterval, &MakeInterval);
  }
  iv_args.push_back(kFloat8);
  add("make_interval", iv_args, kInterval, &MakeInterval);
  add("to_timestamp", {kFloat8}, kTsTz, &ToTimestampEpoch);
  add("date_bin", {kInterval, kTs, kTs}, kTs, &DateBin);
  add("date_bin", {kInterval, kTsTz, kTsTz}, kTsTz, &DateBin);
  add("time_bucket", {kInterval, kTs}, kTs, &TimeBucketTs);
  add("time_bucket", {kInterval, kTsTz}, kTsTz, &TimeBucketTs);
  add("time_bucket", {kInterval, kDate}, kDate, &TimeBucketDate);
  add("time_bucket", {kInterval, kTs, kTs}, kTs, &TimeBucketTs);
  add("time_bucket", {kInterval, kTsTz, kTsTz}, kTsTz, &TimeBucketTs);
  add("time_bucket", {kInterval, kDate, kDate}, kDate, &TimeBucketDate);
  add("time_bucket", {kInterval, kTs, kInterval}, kTs, &TimeBucketTsOffset);
  add("time_bucket", {kInterval, kTsTz, kInterval}, kTsTz, &TimeBucketTsOffset);
  for (Type t : {kInt2, kInt4, kInt8}) {
    add("time_bucket", {t, t}, t, &TimeBucketInt);
    add("time_bucket", {t, t, t}, t, &TimeBucketInt);
  }
}

}  // namespace basalt::engine::sql
