// Input/output functions of the date/time types, after PostgreSQL 15's
// date.c (date_in, date_out, time_in, time_out, timetz_in, timetz_out),
// timestamp.c (timestamp_in/out, timestamptz_in/out, interval_in/out) and the
// ISO branches of datetime.c's EncodeDateOnly, EncodeTimeOnly,
// EncodeDateTime, EncodeInterval (IntervalStyle postgres), EncodeTimezone
// and AppendSeconds.
#include "engine/sql/types/datetime_text.hpp"

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/datetime_decode.hpp"

namespace basalt::engine::sql::datetime {
namespace {

constexpr int64_t kEpochShiftSecs = static_cast<int64_t>(kPostgresEpochJdate - kUnixEpochJdate) * kSecsPerDay;

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

void ZeroPad(std::string& out, int64_t v, int width) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
  out += digits;
}

// AppendSeconds with precision 6 and fillzeros: trailing zeros trimmed.
void AppendSeconds(std::string& out, int sec, int64_t fsec) {
  ZeroPad(out, sec < 0 ? -sec : sec, 2);
  if (fsec == 0) return;
  int64_t v = fsec < 0 ? -fsec : fsec;
  char buf[7];
  for (int i = 5; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  int len = 6;
  while (len > 0 && buf[len - 1] == '0') --len;
  out += '.';
  out.append(buf, len);
}

void AppendDateFields(const PgTm& tm, std::string& out) {
  ZeroPad(out, tm.tm_year > 0 ? tm.tm_year : -(tm.tm_year - 1), 4);
  out += '-';
  ZeroPad(out, tm.tm_mon, 2);
  out += '-';
  ZeroPad(out, tm.tm_mday, 2);
}

void AppendTimeFields(const PgTm& tm, int64_t fsec, std::string& out) {
  ZeroPad(out, tm.tm_hour, 2);
  out += ':';
  ZeroPad(out, tm.tm_min, 2);
  out += ':';
  AppendSeconds(out, tm.tm_sec, fsec);
}

[[noreturn]] void TimestampOutOfRange(std::string_view text) {
  throw DbError(SqlState::kDatetimeValueOutOfRange, fmt::format("timestamp out of range: \"{}\"", text));
}

int64_t ParseTimestampCommon(std::string_view text, int32_t typmod, const DateTimeSettings& s, bool with_tz,
                             const char* type_name) {
  decode::Fields f;
  decode::DType dtype;
  PgTm tm;
  int64_t fsec;
  int tz;
  int r = decode::ParseFields(text, &f);
  if (r == decode::kOk) r = decode::DecodeDateTime(f, s, &dtype, &tm, &fsec, &tz);
  if (r != decode::kOk) decode::ThrowDateTimeParseError(r, text, type_name);
  int64_t result;
  switch (dtype) {
    case decode::DType::kDate:
      if (!TmToTimestamp(tm, fsec, with_tz ? tz : 0, &result)) TimestampOutOfRange(text);
      break;
    case decode::DType::kEpoch: result = -kEpochShiftSecs * kUsecsPerSec; break;
    case decode::DType::kLate: return kTimestampNoEnd;
    case decode::DType::kEarly: return kTimestampNoBegin;
    default: decode::ThrowDateTimeParseError(decode::kBadFormat, text, type_name);
  }
  return RoundTimestamp(result, TypmodPrecision(typmod));
}

}  // namespace

const TimeZone& DateTimeSettings::zone() const {
  if (time_zone) return *time_zone;
  return *TimeZone::Utc();
}

int64_t DateTimeSettings::Now() const {
  if (transaction_start) return *transaction_start;
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  return us - kEpochShiftSecs * kUsecsPerSec;
}

bool TimestampTzToTm(int64_t ts, const TimeZone& zone, PgTm* tm, int64_t* fsec, int* tz, std::string* abbrev) {
  int64_t secs = FloorDiv(ts, kUsecsPerSec) + kEpochShiftSecs;
  TimeZone::LocalInfo li = zone.At(secs);
  // 128-bit so that the extreme values (PostgreSQL 15's age() feeds it
  // infinities) convert like PostgreSQL's pg_localtime path.
  __int128 local = static_cast<__int128>(ts) + static_cast<__int128>(li.gmtoff) * kUsecsPerSec;
  __int128 date = local / kUsecsPerDay;
  __int128 time = local - date * kUsecsPerDay;
  if (time < 0) {
    time += kUsecsPerDay;
    date -= 1;
  }
  date += kPostgresEpochJdate;
  if (date < 0 || date > INT32_MAX) return false;
  J2Date(static_cast<int>(date), &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
  UsecToTime(static_cast<int64_t>(time), &tm->tm_hour, &tm->tm_min, &tm->tm_sec, fsec);
  tm->tm_wday = J2Day(static_cast<int>(date));
  tm->tm_yday = static_cast<int>(date) - Date2J(tm->tm_year, 1, 1) + 1;
  tm->tm_isdst = li.isdst ? 1 : 0;
  tm->tm_gmtoff = li.gmtoff;
  *tz = -li.gmtoff;
  if (abbrev) *abbrev = li.abbrev;
  return true;
}

int DetermineTzOffset(const PgTm& tm, const TimeZone& zone) {
  int64_t day = (static_cast<int64_t>(Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday)) - kUnixEpochJdate) * kSecsPerDay;
  int64_t mytime = day + (static_cast<int64_t>(tm.tm_hour) * 60 + tm.tm_min) * 60 + tm.tm_sec;
  return zone.LocalToTz(mytime);
}

int64_t LocalToUtc(int64_t local, const TimeZone& zone) {
  if (!IsFiniteTimestamp(local)) return local;
  PgTm tm;
  int64_t fsec;
  if (!TimestampToTm(local, &tm, &fsec)) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range");
  }
  int tz = DetermineTzOffset(tm, zone);
  int64_t out;
  if (!TmToTimestamp(tm, fsec, tz, &out)) throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range");
  return out;
}

