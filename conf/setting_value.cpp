// conf/setting_value.cpp
//
// Ports of PostgreSQL 15 guc.c's parse_bool_with_len, parse_int, parse_real,
// convert_to_base_unit, convert_{int,real}_from_base_unit and the range checks
// of parse_and_validate_value, so values, rounding and error texts match.
#include "conf/setting_value.hpp"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <strings.h>

namespace basalt::conf {
namespace {

// One row of PostgreSQL's memory_unit_conversion_table / time_unit_conversion_table.
// For each base unit the rows run from the largest unit to the smallest.
struct UnitConversion {
  std::string_view unit;
  std::string_view base_unit;
  double multiplier;  // base units per `unit`
};

constexpr double kKb = 1024.0;
constexpr double kBlock = 8.0;  // 8kB blocks, in kB

constexpr UnitConversion kMemoryUnits[] = {
    {"TB", "B", kKb * kKb * kKb * kKb}, {"GB", "B", kKb * kKb * kKb}, {"MB", "B", kKb * kKb},
    {"kB", "B", kKb},                   {"B", "B", 1.0},

    {"TB", "kB", kKb * kKb * kKb},      {"GB", "kB", kKb * kKb},      {"MB", "kB", kKb},
    {"kB", "kB", 1.0},                  {"B", "kB", 1.0 / kKb},

    {"TB", "MB", kKb * kKb},            {"GB", "MB", kKb},            {"MB", "MB", 1.0},
    {"kB", "MB", 1.0 / kKb},            {"B", "MB", 1.0 / (kKb * kKb)},

    {"TB", "8kB", kKb * kKb * kKb / kBlock}, {"GB", "8kB", kKb * kKb / kBlock}, {"MB", "8kB", kKb / kBlock},
    {"kB", "8kB", 1.0 / kBlock},             {"B", "8kB", 1.0 / (kBlock * kKb)},
};

constexpr UnitConversion kTimeUnits[] = {
    {"d", "ms", 1000.0 * 60 * 60 * 24}, {"h", "ms", 1000.0 * 60 * 60}, {"min", "ms", 1000.0 * 60},
    {"s", "ms", 1000.0},                {"ms", "ms", 1.0},             {"us", "ms", 1.0 / 1000},

    {"d", "s", 60.0 * 60 * 24},         {"h", "s", 60.0 * 60},         {"min", "s", 60.0},
    {"s", "s", 1.0},                    {"ms", "s", 1.0 / 1000},       {"us", "s", 1.0 / (1000 * 1000)},

    {"d", "min", 60.0 * 24},            {"h", "min", 60.0},            {"min", "min", 1.0},
    {"s", "min", 1.0 / 60},             {"ms", "min", 1.0 / (1000 * 60)}, {"us", "min", 1.0 / (1000.0 * 1000 * 60)},
};

constexpr const char* kMemoryUnitsHint = "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".";
constexpr const char* kTimeUnitsHint =
    "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";

bool IsMemoryUnit(std::string_view unit) { return unit == "B" || unit == "kB" || unit == "MB" || unit == "8kB"; }

std::span<const UnitConversion> TableFor(std::string_view base_unit) {
  if (IsMemoryUnit(base_unit)) return kMemoryUnits;
  return kTimeUnits;
}

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

SetResult Invalid(std::string message, std::string hint = {}, std::string detail = {}) {
  SetResult r;
  r.status = SetResult::Status::kInvalidValue;
  r.message = std::move(message);
  r.hint = std::move(hint);
  r.detail = std::move(detail);
  return r;
}

std::string InvalidValueMessage(std::string_view name, std::string_view value) {
  return "invalid value for parameter " + Quoted(name) + ": " + Quoted(value);
}

bool PrefixCaseEq(std::string_view value, std::string_view word, std::size_t min_len) {
  // pg_strncasecmp(value, word, max(len, min_len)) == 0 with value of length len.
  const std::size_t n = std::max(value.size(), min_len);
  if (value.size() > word.size()) return false;
  return strncasecmp(std::string(value).c_str(), std::string(word).c_str(), n) == 0;
}

// PostgreSQL's parse_bool_with_len.
bool ParseBool(std::string_view v, bool& out) {
  if (v.empty()) return false;
  switch (v[0]) {
    case 't': case 'T':
      if (PrefixCaseEq(v, "true", 0)) { out = true; return true; }
      break;
    case 'f': case 'F':
      if (PrefixCaseEq(v, "false", 0)) { out = false; return true; }
      break;
    case 'y': case 'Y':
      if (PrefixCaseEq(v, "yes", 0)) { out = true; return true; }
      break;
    case 'n': case 'N':
      if (PrefixCaseEq(v, "no", 0)) { out = false; return true; }
      break;
    case 'o': case 'O':
      // "o" alone is ambiguous between on and off.
      if (PrefixCaseEq(v, "on", 2)) { out = true; return true; }
      if (PrefixCaseEq(v, "off", 2)) { out = false; return true; }
      break;
    case '1':
      if (v.size() == 1) { out = true; return true; }
      break;
    case '0':
      if (v.size() == 1) { out = false; return true; }
      break;
    default:
      break;
  }
  return false;
}

// convert_to_base_unit: `rest` is the unit text after the number (leading blanks skipped).
bool ConvertToBaseUnit(double value, const char* rest, std::string_view base_unit, double& out) {
  std::string unit;
  while (*rest != '\0' && !std::isspace(static_cast<unsigned char>(*rest)) && unit.size() < 3) unit += *rest++;
  while (std::isspace(static_cast<unsigned char>(*rest))) ++rest;
  if (*rest != '\0') return false;  // unit too long, or garbage after it
  auto table = TableFor(base_unit);
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table[i].base_unit != base_unit || table[i].unit != unit) continue;
    double cvalue = value * table[i].multiplier;
    // "30.1GB" is rounded to a whole number of the next smaller unit.
    if (i + 1 < table.size() && table[i + 1].base_unit == base_unit) {
      cvalue = std::rint(cvalue / table[i + 1].multiplier) * table[i + 1].multiplier;
    }
    out = cvalue;
    return true;
  }
  return false;
}

