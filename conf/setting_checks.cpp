// conf/setting_checks.cpp
//
// Check hooks of the string settings whose values PostgreSQL validates and
// canonicalises: DateStyle (check_datestyle in commands/variable.c), TimeZone
// and log_timezone (check_timezone + pg_tzset), client_encoding
// (check_client_encoding: Basalt converts nothing, so only UTF8 and SQL_ASCII,
// which is pass-through, are accepted) and the lc_* locales (check_locale).
#include <clocale>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale.h>
#include <strings.h>
#include <vector>

#include "conf/setting_value.hpp"

namespace basalt::conf {
namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool CaseEq(std::string_view a, std::string_view b) { return Lower(a) == Lower(b); }

bool CasePrefix(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && CaseEq(s.substr(0, prefix.size()), prefix);
}

// SplitIdentifierString(raw, ','): unquoted names are trimmed and lower-cased,
// "quoted" names kept verbatim ("" is a quote). False on bad list syntax.
bool SplitIdentifiers(std::string_view raw, std::vector<std::string>& out) {
  std::size_t p = 0;
  auto skip_space = [&] {
    while (p < raw.size() && IsSpace(raw[p])) ++p;
  };
  skip_space();
  if (p == raw.size()) return true;  // empty list
  for (;;) {
    std::string name;
    if (raw[p] == '"') {
      ++p;
      for (;;) {
        if (p >= raw.size()) return false;  // unterminated quote
        if (raw[p] == '"') {
          if (p + 1 < raw.size() && raw[p + 1] == '"') {
            name += '"';
            p += 2;
            continue;
          }
          ++p;
          break;
        }
        name += raw[p++];
      }
    } else {
      const std::size_t start = p;
      while (p < raw.size() && raw[p] != ',' && !IsSpace(raw[p])) ++p;
      if (p == start) return false;  // empty unquoted name
      name = Lower(raw.substr(start, p - start));
    }
    out.push_back(std::move(name));
    skip_space();
    if (p == raw.size()) return true;
    if (raw[p] != ',') return false;
    ++p;
    skip_space();
  }
}

struct DateStyleParts {
  std::string style = "ISO";  // ISO, SQL, Postgres, German
  std::string order = "MDY";  // YMD, DMY, MDY
};

DateStyleParts SplitCanonical(std::string_view canonical) {
  DateStyleParts parts;
  const auto comma = canonical.find(", ");
  if (comma != std::string_view::npos) {
    parts.style = std::string(canonical.substr(0, comma));
    parts.order = std::string(canonical.substr(comma + 2));
  }
  return parts;
}

bool ParseDateStyle(std::string_view input, const ParseContext& context, DateStyleParts& result,
                    std::string& detail, int depth) {
  std::vector<std::string> tokens;
  if (!SplitIdentifiers(input, tokens)) {
    detail = "List syntax is invalid.";
    return false;
  }
  DateStyleParts parts = SplitCanonical(context.current);
  bool have_style = false;
  bool have_order = false;
  bool ok = true;
  auto set_style = [&](const char* style) {
    if (have_style && parts.style != style) ok = false;
    parts.style = style;
    have_style = true;
  };
  auto set_order = [&](const char* order) {
    if (have_order && parts.order != order) ok = false;
    parts.order = order;
    have_order = true;
  };
  for (const std::string& tok : tokens) {
    if (CaseEq(tok, "ISO")) {
      set_style("ISO");
    } else if (CaseEq(tok, "SQL")) {
      set_style("SQL");
    } else if (CasePrefix(tok, "POSTGRES")) {
      set_style("Postgres");
    } else if (CaseEq(tok, "GERMAN")) {
      set_style("German");
      if (!have_order) parts.order = "DMY";  // German implies DMY unless an order is given
    } else if (CaseEq(tok, "YMD")) {
      set_order("YMD");
    } else if (CaseEq(tok, "DMY") || CasePrefix(tok, "EURO")) {
      set_order("DMY");
    } else if (CaseEq(tok, "MDY") || CaseEq(tok, "US") || CasePrefix(tok, "NONEURO")) {
      set_order("MDY");
    } else if (CaseEq(tok, "DEFAULT") && depth == 0) {
      // DEFAULT means the reset value's parts, for whichever parts were not given.
      DateStyleParts def;
      if (!ParseDateStyle(context.reset, context, def, detail, depth + 1)) return false;
      if (!have_style) parts.style = def.style;
      if (!have_order) parts.order = def.order;
    } else {
      detail = "Unrecognized key word: \"" + tok + "\".";
      return false;
    }
  }
  if (!ok) {
    detail = "Conflicting \"datestyle\" specifications.";
    return false;
  }
  result = parts;
  return true;
}

constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo";

bool IsTzFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && std::string_view(magic, 4) == "TZif";
}

