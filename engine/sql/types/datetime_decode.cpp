// Date/time input decoding, ported from PostgreSQL 15 src/backend/utils/adt/
// datetime.c: DecodeDateTime, DecodeTimeOnly, DecodeDate, DecodeNumber,
// DecodeNumberField, DecodeTime, DecodeTimezone, ValidateDate. The token
// tables and ParseDateTime are in datetime_tokens.cpp.
// Not ported: the ISO "y2001m02d04" labelled form and Julian-day input ("J2451545").
#include "engine/sql/types/datetime_decode.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql::datetime::decode {
namespace {

using namespace tok;

// strtoint: base-10 int with ERANGE.
int StrToInt(const char* s, const char** end, bool* overflow) {
  errno = 0;
  char* e;
  long v = std::strtol(s, &e, 10);
  *end = e;
  *overflow = errno == ERANGE || v > INT32_MAX || v < INT32_MIN;
  return static_cast<int>(v);
}

int ParseFractionalSecond(const char* cp, int64_t* fsec) {
  // cp points at '.'.
  errno = 0;
  char* end;
  double frac = std::strtod(cp, &end);
  if (*end != '\0' || errno != 0) return kBadFormat;
  *fsec = static_cast<int64_t>(std::rint(frac * 1000000));
  return kOk;
}

int DecodeTimezone(const char* str, int* tzp) {
  if (*str != '+' && *str != '-') return kBadFormat;
  const char* cp;
  bool ovf;
  int hr = StrToInt(str + 1, &cp, &ovf), min = 0, sec = 0;
  if (ovf) return kTzDispOverflow;
  if (*cp == ':') {
    min = StrToInt(cp + 1, &cp, &ovf);
    if (ovf) return kTzDispOverflow;
    if (*cp == ':') {
      sec = StrToInt(cp + 1, &cp, &ovf);
      if (ovf) return kTzDispOverflow;
    }
  } else if (*cp == '\0' && strlen(str) > 3) {
    min = hr % 100;
    hr = hr / 100;
  }
  if (hr < 0 || hr > 15) return kTzDispOverflow;
  if (min < 0 || min >= 60) return kTzDispOverflow;
  if (sec < 0 || sec >= 60) return kTzDispOverflow;
  int tz = (hr * 60 + min) * 60 + sec;
  if (*str == '-') tz = -tz;
  *tzp = -tz;
  if (*cp != '\0') return kBadFormat;
  return kOk;
}

// DecodeNumberField: run-together digits (YYYYMMDD, hhmmss, hhmm, with a fraction).
// Returns kDate/kTime-ish positive codes (1 = date, 2 = time) or a Dterr.
int DecodeNumberField(std::string str, int fmask, int* tmask, PgTm* tm, int64_t* fsec, bool* is2digits) {
  size_t dot = str.find('.');
  if (dot != std::string::npos) {
    errno = 0;
    double frac = std::strtod(str.c_str() + dot, nullptr);
    if (errno != 0) return kBadFormat;
    *fsec = static_cast<int64_t>(std::rint(frac * 1000000));
    str.resize(dot);
  } else if ((fmask & kDateM) != kDateM) {
    if (str.size() >= 6) {
      size_t len = str.size();
      *tmask = kDateM;
      tm->tm_mday = std::atoi(str.c_str() + len - 2);
      str.resize(len - 2);
      tm->tm_mon = std::atoi(str.c_str() + len - 4);
      str.resize(len - 4);
      tm->tm_year = std::atoi(str.c_str());
      if (len - 4 == 2) *is2digits = true;
      return 1;
    }
  }
  if ((fmask & kTimeM) != kTimeM) {
    if (str.size() == 6) {
      *tmask = kTimeM;
      tm->tm_sec = std::atoi(str.c_str() + 4);
      str.resize(4);
      tm->tm_min = std::atoi(str.c_str() + 2);
      str.resize(2);
      tm->tm_hour = std::atoi(str.c_str());
      return 2;
    }
    if (str.size() == 4) {
      *tmask = kTimeM;
      tm->tm_sec = 0;
      tm->tm_min = std::atoi(str.c_str() + 2);
      str.resize(2);
      tm->tm_hour = std::atoi(str.c_str());
      return 2;
    }
  }
  return kBadFormat;
}

int DecodeNumber(const std::string& str, bool have_text_month, int fmask, int* tmask, PgTm* tm, int64_t* fsec,
                 bool* is2digits, DateOrder order) {
  *tmask = 0;
  size_t flen = str.size();
  const char* cp;
  bool ovf;
  int val = StrToInt(str.c_str(), &cp, &ovf);
  if (ovf) return kFieldOverflow;
  if (cp == str.c_str()) return kBadFormat;
  if (*cp == '.') {
    if (cp - str.c_str() > 2) {
      int r = DecodeNumberField(str, fmask | kDateM, tmask, tm, fsec, is2digits);
      return r < 0 ? r : kOk;
    }
    int r = ParseFractionalSecond(cp, fsec);
    if (r) return r;
  } else if (*cp != '\0') {
    return kBadFormat;
  }
  if (flen == 3 && (fmask & kDateM) == M(kYear) && val >= 1 && val <= 366) {
    *tmask = M(kDoy) | M(kMonth) | M(kDay);
    tm->tm_yday = val;
    return kOk;
  }
  switch (fmask & kDateM) {
    case 0:
      if (flen >= 3 || order == DateOrder::kYMD) {
        *tmask = M(kYear);
        tm->tm_year = val;
      } else if (order == DateOrder::kDMY) {
        *tmask = M(kDay);
        tm->tm_mday = val;
      } else {
        *tmask = M(kMonth);
        tm->tm_mon = val;
      }
      break;
    case M(kYear):
      *tmask = M(kMonth);
      tm->tm_mon = val;
      break;
    case M(kMonth):
      if (have_text_month) {
        if (flen >= 3 || order == DateOrder::kYMD) {
          *tmask = M(kYear);
          tm->tm_year = val;
        } else {
          *tmask = M(kDay);
          tm->tm_mday = val;
        }
      } else {
        *tmask = M(kDay);
        tm->tm_mday = val;
      }
      break;
    case M(kYear) | M(kMonth):
      if (have_text_month) {
        if (flen >= 3 && *is2digits) {
          *tmask = M(kDay);
          tm->tm_mday = tm->tm_year;
          tm->tm_year = val;
          *is2digits = false;
        } else {
          *tmask = M(kDay);
          tm->tm_mday = val;
        }
      } else {
        *tmask = M(kDay);
        tm->tm_mday = val;
      }
      break;
    case M(kDay):
      *tmask = M(kMonth);
      tm->tm_mon = val;
      break;
    case M(kMonth) | M(kDay):
      *tmask = M(kYear);
      tm->tm_year = val;
      break;
    case M(kYear) | M(kMonth) | M(kDay): {
      int r = DecodeNumberField(str, fmask, tmask, tm, fsec, is2digits);
      return r < 0 ? r : kOk;
    }
    default: return kBadFormat;
  }
  if (*tmask == M(kYear)) *is2digits = flen <= 2;
  return kOk;
}

int DecodeDate(const std::string& input, int fmask, int* tmask, bool* is2digits, PgTm* tm, DateOrder order) {
  std::vector<std::string> fields;
  size_t i = 0;
  *tmask = 0;
  while (i < input.size() && fields.size() < 25) {
    while (i < input.size() && !IsAlnum(input[i])) ++i;
    if (i >= input.size()) return kBadFormat;
    size_t b = i;
    if (IsDigit(input[i])) {
      while (i < input.size() && IsDigit(input[i])) ++i;
    } else if (IsAlpha(input[i])) {
      while (i < input.size() && IsAlpha(input[i])) ++i;
    }
    fields.push_back(input.substr(b, i - b));
    if (i < input.size()) ++i;  // PostgreSQL overwrites one delimiter with '\0'
  }
  bool have_text_month = false;
  std::vector<bool> done(fields.size(), false);
  for (size_t k = 0; k < fields.size(); ++k) {
    if (!IsAlpha(fields[k][0])) continue;
    const Token* t = FindToken(fields[k]);
    if (t && t->type == kIgnore) continue;
    if (!t || t->type != kMonth) return kBadFormat;
    tm->tm_mon = t->value;
    have_text_month = true;
    if (fmask & M(kMonth)) return kBadFormat;
    fmask |= M(kMonth);
    *tmask |= M(kMonth);
    done[k] = true;
  }
  for (size_t k = 0; k < fields.size(); ++k) {
    if (done[k]) continue;
    if (fields[k].empty()) return kBadFormat;
    int dmask;
    int64_t fsec = 0;
    int r = DecodeNumber(fields[k], have_text_month, fmask, &dmask, tm, &fsec, is2digits, order);
    if (r) return r;
    if (fmask & dmask) return kBadFormat;
    fmask |= dmask;
    *tmask |= dmask;
  }
  if ((fmask & ~(M(kDoy) | M(kTz))) != kDateM) return kBadFormat;
  return kOk;
}

int DecodeTime(const std::string& str, int* tmask, PgTm* tm, int64_t* fsec) {
  *tmask = kTimeM;
  const char* cp;
  bool ovf;
  tm->tm_hour = StrToInt(str.c_str(), &cp, &ovf);
  if (ovf) return kFieldOverflow;
  if (*cp != ':') return kBadFormat;
  tm->tm_min = StrToInt(cp + 1, &cp, &ovf);
  if (ovf) return kFieldOverflow;
  if (*cp == '\0') {
    tm->tm_sec = 0;
    *fsec = 0;
  } else if (*cp == '.') {
    int r = ParseFractionalSecond(cp, fsec);
    if (r) return r;
    tm->tm_sec = tm->tm_min;
    tm->tm_min = tm->tm_hour;
    tm->tm_hour = 0;
  } else if (*cp == ':') {
    tm->tm_sec = StrToInt(cp + 1, &cp, &ovf);
    if (ovf) return kFieldOverflow;
    if (*cp == '\0') {
      *fsec = 0;
    } else if (*cp == '.') {
      int r = ParseFractionalSecond(cp, fsec);
      if (r) return r;
    } else {
      return kBadFormat;
    }
  } else {
    return kBadFormat;
  }
  if (tm->tm_hour < 0 || tm->tm_min < 0 || tm->tm_min > 59 || tm->tm_sec < 0 || tm->tm_sec > 60 || *fsec < 0 ||
      *fsec > kUsecsPerSec) {
    return kFieldOverflow;
  }
  return kOk;
}

bool TimeOverflows(int hour, int min, int sec, int64_t fsec) {
  if (hour < 0 || hour > 24 || min < 0 || min > 59 || sec < 0 || sec > 60 || fsec < 0 || fsec > kUsecsPerSec) {
    return true;
  }
  return TimeToUsec(hour, min, sec, fsec) > kUsecsPerDay;
}

int ValidateDate(int fmask, bool is2digits, bool bc, PgTm* tm) {
  if (fmask & M(kYear)) {
    if (bc) {
      if (tm->tm_year <= 0) return kFieldOverflow;
      tm->tm_year = -(tm->tm_year - 1);
    } else if (is2digits) {
      if (tm->tm_year < 0) return kFieldOverflow;
      if (tm->tm_year < 70) tm->tm_year += 2000;
      else if (tm->tm_year < 100) tm->tm_year += 1900;
    } else if (tm->tm_year <= 0) {
      return kFieldOverflow;
    }
  }
  if (fmask & M(kDoy)) J2Date(Date2J(tm->tm_year, 1, 1) + tm->tm_yday - 1, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
  if (fmask & M(kMonth)) {
    if (tm->tm_mon < 1 || tm->tm_mon > 12) return kMdFieldOverflow;
  }
  if (fmask & M(kDay)) {
    if (tm->tm_mday < 1 || tm->tm_mday > 31) return kMdFieldOverflow;
  }
  if ((fmask & kDateM) == kDateM) {
    if (tm->tm_mday > DaysInMonth(tm->tm_year, tm->tm_mon)) return kFieldOverflow;
  }
  return kOk;
}

// GetCurrentDateTime / GetCurrentTimeUsec: the transaction start in the session zone.
void CurrentLocal(const DateTimeSettings& s, PgTm* tm, int64_t* fsec, int* tz) {
  int tzv = 0;
  int64_t f = 0;
  TimestampTzToTm(s.Now(), s.zone(), tm, &f, &tzv);
  if (fsec) *fsec = f;
  if (tz) *tz = tzv;
}

int DecodeCommon(Fields& f, const DateTimeSettings& s, bool time_only, DType* dtype, PgTm* tm, int64_t* fsec,
                 int* tzp) {
  int fmask = 0, tmask = 0;
  int ptype = 0;  // 2 after an ISO "T"
  int mer = kHr24;
  bool have_text_month = false, is2digits = false, bc = false;
  std::shared_ptr<const TimeZone> named_tz;
  *dtype = time_only ? DType::kTime : DType::kDate;
  *tm = PgTm{};
  *fsec = 0;
  *tzp = 0;
  const size_t nf = f.size();
  for (size_t i = 0; i < nf; ++i) {
    std::string& field = f.text[i];
    switch (f.type[i]) {
      case FieldType::kDate: {
        bool as_date = time_only ? (i == 0 && nf >= 2 && (f.type[nf - 1] == FieldType::kDate || f.type[1] == FieldType::kTime))
                                 : !(ptype != 0 || ((fmask & (M(kMonth) | M(kDay))) == (M(kMonth) | M(kDay))));
        if (as_date) {
          int r = DecodeDate(field, fmask, &tmask, &is2digits, tm, s.date_order);
          if (r) return r;
        } else if (IsDigit(field[0]) || ptype != 0) {
          ptype = 0;
          if ((fmask & kTimeM) == kTimeM) return kBadFormat;
          size_t dash = field.find('-');
          if (dash == std::string::npos) return kBadFormat;
          int r = DecodeTimezone(field.c_str() + dash, tzp);
          if (r) return r;
          r = DecodeNumberField(field.substr(0, dash), fmask, &tmask, tm, fsec, &is2digits);
          if (r < 0) return r;
          tmask |= M(kTz);
        } else {
          named_tz = FindTimeZone(field);
          if (!named_tz) {
            throw DbError(SqlState::kInvalidParameterValue, fmt::format("time zone \"{}\" not recognized", field));
          }
          tmask = M(kTz);
        }
        break;
      }
      case FieldType::kTime: {
        ptype = 0;
        int r = DecodeTime(field, &tmask, tm, fsec);
        if (r) return r;
        if (TimeOverflows(tm->tm_hour, tm->tm_min, tm->tm_sec, *fsec)) return kFieldOverflow;
        break;
      }
      case FieldType::kTz: {
        int tz;
        int r = DecodeTimezone(field.c_str(), &tz);
        if (r) return r;
        *tzp = tz;
        tmask = M(kTz);
        break;
      }
      case FieldType::kNumber: {
        if (ptype != 0 && ptype != 2) return kBadFormat;
        ptype = 0;
        size_t flen = field.size();
        size_t dot = field.find('.');
        int r;
        if (time_only) {
          if (dot != std::string::npos) {
            if (i == 0 && nf >= 2 && f.type[nf - 1] == FieldType::kDate) {
              r = DecodeDate(field, fmask, &tmask, &is2digits, tm, s.date_order);
              if (r) return r;
            } else if (dot > 2) {
              r = DecodeNumberField(field, fmask | kDateM, &tmask, tm, fsec, &is2digits);
              if (r < 0) return r;
            } else {
              return kBadFormat;
            }
          } else if (flen > 4) {
            r = DecodeNumberField(field, fmask | kDateM, &tmask, tm, fsec, &is2digits);
            if (r < 0) return r;
          } else {
            r = DecodeNumber(field, false, fmask | kDateM, &tmask, tm, fsec, &is2digits, s.date_order);
            if (r) return r;
          }
          break;
        }
        if (dot != std::string::npos && !(fmask & kDateM)) {
          r = DecodeDate(field, fmask, &tmask, &is2digits, tm, s.date_order);
          if (r) return r;
        } else if (dot != std::string::npos && dot > 2) {
          r = DecodeNumberField(field, fmask, &tmask, tm, fsec, &is2digits);
          if (r < 0) return r;
        } else if (flen >= 6 && (!(fmask & kDateM) || !(fmask & kTimeM))) {
          r = DecodeNumberField(field, fmask, &tmask, tm, fsec, &is2digits);
          if (r < 0) return r;
        } else {
          r = DecodeNumber(field, have_text_month, fmask, &tmask, tm, fsec, &is2digits, s.date_order);
          if (r) return r;
        }
        break;
      }
      case FieldType::kString:
      case FieldType::kSpecial: {
        int type = kUnknownField, val = 0;
        const Abbrev* abbrev = FindAbbrev(field);
        std::shared_ptr<const TimeZone> dyn;
        if (abbrev) {
          if (abbrev->zone) {
            type = kDynTz;
            dyn = FindTimeZone(abbrev->zone);
          } else {
            type = abbrev->dst ? kDtz : kTz;
            val = abbrev->gmtoff;
          }
        } else if (const Token* t = FindToken(field)) {
          type = t->type;
          val = t->value;
        }
        if (type == kIgnore) continue;
        tmask = M(type);
        switch (type) {
          case kReserv:
            switch (val) {
              case kNow:
                tmask = kDateM | kTimeM | M(kTz);
                *dtype = time_only ? DType::kTime : DType::kDate;
                CurrentLocal(s, tm, fsec, tzp);
                break;
              case kYesterday:
              case kToday:
              case kTomorrow: {
                if (time_only) return kBadFormat;
                tmask = kDateM;
                *dtype = DType::kDate;
                PgTm cur;
                CurrentLocal(s, &cur, nullptr, nullptr);
                int delta = val == kYesterday ? -1 : val == kTomorrow ? 1 : 0;
                J2Date(Date2J(cur.tm_year, cur.tm_mon, cur.tm_mday) + delta, &tm->tm_year, &tm->tm_mon,
                       &tm->tm_mday);
                break;
              }
              case kZulu:
                tmask = kTimeM | M(kTz);
                if (!time_only) *dtype = DType::kDate;
                tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
                *fsec = 0;
                *tzp = 0;
                break;
              case kEpoch:
              case kLate:
              case kEarly:
                if (time_only) return kBadFormat;
                tmask = kDateM | kTimeM | M(kTz);
                *dtype = val == kEpoch ? DType::kEpoch : val == kLate ? DType::kLate : DType::kEarly;
                break;
              default: return kBadFormat;
            }
            break;
          case kMonth:
            if ((fmask & M(kMonth)) && !have_text_month && !(fmask & M(kDay)) && tm->tm_mon >= 1 && tm->tm_mon <= 31) {
              tm->tm_mday = tm->tm_mon;
              tmask = M(kDay);
            }
            have_text_month = true;
            tm->tm_mon = val;
            break;
          case kDtzMod:
            tmask |= M(kDtz);
            tm->tm_isdst = 1;
            *tzp -= val;
            break;
          case kDtz:
            tmask |= M(kTz);
            tm->tm_isdst = 1;
            *tzp = -val;
            break;
          case kTz:
            tm->tm_isdst = 0;
            *tzp = -val;
            break;
          case kDynTz:
            tmask |= M(kTz);
            named_tz = dyn;
            break;
          case kAmPm: mer = val; break;
          case kAdBc: bc = val == 1; break;
          case kDow: tm->tm_wday = val; break;
          case kIsoTime:
            tmask = 0;
            if (!time_only && (fmask & kDateM) != kDateM) return kBadFormat;
            if (i + 1 >= nf || (f.type[i + 1] != FieldType::kNumber && f.type[i + 1] != FieldType::kTime &&
                                f.type[i + 1] != FieldType::kDate)) {
              return kBadFormat;
            }
            ptype = 2;
            break;
          case kUnknownField:
            named_tz = FindTimeZone(field);
            if (!named_tz) return kBadFormat;
            tmask = M(kTz);
            break;
          default: return kBadFormat;
        }
        break;
      }
    }
    if (tmask & fmask) return kBadFormat;
    fmask |= tmask;
  }

  // epoch/infinity/-infinity: the caller ignores tm.
  if (*dtype == DType::kEpoch || *dtype == DType::kLate || *dtype == DType::kEarly) return kOk;
  int r = ValidateDate(fmask, is2digits, bc, tm);
  if (r) return r;
  if (mer != kHr24 && tm->tm_hour > 12) return kFieldOverflow;
  if (mer == kAm && tm->tm_hour == 12) tm->tm_hour = 0;
  else if (mer == kPm && tm->tm_hour != 12) tm->tm_hour += 12;

  if (time_only) {
    if (TimeOverflows(tm->tm_hour, tm->tm_min, tm->tm_sec, *fsec)) return kFieldOverflow;
    if ((fmask & kTimeM) != kTimeM) return kBadFormat;
    auto resolve = [&](const TimeZone& zone) -> int {
      PgTm tmp;
      if ((fmask & kDateM) == 0) {
        CurrentLocal(s, &tmp, nullptr, nullptr);
      } else {
        if ((fmask & kDateM) != kDateM) return kBadFormat;
        tmp = *tm;
      }
      tmp.tm_hour = tm->tm_hour;
      tmp.tm_min = tm->tm_min;
      tmp.tm_sec = tm->tm_sec;
      *tzp = DetermineTzOffset(tmp, zone);
      return kOk;
    };
    if (named_tz) {
      if (fmask & M(kDtzMod)) return kBadFormat;
      // pg_get_timezone_offset: a zone that never changes offset needs no date.
      if (auto fixed = named_tz->FixedOffset()) {
        *tzp = -*fixed;
      } else {
        if ((fmask & kDateM) != kDateM) return kBadFormat;
        *tzp = DetermineTzOffset(*tm, *named_tz);
      }
    } else if (!(fmask & M(kTz))) {
      if (fmask & M(kDtzMod)) return kBadFormat;
      if (int e = resolve(s.zone())) return e;
    }
    return kOk;
  }

  if (*dtype == DType::kDate) {
    if ((fmask & kDateM) != kDateM) {
      if ((fmask & kTimeM) == kTimeM) return 1;  // PostgreSQL returns 1 here: a generic bad format
      return kBadFormat;
    }
    if (named_tz) {
      if (fmask & M(kDtzMod)) return kBadFormat;
      *tzp = DetermineTzOffset(*tm, *named_tz);
    } else if (!(fmask & M(kTz))) {
      if (fmask & M(kDtzMod)) return kBadFormat;
      *tzp = DetermineTzOffset(*tm, s.zone());
    }
  }
  return kOk;
}

}  // namespace

int DecodeDateTime(Fields& f, const DateTimeSettings& s, DType* dtype, PgTm* tm, int64_t* fsec, int* tz) {
  return DecodeCommon(f, s, false, dtype, tm, fsec, tz);
}

int DecodeTimeOnly(Fields& f, const DateTimeSettings& s, DType* dtype, PgTm* tm, int64_t* fsec, int* tz) {
  return DecodeCommon(f, s, true, dtype, tm, fsec, tz);
}


}  // namespace basalt::engine::sql::datetime::decode
