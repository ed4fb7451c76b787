// to_char(timestamp[tz], text): the date/time half of PostgreSQL 15's
// formatting.c (DCH_to_char) for the common patterns. Keywords are matched
// longest first, as parse_format does; FM suppresses padding of the next
// field; "quoted text" and backslash-escaped characters are copied; any
// other character is copied as is. Month and day names are blank-padded to 9
// characters without FM, like PostgreSQL.
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/datetime_functions.hpp"

namespace basalt::engine::sql::datetime {
namespace {

enum class K {
  kYCommaYYY, kYYYY, kYYY, kYY, kY, kIYYY, kCC, kMM, kMONTH, kMonth, kmonth, kMON, kMon, kmon, kDDD, kDD, kDAY,
  kDay, kday, kDY, kDy, kdy, kD, kID, kHH24, kHH12, kHH, kMI, kSSSSS, kSSSS, kSS, kMS, kUS, kAM, kPM, kam, kpm,
  kADot, kPDot, kaDot, kpDot, kBC, kAD, kbc, kad, kBCDot, kADDot, kbcDot, kadDot, kTZ, ktz, kOF, kQ, kWW, kIW, kJ,
};

struct Keyword {
  const char* text;
  K k;
};

// Longest first within each leading letter, as in formatting.c's DCH_keywords.
constexpr Keyword kKeywords[] = {
    {"A.D.", K::kADDot}, {"A.M.", K::kADot}, {"AD", K::kAD}, {"AM", K::kAM},
    {"B.C.", K::kBCDot}, {"BC", K::kBC}, {"CC", K::kCC},
    {"DAY", K::kDAY}, {"DDD", K::kDDD}, {"DD", K::kDD}, {"DY", K::kDY}, {"Day", K::kDay}, {"Dy", K::kDy},
    {"D", K::kD}, {"HH24", K::kHH24}, {"HH12", K::kHH12}, {"HH", K::kHH}, {"IYYY", K::kIYYY}, {"IW", K::kIW},
    {"ID", K::kID}, {"J", K::kJ}, {"MI", K::kMI}, {"MM", K::kMM}, {"MONTH", K::kMONTH}, {"MON", K::kMON},
    {"MS", K::kMS}, {"Month", K::kMonth}, {"Mon", K::kMon}, {"OF", K::kOF}, {"P.M.", K::kPDot}, {"PM", K::kPM},
    {"Q", K::kQ}, {"SSSSS", K::kSSSSS}, {"SSSS", K::kSSSS}, {"SS", K::kSS}, {"TZ", K::kTZ}, {"US", K::kUS},
    {"WW", K::kWW}, {"Y,YYY", K::kYCommaYYY}, {"YYYY", K::kYYYY}, {"YYY", K::kYYY}, {"YY", K::kYY},
    {"Y", K::kY},
    {"a.d.", K::kadDot}, {"a.m.", K::kaDot}, {"ad", K::kad}, {"am", K::kam}, {"b.c.", K::kbcDot}, {"bc", K::kbc},
    {"cc", K::kCC}, {"day", K::kday}, {"ddd", K::kDDD}, {"dd", K::kDD}, {"dy", K::kdy}, {"d", K::kD},
    {"hh24", K::kHH24}, {"hh12", K::kHH12}, {"hh", K::kHH}, {"iyyy", K::kIYYY}, {"iw", K::kIW}, {"id", K::kID},
    {"j", K::kJ}, {"mi", K::kMI}, {"mm", K::kMM}, {"month", K::kmonth}, {"mon", K::kmon}, {"ms", K::kMS},
    {"of", K::kOF}, {"p.m.", K::kpDot}, {"pm", K::kpm}, {"q", K::kQ}, {"sssss", K::kSSSSS}, {"ssss", K::kSSSS},
    {"ss", K::kSS}, {"tz", K::ktz}, {"us", K::kUS}, {"ww", K::kWW}, {"y,yyy", K::kYCommaYYY},
    {"yyyy", K::kYYYY}, {"yyy", K::kYYY}, {"yy", K::kYY}, {"y", K::kY},
};

constexpr const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};
constexpr const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string LowerStr(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Num(int64_t v, int width, bool fm) {
  if (fm) return std::to_string(v);
  std::string digits = std::to_string(v < 0 ? -v : v);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
  return (v < 0 ? "-" : "") + digits;
}

std::string Padded(std::string s, bool fm) {
  if (!fm && s.size() < 9) s.append(9 - s.size(), ' ');
  return s;
}

}  // namespace

std::optional<std::string> ToChar(int64_t ts, TypeId type, std::string_view format, const DateTimeSettings& s) {
  // timestamp_to_char: NULL for an empty format or an infinite timestamp.
  if (format.empty() || !IsFiniteTimestamp(ts)) return std::nullopt;
  PgTm tm;
  int64_t fsec = 0;
  int tz = 0;
  std::string abbrev;
  const bool with_tz = type == TypeId::kTimestampTz;
  bool ok = with_tz ? TimestampTzToTm(ts, s.zone(), &tm, &fsec, &tz, &abbrev) : TimestampToTm(ts, &tm, &fsec);
  if (!ok) throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range");
  const int year = tm.tm_year <= 0 ? -(tm.tm_year - 1) : tm.tm_year;  // ADJUST_YEAR
  const bool bc = tm.tm_year <= 0;
  const int doy = Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday) - Date2J(tm.tm_year, 1, 1) + 1;
  const int wday = J2Day(Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday));
  const int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
  const bool pm = tm.tm_hour >= 12;

  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    bool fm = false;
    if (format.compare(i, 2, "FM") == 0 || format.compare(i, 2, "fm") == 0) {
      fm = true;
      i += 2;
    }
    const Keyword* kw = nullptr;
    for (const auto& k : kKeywords) {
      size_t len = std::char_traits<char>::length(k.text);
      if (format.compare(i, len, k.text) == 0) {
        kw = &k;
        break;
      }
    }
    if (!kw) {
      char c = format[i];
      if (c == '"') {
        ++i;
        while (i < format.size() && format[i] != '"') {
          if (format[i] == '\\' && i + 1 < format.size()) ++i;
          out += format[i++];
        }
        if (i < format.size()) ++i;
      } else if (c == '\\' && i + 1 < format.size()) {
        out += format[i + 1];
        i += 2;
      } else {
        out += c;
        ++i;
      }
      continue;
    }
    i += std::char_traits<char>::length(kw->text);
    switch (kw->k) {
      case K::kYCommaYYY: out += fmt::format("{},{:03d}", year / 1000, year % 1000); break;
      case K::kYYYY: out += Num(year, 4, fm); break;
      case K::kYYY: out += Num(year % 1000, 3, fm); break;
      case K::kYY: out += Num(year % 100, 2, fm); break;
      case K::kY: out += Num(year % 10, 1, fm); break;
      case K::kIYYY: {
        int iy = IsoYear(tm.tm_year, tm.tm_mon, tm.tm_mday);
        out += Num(iy <= 0 ? -(iy - 1) : iy, 4, fm);
        break;
      }
      case K::kCC: {
        int cc = tm.tm_year > 0 ? (tm.tm_year - 1) / 100 + 1 : tm.tm_year / 100 - 1;
        out += Num(cc, 2, fm);
        break;
      }
      case K::kMM: out += Num(tm.tm_mon, 2, fm); break;
      case K::kMONTH: out += Padded(Upper(kMonths[tm.tm_mon - 1]), fm); break;
      case K::kMonth: out += Padded(kMonths[tm.tm_mon - 1], fm); break;
      case K::kmonth: out += Padded(LowerStr(kMonths[tm.tm_mon - 1]), fm); break;
      case K::kMON: out += Upper(std::string(kMonths[tm.tm_mon - 1]).substr(0, 3)); break;
      case K::kMon: out += std::string(kMonths[tm.tm_mon - 1]).substr(0, 3); break;
      case K::kmon: out += LowerStr(std::string(kMonths[tm.tm_mon - 1]).substr(0, 3)); break;
      case K::kDDD: out += Num(doy, 3, fm); break;
      case K::kDD: out += Num(tm.tm_mday, 2, fm); break;
      case K::kDAY: out += Padded(Upper(kDays[wday]), fm); break;
      case K::kDay: out += Padded(kDays[wday], fm); break;
      case K::kday: out += Padded(LowerStr(kDays[wday]), fm); break;
      case K::kDY: out += Upper(std::string(kDays[wday]).substr(0, 3)); break;
      case K::kDy: out += std::string(kDays[wday]).substr(0, 3); break;
      case K::kdy: out += LowerStr(std::string(kDays[wday]).substr(0, 3)); break;
      case K::kD: out += std::to_string(wday + 1); break;
      case K::kID: out += std::to_string(wday == 0 ? 7 : wday); break;
      case K::kHH24: out += Num(tm.tm_hour, 2, fm); break;
      case K::kHH12:
      case K::kHH: out += Num(hour12, 2, fm); break;
      case K::kMI: out += Num(tm.tm_min, 2, fm); break;
      case K::kSSSSS:
      case K::kSSSS: out += std::to_string((tm.tm_hour * 60 + tm.tm_min) * 60 + tm.tm_sec); break;
      case K::kSS: out += Num(tm.tm_sec, 2, fm); break;
      case K::kMS: out += Num(fsec / 1000, 3, fm); break;
      case K::kUS: out += Num(fsec, 6, fm); break;
      case K::kAM:
      case K::kPM: out += pm ? "PM" : "AM"; break;
      case K::kam:
      case K::kpm: out += pm ? "pm" : "am"; break;
      case K::kADot:
      case K::kPDot: out += pm ? "P.M." : "A.M."; break;
      case K::kaDot:
      case K::kpDot: out += pm ? "p.m." : "a.m."; break;
      case K::kBC:
      case K::kAD: out += bc ? "BC" : "AD"; break;
      case K::kbc:
      case K::kad: out += bc ? "bc" : "ad"; break;
      case K::kBCDot:
      case K::kADDot: out += bc ? "B.C." : "A.D."; break;
      case K::kbcDot:
      case K::kadDot: out += bc ? "b.c." : "a.d."; break;
      case K::kTZ: if (with_tz) out += Upper(abbrev); break;
      case K::ktz: if (with_tz) out += LowerStr(abbrev); break;
      case K::kOF: {
        long off = with_tz ? tm.tm_gmtoff : 0;
        long a = std::labs(off);
        out += off >= 0 ? '+' : '-';
        out += Num(a / 3600, 2, fm);
        if (a % 3600 != 0) out += fmt::format(":{:02d}", (a % 3600) / 60);
        break;
      }
      case K::kQ: out += std::to_string((tm.tm_mon - 1) / 3 + 1); break;
      case K::kWW: out += Num((doy - 1) / 7 + 1, 2, fm); break;
      case K::kIW: out += Num(IsoWeek(tm.tm_year, tm.tm_mon, tm.tm_mday), 2, fm); break;
      case K::kJ: out += std::to_string(Date2J(tm.tm_year, tm.tm_mon, tm.tm_mday)); break;
    }
  }
  return out;
}

}  // namespace basalt::engine::sql::datetime
