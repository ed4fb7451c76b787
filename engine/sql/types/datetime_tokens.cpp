// The token tables of PostgreSQL 15's datetime.c (datetktbl, restricted to
// the entries this port handles), the common rows of the 'Default'
// timezone_abbreviations set, ParseDateTime (ParseFields here) and
// DateTimeParseError.
#include <cstring>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/datetime_decode.hpp"

namespace basalt::engine::sql::datetime::decode {
namespace tok {
namespace {

constexpr Token kDateTokens[] = {
    {"-infinity", kReserv, kEarly}, {"ad", kAdBc, 0}, {"allballs", kReserv, kZulu}, {"am", kAmPm, kAm},
    {"apr", kMonth, 4}, {"april", kMonth, 4}, {"at", kIgnore, 0}, {"aug", kMonth, 8}, {"august", kMonth, 8},
    {"bc", kAdBc, 1}, {"dec", kMonth, 12}, {"december", kMonth, 12}, {"dst", kDtzMod, 3600},
    {"epoch", kReserv, kEpoch}, {"feb", kMonth, 2}, {"february", kMonth, 2}, {"fri", kDow, 5},
    {"friday", kDow, 5}, {"infinity", kReserv, kLate}, {"jan", kMonth, 1}, {"january", kMonth, 1},
    {"jul", kMonth, 7}, {"july", kMonth, 7}, {"jun", kMonth, 6}, {"june", kMonth, 6}, {"mar", kMonth, 3},
    {"march", kMonth, 3}, {"may", kMonth, 5}, {"mon", kDow, 1}, {"monday", kDow, 1}, {"nov", kMonth, 11},
    {"november", kMonth, 11}, {"now", kReserv, kNow}, {"oct", kMonth, 10}, {"october", kMonth, 10},
    {"on", kIgnore, 0}, {"pm", kAmPm, kPm}, {"sat", kDow, 6}, {"saturday", kDow, 6}, {"sep", kMonth, 9},
    {"sept", kMonth, 9}, {"september", kMonth, 9}, {"sun", kDow, 0}, {"sunday", kDow, 0},
    {"t", kIsoTime, 0}, {"thu", kDow, 4}, {"thur", kDow, 4}, {"thurs", kDow, 4}, {"thursday", kDow, 4},
    {"today", kReserv, kToday}, {"tomorrow", kReserv, kTomorrow}, {"tue", kDow, 2}, {"tues", kDow, 2},
    {"tuesday", kDow, 2}, {"wed", kDow, 3}, {"wednesday", kDow, 3}, {"weds", kDow, 3},
    {"yesterday", kReserv, kYesterday},
    // Units PostgreSQL recognises here only for the labelled ISO form; kept so
    // that ParseFields treats "d"/"y"/... like PostgreSQL does.
    {"d", kUnits, 0}, {"dow", kUnits, 0}, {"doy", kUnits, 0}, {"h", kUnits, 0}, {"isodow", kUnits, 0},
    {"isoyear", kUnits, 0}, {"j", kUnits, 0}, {"jd", kUnits, 0}, {"julian", kUnits, 0}, {"m", kUnits, 0},
    {"mm", kUnits, 0}, {"s", kUnits, 0}, {"y", kUnits, 0},
};


constexpr Abbrev kAbbrevs[] = {
    {"acdt", 37800, true, nullptr}, {"acst", 34200, false, nullptr}, {"adt", -10800, true, nullptr},
    {"aedt", 39600, true, nullptr}, {"aest", 36000, false, nullptr}, {"akdt", -28800, true, nullptr},
    {"akst", -32400, false, nullptr}, {"ast", -14400, false, nullptr}, {"awst", 28800, false, nullptr},
    {"bst", 3600, true, nullptr}, {"cdt", -18000, true, nullptr}, {"cest", 7200, true, nullptr},
    {"cet", 3600, false, nullptr}, {"cst", -21600, false, nullptr}, {"edt", -14400, true, nullptr},
    {"eest", 10800, true, nullptr}, {"eet", 7200, false, nullptr}, {"est", -18000, false, nullptr},
    {"gmt", 0, false, nullptr}, {"hkt", 28800, false, nullptr}, {"hst", -36000, false, nullptr},
    {"ist", 7200, false, nullptr}, {"jst", 32400, false, nullptr}, {"kst", 32400, false, nullptr},
    {"mdt", -21600, true, nullptr}, {"mest", 7200, true, nullptr}, {"met", 3600, false, nullptr},
    {"msk", 0, false, "Europe/Moscow"}, {"mst", -25200, false, nullptr}, {"nzdt", 46800, true, nullptr},
    {"nzst", 43200, false, nullptr}, {"pdt", -25200, true, nullptr}, {"pst", -28800, false, nullptr},
    {"sast", 7200, false, nullptr}, {"sgt", 0, false, "Asia/Singapore"}, {"uct", 0, false, nullptr},
    {"ut", 0, false, nullptr}, {"utc", 0, false, nullptr}, {"wet", 0, false, nullptr},
    {"z", 0, false, nullptr}, {"zulu", 0, false, nullptr},
};


}  // namespace

// datebsearch compares at most TOKMAXLEN (10) characters.
const Token* FindToken(std::string_view s) {
  for (const auto& t : kDateTokens) {
    if (strncmp(std::string(s).c_str(), t.name, 10) == 0) return &t;
  }
  return nullptr;
}

const Abbrev* FindAbbrev(std::string_view s) {
  for (const auto& a : kAbbrevs) {
    if (s == a.name) return &a;
  }
  return nullptr;
}

}  // namespace tok

using namespace tok;

int ParseFields(std::string_view in, Fields* out) {
  size_t i = 0, n = in.size();
  auto at = [&](size_t k) { return k < n ? in[k] : '\0'; };
  while (i < n) {
    char c = in[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (out->size() >= 25) return kBadFormat;  // MAXDATEFIELDS
    std::string buf;
    FieldType type;
    if (IsDigit(c)) {
      while (IsDigit(at(i))) buf += in[i++];
      if (at(i) == ':') {
        type = FieldType::kTime;
        buf += in[i++];
        while (IsDigit(at(i)) || at(i) == ':' || at(i) == '.') buf += in[i++];
      } else if (at(i) == '-' || at(i) == '/' || at(i) == '.') {
        char delim = in[i];
        buf += in[i++];
        if (IsDigit(at(i))) {
          type = delim == '.' ? FieldType::kNumber : FieldType::kDate;
          while (IsDigit(at(i))) buf += in[i++];
          if (at(i) == delim) {
            type = FieldType::kDate;
            buf += in[i++];
            while (IsDigit(at(i)) || at(i) == delim) buf += in[i++];
          }
        } else {
          type = FieldType::kDate;
          while (IsAlnum(at(i)) || (i < n && in[i] == delim)) buf += Lower(in[i++]);
        }
      } else {
        type = FieldType::kNumber;
      }
    } else if (c == '.') {
      buf += in[i++];
      while (IsDigit(at(i))) buf += in[i++];
      type = FieldType::kNumber;
    } else if (IsAlpha(c)) {
      type = FieldType::kString;
      buf += Lower(in[i++]);
      while (IsAlpha(at(i))) buf += Lower(in[i++]);
      bool is_date = false;
      if (at(i) == '-' || at(i) == '/' || at(i) == '.') {
        is_date = true;
      } else if (at(i) == '+' || IsDigit(at(i))) {
        if (!FindToken(buf)) is_date = true;
      }
      if (is_date) {
        type = FieldType::kDate;
        do {
          buf += Lower(in[i++]);
        } while (i < n && (in[i] == '+' || in[i] == '-' || in[i] == '/' || in[i] == '_' || in[i] == '.' ||
                           in[i] == ':' || IsAlnum(in[i])));
      }
    } else if (c == '+' || c == '-') {
      buf += in[i++];
      while (i < n && IsSpace(in[i])) ++i;
      if (IsDigit(at(i))) {
        type = FieldType::kTz;
        buf += in[i++];
        while (IsDigit(at(i)) || at(i) == ':' || at(i) == '.' || at(i) == '-') buf += in[i++];
      } else if (IsAlpha(at(i))) {
        type = FieldType::kSpecial;
        buf += Lower(in[i++]);
        while (IsAlpha(at(i))) buf += Lower(in[i++]);
      } else {
        return kBadFormat;
      }
    } else if (IsPunct(c)) {
      ++i;
      continue;
    } else {
      return kBadFormat;
    }
    out->text.push_back(std::move(buf));
    out->type.push_back(type);
  }
  return kOk;
}

void ThrowDateTimeParseError(int dterr, std::string_view input, std::string_view type_name) {
  switch (dterr) {
    case kFieldOverflow:
      throw DbError(SqlState::kDatetimeFieldOverflow, fmt::format("date/time field value out of range: \"{}\"", input));
    case kMdFieldOverflow:
      throw DbError(SqlState::kDatetimeFieldOverflow, fmt::format("date/time field value out of range: \"{}\"", input))
          .WithHint("Perhaps you need a different \"datestyle\" setting.");
    case kIntervalOverflow:
      throw DbError(SqlState::kIntervalFieldOverflow, fmt::format("interval field value out of range: \"{}\"", input));
    case kTzDispOverflow:
      throw DbError(SqlState::kInvalidTimeZoneDisplacementValue,
                    fmt::format("time zone displacement out of range: \"{}\"", input));
    default:
      throw DbError(SqlState::kInvalidDatetimeFormat,
                    fmt::format("invalid input syntax for type {}: \"{}\"", type_name, input));
  }
}


}  // namespace basalt::engine::sql::datetime::decode
