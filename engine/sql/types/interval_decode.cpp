// Interval input, ported from PostgreSQL 15 datetime.c: DecodeInterval,
// DecodeTimeForInterval, DecodeUnits (deltatktbl), the Adjust* helpers and
// DecodeISO8601Interval (designator form "P1Y2M3DT4H5M6S" only; the
// alternative "P0001-02-03T04:05:06" form is reported as bad syntax).
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "engine/sql/types/datetime_decode.hpp"

namespace basalt::engine::sql::datetime::decode {
namespace {

enum Unit : int {
  kNone, kMicrosec, kMillisec, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter, kYear, kDecade, kCentury,
  kMillennium, kTzUnit,
};
enum UnitKind : int { kUnitsTok, kAgoTok, kIgnoreTok, kUnknownTok };

struct UnitToken {
  const char* name;
  UnitKind kind;
  Unit unit;
};

constexpr UnitToken kUnits[] = {
    {"@", kIgnoreTok, kNone}, {"ago", kAgoTok, kNone}, {"c", kUnitsTok, kCentury},
    {"cent", kUnitsTok, kCentury}, {"centuries", kUnitsTok, kCentury}, {"century", kUnitsTok, kCentury},
    {"d", kUnitsTok, kDay}, {"day", kUnitsTok, kDay}, {"days", kUnitsTok, kDay}, {"dec", kUnitsTok, kDecade},
    {"decade", kUnitsTok, kDecade}, {"decades", kUnitsTok, kDecade}, {"decs", kUnitsTok, kDecade},
    {"h", kUnitsTok, kHour}, {"hour", kUnitsTok, kHour}, {"hours", kUnitsTok, kHour}, {"hr", kUnitsTok, kHour},
    {"hrs", kUnitsTok, kHour}, {"m", kUnitsTok, kMinute}, {"microsecon", kUnitsTok, kMicrosec},
    {"mil", kUnitsTok, kMillennium}, {"millennia", kUnitsTok, kMillennium},
    {"millennium", kUnitsTok, kMillennium}, {"millisecon", kUnitsTok, kMillisec},
    {"mils", kUnitsTok, kMillennium}, {"min", kUnitsTok, kMinute}, {"mins", kUnitsTok, kMinute},
    {"minute", kUnitsTok, kMinute}, {"minutes", kUnitsTok, kMinute}, {"mon", kUnitsTok, kMonth},
    {"mons", kUnitsTok, kMonth}, {"month", kUnitsTok, kMonth}, {"months", kUnitsTok, kMonth},
    {"ms", kUnitsTok, kMillisec}, {"msec", kUnitsTok, kMillisec}, {"mseconds", kUnitsTok, kMillisec},
    {"msecs", kUnitsTok, kMillisec}, {"qtr", kUnitsTok, kQuarter}, {"quarter", kUnitsTok, kQuarter},
    {"s", kUnitsTok, kSecond}, {"sec", kUnitsTok, kSecond}, {"second", kUnitsTok, kSecond},
    {"seconds", kUnitsTok, kSecond}, {"secs", kUnitsTok, kSecond}, {"timezone", kUnitsTok, kTzUnit},
    {"timezone_h", kUnitsTok, kTzUnit}, {"timezone_m", kUnitsTok, kTzUnit}, {"us", kUnitsTok, kMicrosec},
    {"usec", kUnitsTok, kMicrosec}, {"useconds", kUnitsTok, kMicrosec}, {"usecs", kUnitsTok, kMicrosec},
    {"w", kUnitsTok, kWeek}, {"week", kUnitsTok, kWeek}, {"weeks", kUnitsTok, kWeek},
    {"y", kUnitsTok, kYear}, {"year", kUnitsTok, kYear}, {"years", kUnitsTok, kYear},
    {"yr", kUnitsTok, kYear}, {"yrs", kUnitsTok, kYear},
};

const UnitToken* FindUnit(const std::string& s) {
  for (const auto& u : kUnits) {
    if (strncmp(s.c_str(), u.name, 10) == 0) return &u;
  }
  return nullptr;
}

bool AdjustFractMicroseconds(double frac, int64_t scale, ItmIn* itm) {
  if (frac == 0) return true;
  frac *= static_cast<double>(scale);
  int64_t usec = static_cast<int64_t>(frac);
  frac -= static_cast<double>(usec);
  usec += static_cast<int64_t>(std::rint(frac));
  return !__builtin_add_overflow(itm->usec, usec, &itm->usec);
}
bool AdjustFractDays(double frac, int scale, ItmIn* itm) {
  if (frac == 0) return true;
  frac *= scale;
  int extra = static_cast<int>(frac);
  if (__builtin_add_overflow(itm->mday, extra, &itm->mday)) return false;
  frac -= extra;
  return AdjustFractMicroseconds(frac, kUsecsPerDay, itm);
}
bool AdjustFractYears(double frac, int scale, ItmIn* itm) {
  int extra = static_cast<int>(std::rint(frac * scale * 12));
  return !__builtin_add_overflow(itm->mon, extra, &itm->mon);
}
bool AdjustMicroseconds(int64_t val, double fval, int64_t scale, ItmIn* itm) {
  if (__builtin_mul_overflow(val, scale, &val) || __builtin_add_overflow(itm->usec, val, &itm->usec)) return false;
  return AdjustFractMicroseconds(fval, scale, itm);
}
bool AdjustDays(int64_t val, int scale, ItmIn* itm) {
  if (val < INT_MIN || val > INT_MAX) return false;
  int days;
  return !__builtin_mul_overflow(static_cast<int>(val), scale, &days) &&
         !__builtin_add_overflow(itm->mday, days, &itm->mday);
}
bool AdjustMonths(int64_t val, ItmIn* itm) {
  if (val < INT_MIN || val > INT_MAX) return false;
  return !__builtin_add_overflow(itm->mon, static_cast<int>(val), &itm->mon);
}
bool AdjustYears(int64_t val, int scale, ItmIn* itm) {
  if (val < INT_MIN || val > INT_MAX) return false;
  int years;
  return !__builtin_mul_overflow(static_cast<int>(val), scale, &years) &&
         !__builtin_add_overflow(itm->year, years, &itm->year);
}

int ParseFraction(const char* cp, double* frac) {
  if (*cp != '.') return kBadFormat;
  errno = 0;
  char* end;
  *frac = std::strtod(cp, &end);
  if (*end != '\0' || errno != 0) return kBadFormat;
  return kOk;
}

// DecodeTimeForInterval (via DecodeTimeCommon), full range.
int DecodeTimeForInterval(const char* str, int* tmask, ItmIn* itm) {
  *tmask = 1;  // any nonzero bit standing for DTK_TIME_M
  char* cp;
  errno = 0;
  int64_t hour = std::strtoll(str, &cp, 10);
  if (errno == ERANGE) return kFieldOverflow;
  if (*cp != ':') return kBadFormat;
  errno = 0;
  long min = std::strtol(cp + 1, &cp, 10);
  if (errno == ERANGE || min > INT_MAX) return kFieldOverflow;
  long sec = 0;
  int64_t usec = 0;
  if (*cp == '\0') {
  } else if (*cp == '.') {
    double frac;
    if (ParseFraction(cp, &frac)) return kBadFormat;
    usec = static_cast<int64_t>(std::rint(frac * 1000000));
    sec = min;
    min = static_cast<long>(hour);
    hour = 0;
  } else if (*cp == ':') {
    errno = 0;
    sec = std::strtol(cp + 1, &cp, 10);
    if (errno == ERANGE || sec > INT_MAX) return kFieldOverflow;
    if (*cp == '.') {
      double frac;
      if (ParseFraction(cp, &frac)) return kBadFormat;
      usec = static_cast<int64_t>(std::rint(frac * 1000000));
    } else if (*cp != '\0') {
      return kBadFormat;
    }
  } else {
    return kBadFormat;
  }
  if (hour < 0 || min < 0 || min > 59 || sec < 0 || sec > 60 || usec < 0 || usec > kUsecsPerSec) {
    return kFieldOverflow;
  }
  int64_t total = usec, part;
  if (__builtin_mul_overflow(hour, kUsecsPerHour, &part) || __builtin_add_overflow(total, part, &total) ||
      __builtin_add_overflow(total, static_cast<int64_t>(min) * kUsecsPerMinute, &total) ||
      __builtin_add_overflow(total, static_cast<int64_t>(sec) * kUsecsPerSec, &total)) {
    return kFieldOverflow;
  }
  itm->usec = total;
  return kOk;
}

}  // namespace

int DecodeInterval(Fields& f, ItmIn* itm) {
  *itm = ItmIn{};
  bool is_before = false;
  int fmask = 0, tmask = 0;
  Unit type = kNone;  // IGNORE_DTF: no unit seen yet
  constexpr int kTimeBit = 1 << 20;
  for (int i = static_cast<int>(f.size()) - 1; i >= 0; --i) {
    std::string& field = f.text[i];
    FieldType ft = f.type[i];
    if (ft == FieldType::kTime) {
      int r = DecodeTimeForInterval(field.c_str(), &tmask, itm);
      if (r) return r;
      tmask = kTimeBit;
      type = kDay;
    } else if (ft == FieldType::kTz && field.find(':', 1) != std::string::npos &&
               [&] {
                 ItmIn saved = *itm;
                 int t;
                 if (DecodeTimeForInterval(field.c_str() + 1, &t, itm) == kOk) return true;
                 *itm = saved;
                 return false;
               }()) {
      if (field[0] == '-') {
        if (itm->usec == INT64_MIN) return kFieldOverflow;
        itm->usec = -itm->usec;
      }
      tmask = kTimeBit;
      type = kDay;
    } else if (ft == FieldType::kTz || ft == FieldType::kDate || ft == FieldType::kNumber) {
      if (type == kNone) type = kSecond;
      errno = 0;
      char* cp;
      int64_t val = std::strtoll(field.c_str(), &cp, 10);
      if (errno == ERANGE) return kFieldOverflow;
      double fval = 0;
      if (*cp == '-') {
        errno = 0;
        long val2 = std::strtol(cp + 1, &cp, 10);
        if (errno == ERANGE || val2 < 0 || val2 >= 12) return kFieldOverflow;
        if (*cp != '\0') return kBadFormat;
        type = kMonth;
        if (field[0] == '-') val2 = -val2;
        if (__builtin_mul_overflow(val, int64_t{12}, &val) || __builtin_add_overflow(val, int64_t{val2}, &val)) {
          return kFieldOverflow;
        }
      } else if (*cp == '.') {
        if (ParseFraction(cp, &fval)) return kBadFormat;
        if (field[0] == '-') fval = -fval;
      } else if (*cp != '\0') {
        return kBadFormat;
      }
      switch (type) {
        case kMicrosec:
          if (!AdjustMicroseconds(val, fval, 1, itm)) return kFieldOverflow;
          tmask = 1 << 14;
          break;
        case kMillisec:
          if (!AdjustMicroseconds(val, fval, 1000, itm)) return kFieldOverflow;
          tmask = 1 << 13;
          break;
        case kSecond:
          if (!AdjustMicroseconds(val, fval, kUsecsPerSec, itm)) return kFieldOverflow;
          tmask = fval == 0 ? (1 << 12) : ((1 << 12) | (1 << 13) | (1 << 14));
          break;
        case kMinute:
          if (!AdjustMicroseconds(val, fval, kUsecsPerMinute, itm)) return kFieldOverflow;
          tmask = 1 << 11;
          break;
        case kHour:
          if (!AdjustMicroseconds(val, fval, kUsecsPerHour, itm)) return kFieldOverflow;
          tmask = 1 << 10;
          type = kDay;
          break;
        case kDay:
          if (!AdjustDays(val, 1, itm) || !AdjustFractMicroseconds(fval, kUsecsPerDay, itm)) return kFieldOverflow;
          tmask = 1 << 3;
          break;
        case kWeek:
          if (!AdjustDays(val, 7, itm) || !AdjustFractDays(fval, 7, itm)) return kFieldOverflow;
          tmask = 1 << 24;
          break;
        case kMonth:
          if (!AdjustMonths(val, itm) || !AdjustFractDays(fval, kDaysPerMonth, itm)) return kFieldOverflow;
          tmask = 1 << 1;
          break;
        case kYear:
          if (!AdjustYears(val, 1, itm) || !AdjustFractYears(fval, 1, itm)) return kFieldOverflow;
          tmask = 1 << 2;
          break;
        case kDecade:
          if (!AdjustYears(val, 10, itm) || !AdjustFractYears(fval, 10, itm)) return kFieldOverflow;
          tmask = 1 << 25;
          break;
        case kCentury:
          if (!AdjustYears(val, 100, itm) || !AdjustFractYears(fval, 100, itm)) return kFieldOverflow;
          tmask = 1 << 26;
          break;
        case kMillennium:
          if (!AdjustYears(val, 1000, itm) || !AdjustFractYears(fval, 1000, itm)) return kFieldOverflow;
          tmask = 1 << 27;
          break;
        default: return kBadFormat;
      }
    } else {
      const UnitToken* u = FindUnit(field);
      if (u && u->kind == kIgnoreTok) continue;
      if (!u) return kBadFormat;
      tmask = 0;
      if (u->kind == kAgoTok) {
        is_before = true;
        type = u->unit;  // PostgreSQL sets type = uval (0) here
      } else {
        type = u->unit;
      }
    }
    if (tmask & fmask) return kBadFormat;
    fmask |= tmask;
  }
  if (fmask == 0) return kBadFormat;
  if (is_before) {
    if (itm->usec == INT64_MIN || itm->mday == INT_MIN || itm->mon == INT_MIN || itm->year == INT_MIN) {
      return kFieldOverflow;
    }
    itm->usec = -itm->usec;
    itm->mday = -itm->mday;
    itm->mon = -itm->mon;
    itm->year = -itm->year;
  }
  return kOk;
}

int DecodeIso8601Interval(std::string_view sv, ItmIn* itm) {
  *itm = ItmIn{};
  std::string s(sv);
  if (s.size() < 2 || s[0] != 'P') return kBadFormat;
  const char* str = s.c_str() + 1;
  bool datepart = true;
  while (*str) {
    if (*str == 'T') {
      datepart = false;
      ++str;
      continue;
    }
    if (!((*str >= '0' && *str <= '9') || *str == '-' || *str == '.')) return kBadFormat;
    errno = 0;
    char* end;
    double v = std::strtod(str, &end);
    if (end == str || errno != 0) return kBadFormat;
    if (std::isnan(v) || v < -9.2233720368547758e18 || v > 9.2233720368547758e18) return kFieldOverflow;
    int64_t val = v >= 0 ? static_cast<int64_t>(std::floor(v)) : -static_cast<int64_t>(std::floor(-v));
    double fval = v - static_cast<double>(val);
    str = end;
    char unit = *str;
    if (unit == '\0') return kBadFormat;
    ++str;
    if (datepart) {
      switch (unit) {
        case 'Y':
          if (!AdjustYears(val, 1, itm) || !AdjustFractYears(fval, 1, itm)) return kFieldOverflow;
          break;
        case 'M':
          if (!AdjustMonths(val, itm) || !AdjustFractDays(fval, kDaysPerMonth, itm)) return kFieldOverflow;
          break;
        case 'W':
          if (!AdjustDays(val, 7, itm) || !AdjustFractDays(fval, 7, itm)) return kFieldOverflow;
          break;
        case 'D':
          if (!AdjustDays(val, 1, itm) || !AdjustFractMicroseconds(fval, kUsecsPerDay, itm)) return kFieldOverflow;
          break;
        default: return kBadFormat;
      }
    } else {
      switch (unit) {
        case 'H':
          if (!AdjustMicroseconds(val, fval, kUsecsPerHour, itm)) return kFieldOverflow;
          break;
        case 'M':
          if (!AdjustMicroseconds(val, fval, kUsecsPerMinute, itm)) return kFieldOverflow;
          break;
        case 'S':
          if (!AdjustMicroseconds(val, fval, kUsecsPerSec, itm)) return kFieldOverflow;
          break;
        default: return kBadFormat;
      }
    }
  }
  return kOk;
}

}  // namespace basalt::engine::sql::datetime::decode
