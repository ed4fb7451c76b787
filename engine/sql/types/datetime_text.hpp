// engine/sql/types/datetime_text.hpp
//
// Input and output functions of date, time, timetz, timestamp, timestamptz
// and interval: PostgreSQL 15's date_in/date_out, time_in/out, timetz_in/out,
// timestamp_in/out, timestamptz_in/out, interval_in/out with DateStyle
// 'ISO, MDY' output, IntervalStyle 'postgres', the DateOrder from the session
// for input, and the session TimeZone (DateTimeSettings).
//
// Errors are PostgreSQL's: 22007 `invalid input syntax for type timestamp:
// "x"`, 22008 `date/time field value out of range: "x"` (with the DateStyle
// hint for a bad month/day), 22008 `timestamp out of range: "x"`, 22015
// `interval field value out of range`, 22009 `time zone displacement out of
// range`, 22023 `time zone "x" not recognized`.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/sql/types/datetime.hpp"
#include "engine/sql/types/time_zone.hpp"

namespace basalt::engine::sql::datetime {

enum class DateOrder : uint8_t { kMDY, kDMY, kYMD };

// The session state date/time input and output depend on.
struct DateTimeSettings {
  // The session TimeZone; null means UTC.
  std::shared_ptr<const TimeZone> time_zone;
  // DateStyle's field order for ambiguous input ('1/2/2024'); PostgreSQL's default MDY.
  DateOrder date_order = DateOrder::kMDY;
  // The transaction start time (µs since 2000-01-01 UTC) that 'now', 'today',
  // 'tomorrow', 'yesterday' and now() use. Unset: the current system time.
  std::optional<int64_t> transaction_start;

  const TimeZone& zone() const;
  int64_t Now() const;
};

int32_t ParseDate(std::string_view text, const DateTimeSettings& s);
int64_t ParseTime(std::string_view text, int32_t typmod, const DateTimeSettings& s);
TimeTz ParseTimeTz(std::string_view text, int32_t typmod, const DateTimeSettings& s);
int64_t ParseTimestamp(std::string_view text, int32_t typmod, const DateTimeSettings& s);
int64_t ParseTimestampTz(std::string_view text, int32_t typmod, const DateTimeSettings& s);
Interval ParseInterval(std::string_view text, int32_t typmod);

void AppendDate(int32_t date, std::string& out);
void AppendTime(int64_t time, std::string& out);
void AppendTimeTz(const TimeTz& t, std::string& out);
void AppendTimestamp(int64_t ts, std::string& out);
void AppendTimestampTz(int64_t ts, const TimeZone& zone, std::string& out);
void AppendInterval(const Interval& iv, std::string& out);

// EncodeTimezone: "+HH", "+HH:MM" or "+HH:MM:SS" for tz seconds WEST.
void AppendTzOffset(int tz, std::string& out);

// timestamp2tm with a zone: local fields of UTC `ts` in `zone`; `tz` gets
// seconds WEST. False when out of range.
bool TimestampTzToTm(int64_t ts, const TimeZone& zone, PgTm* tm, int64_t* fsec, int* tz,
                     std::string* abbrev = nullptr);
// DetermineTimeZoneOffset for local fields: tz in seconds WEST.
int DetermineTzOffset(const PgTm& tm, const TimeZone& zone);
// The local timestamp `local` (no zone) as UTC in `zone`; throws 22008
// `timestamp out of range` when it overflows (timestamp2timestamptz).
int64_t LocalToUtc(int64_t local, const TimeZone& zone);
// The local timestamp of UTC `ts` (timestamptz2timestamp).
int64_t UtcToLocal(int64_t ts, const TimeZone& zone);

}  // namespace basalt::engine::sql::datetime