// Finds `name` under the zoneinfo directory case-insensitively, component by
// component, and returns the spelling found on disk (pg_tzset canonicalises the
// same way: 'europe/berlin' shows as Europe/Berlin).
bool FindZoneFile(std::string_view name, std::string& canonical) {
  if (name.empty() || name.front() == '/' || name.size() > 255) return false;
  std::filesystem::path dir = kZoneInfoDir;
  std::string out;
  std::size_t p = 0;
  while (p <= name.size()) {
    std::size_t slash = name.find('/', p);
    if (slash == std::string_view::npos) slash = name.size();
    const std::string_view part = name.substr(p, slash - p);
    if (part.empty() || part == "." || part == "..") return false;
    std::error_code ec;
    std::filesystem::path found;
    if (std::filesystem::exists(dir / part, ec)) {
      found = dir / part;
    } else {
      for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (CaseEq(entry.path().filename().string(), part)) {
          found = entry.path();
          break;
        }
      }
    }
    if (found.empty()) return false;
    if (!out.empty()) out += '/';
    out += found.filename().string();
    dir = found;
    p = slash + 1;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dir, ec) || !IsTzFile(dir)) return false;
  canonical = out;
  return true;
}

// A POSIX TZ string such as "UTC+3", "EST5EDT", "<+05>-05" (accepted by pg_tzset).
bool IsPosixTz(std::string_view s) {
  std::size_t p = 0;
  auto zone_name = [&]() {
    if (p < s.size() && s[p] == '<') {
      const auto close = s.find('>', p);
      if (close == std::string_view::npos || close == p + 1) return false;
      p = close + 1;
      return true;
    }
    const std::size_t start = p;
    while (p < s.size() && std::isalpha(static_cast<unsigned char>(s[p]))) ++p;
    return p - start >= 3;
  };
  auto offset = [&]() {
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) ++p;
    const std::size_t start = p;
    while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
    if (p == start || p - start > 3) return false;
    for (int i = 0; i < 2 && p < s.size() && s[p] == ':'; ++i) {
      ++p;
      const std::size_t m = p;
      while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
      if (p - m != 2) return false;
    }
    return true;
  };
  if (!zone_name() || !offset()) return false;
  if (p == s.size()) return true;
  if (!zone_name()) return false;  // daylight-saving part: name, optional offset, optional rules
  if (p < s.size() && s[p] != ',' && !offset()) return false;
  return p == s.size() || s[p] == ',';
}

