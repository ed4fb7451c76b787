// engine/sql/types/datetime_ops.hpp
//
// Casts, comparisons and arithmetic of the date/time types with PostgreSQL
// 15's semantics and errors (date.c, timestamp.c): month arithmetic clamps to
// the end of the month, timestamptz arithmetic by days and months keeps the
// local wall-clock time across DST changes in the session TimeZone, infinite
// values pass through, and overflow raises 22008 `timestamp out of range`,
// `date out of range`, `interval out of range`.
//
// Some operators depend on the session TimeZone (timestamptz +/- interval,
// date/timestamp vs timestamptz comparisons). Operator functions have no
// context argument (operators.hpp), so they read the calling thread's
// settings, installed by ScopedDateTimeSettings; without one they use UTC.
// The engine must install the session's settings on the thread that runs
// the executor for the duration of a statement (and again after resuming on
// another thread). The *With(settings) functions take them explicitly.
#pragma once

#include <cstdint>

#include "engine/sql/types/datetime.hpp"
#include "engine/sql/types/datetime_text.hpp"
#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql::datetime {

// The settings operator functions on this thread use.
const DateTimeSettings& ThreadDateTimeSettings();

// Installs `s` for this thread until destruction (restores the previous).
class ScopedDateTimeSettings {
 public:
  explicit ScopedDateTimeSettings(const DateTimeSettings& s);
  ~ScopedDateTimeSettings();
  ScopedDateTimeSettings(const ScopedDateTimeSettings&) = delete;
  ScopedDateTimeSettings& operator=(const ScopedDateTimeSettings&) = delete;

 private:
  const DateTimeSettings* previous_;
};

// A pg_cast conversion between two date/time types (from != to), without
// typmod. timestamp/timestamptz -> time(tz) of an infinite value is null, as
// in PostgreSQL.
Value CastDateTime(const Value& v, TypeId from, TypeId to, const DateTimeSettings& s);

// date2timestamp / date2timestamptz / timestamp2timestamptz etc.
int64_t DateToTimestamp(int32_t date);
int64_t DateToTimestampTz(int32_t date, const TimeZone& zone);
int32_t TimestampToDate(int64_t ts);
int32_t TimestampTzToDate(int64_t ts, const TimeZone& zone);

// Ordering: <0, 0, >0. Intervals compare by their 30-day-month span,
// timetz by UTC-equivalent time then zone.
int CompareInterval(const Interval& a, const Interval& b);
int CompareTimeTz(const TimeTz& a, const TimeTz& b);
// Cross-type comparisons; a date beyond the timestamp range sorts after
// every finite timestamp (date_cmp_timestamp_internal).
int CompareDateTimestamp(int32_t date, int64_t ts);
int CompareDateTimestampTz(int32_t date, int64_t ts, const TimeZone& zone);
int CompareTimestampTimestampTz(int64_t ts, int64_t tstz, const TimeZone& zone);

// timestamp_pl_interval / timestamptz_pl_interval.
int64_t TimestampPlusInterval(int64_t ts, const Interval& iv);
int64_t TimestampTzPlusInterval(int64_t ts, const Interval& iv, const TimeZone& zone);
// timestamp_mi: the difference, justified to days and hours.
Interval TimestampMinus(int64_t a, int64_t b);
Interval IntervalNegate(const Interval& iv);
Interval IntervalAdd(const Interval& a, const Interval& b);
Interval IntervalMul(const Interval& iv, double factor);
Interval IntervalDiv(const Interval& iv, double factor);
Interval JustifyHours(const Interval& iv);
Interval JustifyDays(const Interval& iv);
Interval JustifyInterval(const Interval& iv);

}  // namespace basalt::engine::sql::datetime