int64_t UtcToLocal(int64_t ts, const TimeZone& zone) {
  if (!IsFiniteTimestamp(ts)) return ts;
  PgTm tm;
  int64_t fsec;
  int tz;
  int64_t out;
  if (!TimestampTzToTm(ts, zone, &tm, &fsec, &tz) || !TmToTimestamp(tm, fsec, 0, &out)) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range");
  }
  return out;
}

int32_t ParseDate(std::string_view text, const DateTimeSettings& s) {
  decode::Fields f;
  decode::DType dtype;
  PgTm tm;
  int64_t fsec;
  int tz;
  int r = decode::ParseFields(text, &f);
  if (r == decode::kOk) r = decode::DecodeDateTime(f, s, &dtype, &tm, &fsec, &tz);
  if (r != decode::kOk) decode::ThrowDateTimeParseError(r, text, "date");
  switch (dtype) {
    case decode::DType::kDate: break;
    case decode::DType::kEpoch: tm = PgTm{}; tm.tm_year = 1970; tm.tm_mon = 1; tm.tm_mday = 1; break;
    case decode::DType::kLate: return kDateNoEnd;
    case decode::DType::kEarly: return kDateNoBegin;
    default: decode::ThrowDateTimeParseError(decode::kBadFormat, text, "date");
  }
  if (!IsValidJulian(tm.tm_year, tm.tm_mon, tm.tm_mday)) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, fmt::format("date out of range: \"{}\"", text));
  }
  int64_t d = static_cast<int64_t>(Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday)) - kPostgresEpochJdate;
  if (!IsValidDate(d)) throw DbError(SqlState::kDatetimeValueOutOfRange, fmt::format("date out of range: \"{}\"", text));
  return static_cast<int32_t>(d);
}

int64_t ParseTime(std::string_view text, int32_t typmod, const DateTimeSettings& s) {
  decode::Fields f;
  decode::DType dtype;
  PgTm tm;
  int64_t fsec;
  int tz;
  int r = decode::ParseFields(text, &f);
  if (r == decode::kOk) r = decode::DecodeTimeOnly(f, s, &dtype, &tm, &fsec, &tz);
  if (r != decode::kOk) decode::ThrowDateTimeParseError(r, text, "time");
  return RoundTime(TimeToUsec(tm.tm_hour, tm.tm_min, tm.tm_sec, fsec), TypmodPrecision(typmod));
}

TimeTz ParseTimeTz(std::string_view text, int32_t typmod, const DateTimeSettings& s) {
  decode::Fields f;
  decode::DType dtype;
  PgTm tm;
  int64_t fsec;
  int tz;
  int r = decode::ParseFields(text, &f);
  if (r == decode::kOk) r = decode::DecodeTimeOnly(f, s, &dtype, &tm, &fsec, &tz);
  if (r != decode::kOk) decode::ThrowDateTimeParseError(r, text, "time with time zone");
  TimeTz t;
  t.time = RoundTime(TimeToUsec(tm.tm_hour, tm.tm_min, tm.tm_sec, fsec), TypmodPrecision(typmod));
  t.zone = tz;
  return t;
}

int64_t ParseTimestamp(std::string_view text, int32_t typmod, const DateTimeSettings& s) {
  return ParseTimestampCommon(text, typmod, s, false, "timestamp");
}

int64_t ParseTimestampTz(std::string_view text, int32_t typmod, const DateTimeSettings& s) {
  return ParseTimestampCommon(text, typmod, s, true, "timestamp with time zone");
}