std::string TwoDigits(long v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

// pg_tzset_offset's name for a fixed offset, gmtoffset in seconds west of Greenwich.
std::string OffsetZoneName(long gmtoffset) {
  long abs = gmtoffset < 0 ? -gmtoffset : gmtoffset;
  std::string off = TwoDigits(abs / 3600);
  abs %= 3600;
  if (abs != 0) {
    off += ":" + TwoDigits(abs / 60);
    abs %= 60;
    if (abs != 0) off += ":" + TwoDigits(abs);
  }
  if (gmtoffset > 0) return "<-" + off + ">+" + off;
  return "<+" + off + ">-" + off;
}

std::string CleanEncodingName(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

constexpr std::string_view kOtherEncodings[] = {
    "EUC_JP",   "EUC_CN",     "EUC_KR",     "EUC_TW",     "EUC_JIS_2004", "MULE_INTERNAL", "LATIN1",
    "LATIN2",   "LATIN3",     "LATIN4",     "LATIN5",     "LATIN6",       "LATIN7",        "LATIN8",
    "LATIN9",   "LATIN10",    "WIN1256",    "WIN1258",    "WIN866",       "WIN874",        "KOI8R",
    "WIN1251",  "WIN1252",    "ISO_8859_5", "ISO_8859_6", "ISO_8859_7",   "ISO_8859_8",    "WIN1250",
    "WIN1253",  "WIN1254",    "WIN1255",    "WIN1257",    "KOI8U",        "SJIS",          "BIG5",
    "GBK",      "UHC",        "GB18030",    "JOHAB",      "SHIFT_JIS_2004"};

}  // namespace

bool CheckDateStyle(std::string_view input, const ParseContext& context, std::string& canonical,
                    std::string& detail) {
  DateStyleParts parts;
  if (!ParseDateStyle(input, context, parts, detail, 0)) return false;
  canonical = parts.style + ", " + parts.order;
  return true;
}

bool CheckTimeZone(std::string_view input, std::string& canonical, std::string& detail) {
  const std::string s(input);
  // A plain number is an offset in hours east of Greenwich (SQL sign convention).
  char* end = nullptr;
  const double hours = std::strtod(s.c_str(), &end);
  if (end != s.c_str() && *end == '\0') {
    const double gmtoffset = -hours * 3600;
    if (!(gmtoffset > -168.0 * 3600 && gmtoffset < 168.0 * 3600)) {
      detail = "UTC timezone offset is out of range.";
      return false;
    }
    canonical = OffsetZoneName(static_cast<long>(gmtoffset));
    return true;
  }
  if (FindZoneFile(input, canonical)) return true;
  if (CaseEq(input, "UTC") || CaseEq(input, "GMT") || CaseEq(input, "Etc/UTC")) {
    // Without a zoneinfo directory (minimal containers) keep UTC usable.
    canonical = CaseEq(input, "Etc/UTC") ? "Etc/UTC" : Lower(input) == "utc" ? "UTC" : "GMT";
    return true;
  }
  if (IsPosixTz(input)) {
    canonical = s;
    return true;
  }
  return false;
}

bool CheckClientEncoding(std::string_view input, std::string& canonical, std::string& detail) {
  const std::string clean = CleanEncodingName(input);
  if (clean == "utf8" || clean == "unicode") {
    canonical = "UTF8";
    return true;
  }
  if (clean == "sqlascii") {
    // psql in the C locale asks for SQL_ASCII; like PostgreSQL, bytes then pass unconverted.
    canonical = "SQL_ASCII";
    return true;
  }
  for (std::string_view enc : kOtherEncodings) {
    if (CleanEncodingName(enc) == clean) {
      detail = "Conversion between " + std::string(enc) + " and UTF8 is not supported.";
      return false;
    }
  }
  return false;
}

bool CheckLocale(std::string_view input, std::string& detail) {
  if (input.empty()) return true;  // "" means: take it from the environment
  const std::string s(input);
  locale_t loc = newlocale(LC_ALL_MASK, s.c_str(), static_cast<locale_t>(nullptr));
  if (loc == static_cast<locale_t>(nullptr)) return false;
  freelocale(loc);
  return true;
}

std::string SystemTimeZone() {
  std::string canonical;
  std::string detail;
  std::ifstream in("/etc/timezone");
  std::string line;
  if (in && std::getline(in, line)) {
    while (!line.empty() && IsSpace(line.back())) line.pop_back();
    if (!line.empty() && FindZoneFile(line, canonical)) return canonical;
  }
  std::error_code ec;
  const auto target = std::filesystem::read_symlink("/etc/localtime", ec);
  if (!ec) {
    const std::string t = target.string();
    const auto pos = t.find("zoneinfo/");
    if (pos != std::string::npos && FindZoneFile(t.substr(pos + 9), canonical)) return canonical;
  }
  return "Etc/UTC";
}

}  // namespace basalt::conf
