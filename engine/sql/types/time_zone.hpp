// engine/sql/types/time_zone.hpp
//
// Time zones as PostgreSQL uses them: an IANA zone read from the system tz
// database (/usr/share/zoneinfo, Debian package tzdata), or a POSIX TZ string
// ("EST5EDT,M3.2.0,M11.1.0", "<+03>-3", "+02" = UTC-2 as in POSIX), or UTC.
//
// Why not <chrono>'s tzdb: libstdc++ 12 has no std::chrono::locate_zone
// (it arrived in GCC 14), and localtime_r with a TZ switch would serialise
// every conversion behind a mutex. So TZif files (RFC 8536, version 2+ 64-bit
// data) are parsed here once per zone and cached; a lookup is a binary search
// over the transitions, and instants past the last transition use the file's
// POSIX footer rule, as PostgreSQL's localtime.c does. Loaded zones are
// immutable and shared: FindTimeZone takes a mutex only for the cache.
//
// Offsets here are seconds EAST of UTC (gmtoff); PostgreSQL's "tz" values in
// datetime code are seconds WEST (tz = -gmtoff).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basalt::engine::sql::datetime {

class TimeZone {
 public:
  struct LocalInfo {
    int32_t gmtoff = 0;  // seconds east of UTC
    bool isdst = false;
    std::string abbrev;
  };

  // The name the zone was looked up by, canonicalised to the file's spelling
  // ("America/New_York"), or the POSIX string.
  const std::string& name() const { return name_; }

  // The offset in effect at `unix_secs` (seconds since 1970-01-01 UTC).
  LocalInfo At(int64_t unix_secs) const;

  // PostgreSQL's DetermineTimeZoneOffset for a local wall-clock time given as
  // seconds since 1970-01-01 (local): returns tz (seconds WEST). A time in a
  // spring-forward gap takes the offset before the transition, an ambiguous
  // fall-back time the offset after it.
  int LocalToTz(int64_t local_secs, bool* isdst = nullptr) const;

  // The zone's only offset if it never changes (pg_get_timezone_offset).
  std::optional<int32_t> FixedOffset() const;

  // A UTC zone.
  static std::shared_ptr<const TimeZone> Utc();
  // A fixed zone with the given gmtoff (used for SET TIME ZONE INTERVAL).
  static std::shared_ptr<const TimeZone> Fixed(int32_t gmtoff, std::string name);

  struct Transition;
  struct Type {
    int32_t gmtoff = 0;
    bool isdst = false;
    std::string abbrev;
  };
  struct Rule {  // a POSIX TZ string
    Type std_type, dst_type;
    bool has_dst = false;
    // start/end: kind 'M' (month, week, wday), 'J' (1..365 no leap), 'N' (0..365)
    struct When {
      char kind = 'M';
      int month = 0, week = 0, wday = 0, day = 0;
      int32_t secs = 7200;
    } start, end;
  };

  // Builders used by the loader.
  TimeZone(std::string name, std::vector<int64_t> times, std::vector<uint8_t> idx, std::vector<Type> types,
           std::optional<Rule> rule);

 private:
  LocalInfo FromRule(int64_t t) const;
  // The first boundary strictly after t, if any.
  std::optional<int64_t> NextBoundary(int64_t t) const;
  void RuleBoundaries(int year, int64_t* start, int64_t* end) const;

  std::string name_;
  std::vector<int64_t> times_;  // transition instants, ascending
  std::vector<uint8_t> idx_;    // type index per transition
  std::vector<Type> types_;
  std::optional<Rule> rule_;
};

// Looks a zone up as PostgreSQL's pg_tzset does: tz database names case-
// insensitively ("america/new_york"), then a POSIX TZ string. nullptr when
// unknown. Results are cached for the process.
std::shared_ptr<const TimeZone> FindTimeZone(std::string_view name);

// The zone a `SET TIME ZONE '<value>'` / `SET timezone = '<value>'` selects
// (PostgreSQL's check_timezone): a plain number is hours EAST of UTC in SQL
// convention ('+02', '-5.5'), anything else goes to FindTimeZone (so POSIX
// strings keep POSIX's west-positive sign). nullptr when invalid: the caller
// raises 22023 `invalid value for parameter "TimeZone": "<value>"`.
// SET TIME ZONE INTERVAL '+01:30' HOUR TO MINUTE is TimeZone::Fixed(5400, ...).
std::shared_ptr<const TimeZone> TimeZoneFromSetting(std::string_view value);

// Parses a POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0"); nullopt if malformed.
std::optional<TimeZone::Rule> ParsePosixTz(std::string_view s);

}  // namespace basalt::engine::sql::datetime