Interval ParseInterval(std::string_view text, int32_t typmod) {
  decode::Fields f;
  decode::ItmIn itm;
  int r = decode::ParseFields(text, &f);
  if (r == decode::kOk) r = decode::DecodeInterval(f, &itm);
  if (r == decode::kBadFormat) r = decode::DecodeIso8601Interval(text, &itm);
  if (r != decode::kOk) {
    if (r == decode::kFieldOverflow) r = decode::kIntervalOverflow;
    decode::ThrowDateTimeParseError(r, text, "interval");
  }
  int64_t months = static_cast<int64_t>(itm.year) * 12 + itm.mon;
  if (months > INT32_MAX || months < INT32_MIN) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, "interval out of range");
  }
  Interval iv{itm.usec, itm.mday, static_cast<int32_t>(months)};
  int precision = typmod < 0 ? -1 : (typmod & 0xFFFF);
  return RoundInterval(iv, precision == 0xFFFF ? -1 : precision);
}

void AppendTzOffset(int tz, std::string& out) {
  int sec = std::abs(tz);
  int min = sec / 60;
  sec -= min * 60;
  int hour = min / 60;
  min -= hour * 60;
  out += tz <= 0 ? '+' : '-';
  ZeroPad(out, hour, 2);
  if (sec != 0) {
    out += ':';
    ZeroPad(out, min, 2);
    out += ':';
    ZeroPad(out, sec, 2);
  } else if (min != 0) {
    out += ':';
    ZeroPad(out, min, 2);
  }
}

void AppendDate(int32_t date, std::string& out) {
  if (date == kDateNoBegin) {
    out += "-infinity";
    return;
  }
  if (date == kDateNoEnd) {
    out += "infinity";
    return;
  }
  PgTm tm;
  J2Date(date + kPostgresEpochJdate, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
  AppendDateFields(tm, out);
  if (tm.tm_year <= 0) out += " BC";
}

void AppendTime(int64_t time, std::string& out) {
  PgTm tm;
  int64_t fsec;
  UsecToTime(time, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &fsec);
  AppendTimeFields(tm, fsec, out);
}

void AppendTimeTz(const TimeTz& t, std::string& out) {
  AppendTime(t.time, out);
  AppendTzOffset(t.zone, out);
}

void AppendTimestamp(int64_t ts, std::string& out) {
  if (ts == kTimestampNoBegin) {
    out += "-infinity";
    return;
  }
  if (ts == kTimestampNoEnd) {
    out += "infinity";
    return;
  }
  PgTm tm;
  int64_t fsec;
  if (!TimestampToTm(ts, &tm, &fsec)) throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range");
  AppendDateFields(tm, out);
  out += ' ';
  AppendTimeFields(tm, fsec, out);
  if (tm.tm_year <= 0) out += " BC";
}

void AppendTimestampTz(int64_t ts, const TimeZone& zone, std::string& out) {
  if (!IsFiniteTimestamp(ts)) {
    AppendTimestamp(ts, out);
    return;
  }
  PgTm tm;
  int64_t fsec;
  int tz;
  if (!TimestampTzToTm(ts, zone, &tm, &fsec, &tz)) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range");
  }
  AppendDateFields(tm, out);
  out += ' ';
  AppendTimeFields(tm, fsec, out);
  AppendTzOffset(tz, out);
  if (tm.tm_year <= 0) out += " BC";
}

void AppendInterval(const Interval& iv, std::string& out) {
  int64_t year = iv.month / 12, mon = iv.month % 12, mday = iv.day;
  int64_t time = iv.time;
  int64_t hour = time / kUsecsPerHour;
  time -= hour * kUsecsPerHour;
  int64_t min = time / kUsecsPerMinute;
  time -= min * kUsecsPerMinute;
  int64_t sec = time / kUsecsPerSec;
  int64_t fsec = time - sec * kUsecsPerSec;
  bool is_zero = true, is_before = false;
  auto part = [&](int64_t value, const char* units) {
    if (value == 0) return;
    out += fmt::format("{}{}{} {}{}", !is_zero ? " " : "", (is_before && value > 0) ? "+" : "", value, units,
                       value != 1 ? "s" : "");
    is_before = value < 0;
    is_zero = false;
  };
  part(year, "year");
  part(mon, "mon");
  part(mday, "day");
  if (is_zero || hour != 0 || min != 0 || sec != 0 || fsec != 0) {
    bool minus = hour < 0 || min < 0 || sec < 0 || fsec < 0;
    out += is_zero ? "" : " ";
    out += minus ? "-" : (is_before ? "+" : "");
    // hour may exceed two digits; Abs of INT64_MIN / USECS_PER_HOUR fits.
    ZeroPad(out, hour < 0 ? -hour : hour, 2);
    out += ':';
    ZeroPad(out, min < 0 ? -min : min, 2);
    out += ':';
    AppendSeconds(out, static_cast<int>(sec), fsec);
  }
}

}  // namespace basalt::engine::sql::datetime