// parse_int. On failure `hint` may be set.
bool ParseInt(std::string_view text, std::string_view base_unit, int64_t& out, std::string& hint) {
  const std::string s(text);
  const char* value = s.c_str();
  char* end = nullptr;
  errno = 0;
  double val = static_cast<double>(std::strtol(value, &end, 0));
  if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE) {
    // Not an integer: try it as a double.
    errno = 0;
    val = std::strtod(value, &end);
  }
  if (end == value || errno == ERANGE) return false;
  if (std::isnan(val)) return false;
  while (std::isspace(static_cast<unsigned char>(*end))) ++end;
  if (*end != '\0') {
    if (base_unit.empty()) return false;
    if (!ConvertToBaseUnit(val, end, base_unit, val)) {
      hint = IsMemoryUnit(base_unit) ? kMemoryUnitsHint : kTimeUnitsHint;
      return false;
    }
  }
  val = std::rint(val);
  if (val > INT_MAX || val < INT_MIN) {
    hint = "Value exceeds integer range.";
    return false;
  }
  out = static_cast<int64_t>(val);
  return true;
}

// parse_real.
bool ParseReal(std::string_view text, std::string_view base_unit, double& out, std::string& hint) {
  const std::string s(text);
  const char* value = s.c_str();
  char* end = nullptr;
  errno = 0;
  double val = std::strtod(value, &end);
  if (end == value || errno == ERANGE) return false;
  if (std::isnan(val)) return false;
  while (std::isspace(static_cast<unsigned char>(*end))) ++end;
  if (*end != '\0') {
    if (base_unit.empty()) return false;
    if (!ConvertToBaseUnit(val, end, base_unit, val)) {
      hint = IsMemoryUnit(base_unit) ? kMemoryUnitsHint : kTimeUnitsHint;
      return false;
    }
  }
  out = val;
  return true;
}

