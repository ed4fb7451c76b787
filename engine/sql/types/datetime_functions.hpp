// engine/sql/types/datetime_functions.hpp
//
// PostgreSQL 15's date/time functions as plain C++ for the function registry
// to wrap: now()/current_timestamp, date_trunc, date_part (float8),
// EXTRACT (numeric), age, make_date, justify_* (datetime_ops.hpp) and
// to_char(timestamp[tz], text) for the common patterns. Arguments are the
// in-Value forms of datetime.hpp; functions are strict (the caller handles
// null arguments), and a nullopt result is SQL NULL (date_part of a
// non-monotonic field of an infinite value).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/sql/types/datetime.hpp"
#include "engine/sql/types/datetime_text.hpp"
#include "engine/sql/types/numeric.hpp"
#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql::datetime {

// now(), current_timestamp, transaction_timestamp(): the transaction start
// (timestamptz µs). statement_timestamp()/clock_timestamp() are the caller's.
int64_t TransactionTimestamp(const DateTimeSettings& s);

// date_trunc(field, timestamp) / date_trunc(field, timestamptz) (session zone).
// `type` is kTimestamp or kTimestampTz. 22023 `unit "x" not recognized for
// type timestamp without time zone`, 0A000 `unit "x" not supported for ...`.
int64_t DateTrunc(std::string_view field, int64_t ts, TypeId type, const DateTimeSettings& s);
// date_trunc(field, interval).
Interval DateTruncInterval(std::string_view field, const Interval& iv);

// date_part(field, v) for v of type date, time, timestamp, timestamptz or
// interval: float8, or nullopt for NULL.
std::optional<double> DatePart(std::string_view field, const Value& v, TypeId type, const DateTimeSettings& s);
// EXTRACT(field FROM v): numeric (PostgreSQL 14+), or nullopt for NULL.
std::optional<Numeric> Extract(std::string_view field, const Value& v, TypeId type, const DateTimeSettings& s);

// age(a, b) for two timestamps (type kTimestamp) or timestamptz (kTimestampTz,
// computed on local fields in the session zone).
Interval Age(int64_t a, int64_t b, TypeId type, const DateTimeSettings& s);

// make_date(year, month, day); negative years are BC. 22008 errors as PostgreSQL.
int32_t MakeDate(int32_t year, int32_t month, int32_t day);

// to_char(timestamp[tz], format) with the patterns YYYY YYY YY Y MM DD DDD D
// HH HH12 HH24 MI SS MS US AM PM am pm A.M. P.M. Mon MON mon Month MONTH month
// Dy DY dy Day DAY day TZ tz OF Q WW IW J CC IYYY ID SSSS BC/AD, the FM
// prefix, quoted text and backslash escapes. Other text is copied literally;
// so are PostgreSQL patterns not listed (TH suffix, RM, TM, ...): a gap.
// nullopt (NULL) for an empty format or an infinite timestamp.
std::optional<std::string> ToChar(int64_t ts, TypeId type, std::string_view format, const DateTimeSettings& s);

}  // namespace basalt::engine::sql::datetime
