// engine/sql/types/datetime_decode.hpp (internal to engine/sql/types)
//
// PostgreSQL 15's datetime.c parser in two stages, as there: ParseFields
// (ParseDateTime) splits the input into typed, lower-cased fields, then
// DecodeDateTime / DecodeTimeOnly / DecodeInterval assign them to calendar
// fields. Results are error codes (DTERR_*), turned into DbErrors by
// ThrowDateTimeParseError (DateTimeParseError).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/types/datetime.hpp"
#include "engine/sql/types/datetime_text.hpp"

namespace basalt::engine::sql::datetime::decode {

enum Dterr : int {
  kOk = 0,
  kBadFormat = -1,
  kFieldOverflow = -2,
  kMdFieldOverflow = -3,
  kIntervalOverflow = -4,
  kTzDispOverflow = -5,
};

// Token types, masks and tables shared by the decoders (datetime.h).
namespace tok {

// Token types (datetime.h), used as bit positions in field masks.
enum Tok : int {
  kReserv = 0, kMonth = 1, kYear = 2, kDay = 3, kJulian = 4, kTz = 5, kDtz = 6, kDynTz = 7,
  kIgnore = 8, kAmPm = 9, kHour = 10, kMinute = 11, kSecond = 12, kMillisecond = 13, kMicrosecond = 14,
  kDoy = 15, kDow = 16, kUnits = 17, kAdBc = 18, kIsoTime = 23, kDtzMod = 28, kUnknownField = 31,
};
inline constexpr int M(int t) { return 1 << t; }
inline constexpr int kDateM = M(kYear) | M(kMonth) | M(kDay);
inline constexpr int kAllSecsM = M(kSecond) | M(kMillisecond) | M(kMicrosecond);
inline constexpr int kTimeM = M(kHour) | M(kMinute) | kAllSecsM;

// RESERV values.
enum Reserved : int { kNow = 1, kToday, kTomorrow, kYesterday, kZulu, kEpoch, kLate, kEarly };
enum Meridian : int { kAm = 0, kPm = 1, kHr24 = 2 };

struct Token {
  const char* name;
  int type;
  int value;
};

// datetktbl (PostgreSQL 15), the entries this port handles.

// Common rows of PostgreSQL's 'Default' timezone_abbreviations (gmtoff east).
struct Abbrev {
  const char* name;
  int gmtoff;
  bool dst;
  const char* zone;  // dynamic abbreviation: resolved through this zone
};

// datetktbl lookup (first TOKMAXLEN = 10 characters), and the time zone
// abbreviations of the 'Default' set; nullptr when absent.
const Token* FindToken(std::string_view s);
const Abbrev* FindAbbrev(std::string_view s);

// PostgreSQL parses in the C locale.
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
inline bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool IsPunct(char c) { return c > 32 && c < 127 && !IsAlnum(c); }
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace tok

enum class FieldType : uint8_t { kNumber, kString, kDate, kTime, kTz, kSpecial };

struct Fields {
  std::vector<std::string> text;
  std::vector<FieldType> type;
  size_t size() const { return text.size(); }
};

// What the input denoted (PostgreSQL's dtype).
enum class DType : uint8_t { kDate, kTime, kEarly, kLate, kEpoch, kDelta };

int ParseFields(std::string_view input, Fields* out);

// DecodeDateTime. `tz` is null for types without a zone... PostgreSQL passes
// &tz for every timestamp type, so it is always given here; it receives
// seconds WEST. `tz_given` tells whether the input named a zone.
int DecodeDateTime(Fields& f, const DateTimeSettings& s, DType* dtype, PgTm* tm, int64_t* fsec, int* tz);
int DecodeTimeOnly(Fields& f, const DateTimeSettings& s, DType* dtype, PgTm* tm, int64_t* fsec, int* tz);

struct ItmIn {
  int64_t usec = 0;
  int mday = 0, mon = 0, year = 0;
};
int DecodeInterval(Fields& f, ItmIn* itm);
int DecodeIso8601Interval(std::string_view s, ItmIn* itm);

[[noreturn]] void ThrowDateTimeParseError(int dterr, std::string_view input, std::string_view type_name);

}  // namespace basalt::engine::sql::datetime::decode