std::string FormatG(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// _ShowOption for ints: the largest unit that divides evenly.
std::string ShowInt(int64_t v, std::string_view base_unit) {
  if (v <= 0 || base_unit.empty()) return std::to_string(v);
  for (const auto& c : TableFor(base_unit)) {
    if (c.base_unit != base_unit) continue;
    if (c.multiplier <= 1.0 || v % static_cast<int64_t>(c.multiplier) == 0) {
      return std::to_string(static_cast<int64_t>(static_cast<double>(v) / c.multiplier)) + std::string(c.unit);
    }
  }
  return std::to_string(v);
}

// _ShowOption for reals: the first unit giving an integral value; the smallest always fits.
std::string ShowReal(double v, std::string_view base_unit) {
  if (v <= 0 || base_unit.empty()) return FormatG(v);
  double shown = v;
  std::string_view unit;
  for (const auto& c : TableFor(base_unit)) {
    if (c.base_unit != base_unit) continue;
    shown = v / c.multiplier;
    unit = c.unit;
    if (shown > 0 && std::fabs(std::rint(shown) / shown - 1.0) <= 1e-8) break;
  }
  return FormatG(shown) + std::string(unit);
}

std::string UnitSuffix(std::string_view unit) { return unit.empty() ? "" : " " + std::string(unit); }

SetResult ParseEnum(const SettingDef& def, std::string_view name, std::string_view input, SettingValue& out) {
  const std::string in(input);
  for (std::string_view v : def.enum_values) {
    if (strcasecmp(in.c_str(), std::string(v).c_str()) == 0) {
      out.text = std::string(v);
      return {};
    }
  }
  for (const EnumAlias& a : def.enum_aliases) {
    if (strcasecmp(in.c_str(), std::string(a.alias).c_str()) == 0) {
      out.text = std::string(a.value);
      return {};
    }
  }
  std::string hint = "Available values: ";
  for (std::size_t i = 0; i < def.enum_values.size(); ++i) {
    if (i > 0) hint += ", ";
    hint += def.enum_values[i];
  }
  hint += ".";
  return Invalid(InvalidValueMessage(name, input), std::move(hint));
}

SetResult ParseString(const SettingDef& def, std::string_view input, const ParseContext& context,
                      SettingValue& out) {
  std::string canonical;
  std::string detail;
  const std::string_view n = def.name;
  bool ok = true;
  if (n == "DateStyle") {
    ok = CheckDateStyle(input, context, canonical, detail);
  } else if (n == "TimeZone" || n == "log_timezone") {
    ok = CheckTimeZone(input, canonical, detail);
  } else if (n == "client_encoding") {
    ok = CheckClientEncoding(input, canonical, detail);
  } else if (n == "lc_messages" || n == "lc_monetary" || n == "lc_numeric" || n == "lc_time") {
    ok = CheckLocale(input, detail);
    canonical = std::string(input);
  } else if (n == "application_name" || n == "cluster_name") {
    canonical = CleanAscii(input);
  } else if (n == "timezone_abbreviations") {
    // Basalt ships only PostgreSQL's "Default" abbreviation set.
    ok = input == "Default";
    canonical = std::string(input);
  } else {
    canonical = std::string(input);
  }
  // Check-hook failures name the parameter by its canonical spelling, as PostgreSQL does.
  if (!ok) return Invalid(InvalidValueMessage(def.name, input), {}, std::move(detail));
  out.text = std::move(canonical);
  return {};
}

}  // namespace

std::string CleanAscii(std::string_view input) {
  std::string out(input);
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 32 || u > 126) c = '?';
  }
  return out;
}

SetResult ParseSettingValue(const SettingDef& def, std::string_view name, std::string_view input,
                            const ParseContext& context, SettingValue& out) {
  out = SettingValue{};
  switch (def.type) {
    case SettingType::kBool: {
      bool b = false;
      if (!ParseBool(input, b)) return Invalid("parameter " + Quoted(name) + " requires a Boolean value");
      out.i = b ? 1 : 0;
      out.text = b ? "on" : "off";
      return {};
    }
    case SettingType::kInt: {
      std::string hint;
      int64_t v = 0;
      if (!ParseInt(input, def.unit, v, hint)) return Invalid(InvalidValueMessage(name, input), std::move(hint));
      if (static_cast<double>(v) < def.min_value || static_cast<double>(v) > def.max_value) {
        return Invalid(std::to_string(v) + UnitSuffix(def.unit) + " is outside the valid range for parameter " +
                       Quoted(name) + " (" + std::to_string(static_cast<int64_t>(def.min_value)) + " .. " +
                       std::to_string(static_cast<int64_t>(def.max_value)) + ")");
      }
      out.i = v;
      out.r = static_cast<double>(v);
      out.text = ShowInt(v, def.unit);
      return {};
    }
    case SettingType::kReal: {
      std::string hint;
      double v = 0;
      if (!ParseReal(input, def.unit, v, hint)) return Invalid(InvalidValueMessage(name, input), std::move(hint));
      if (v < def.min_value || v > def.max_value) {
        return Invalid(FormatG(v) + UnitSuffix(def.unit) + " is outside the valid range for parameter " +
                       Quoted(name) + " (" + FormatG(def.min_value) + " .. " + FormatG(def.max_value) + ")");
      }
      out.r = v;
      out.text = ShowReal(v, def.unit);
      return {};
    }
    case SettingType::kEnum:
      return ParseEnum(def, name, input, out);
    case SettingType::kString:
      return ParseString(def, input, context, out);
  }
  return Invalid(InvalidValueMessage(name, input));
}

std::string BaseUnitText(const SettingDef& def, const SettingValue& v) {
  switch (def.type) {
    case SettingType::kInt: return std::to_string(v.i);
    case SettingType::kReal: return FormatG(v.r);
    default: return v.text;
  }
}

}  // namespace basalt::conf
