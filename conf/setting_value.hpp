// conf/setting_value.hpp (internal to conf/)
//
// Text <-> value conversion for one setting, following PostgreSQL 15's guc.c:
// parse_bool, parse_int / parse_real with unit conversion (memory and time
// tables, fractional input rounded to the next smaller unit, then rint), range
// checks, case-insensitive enum lookup with hidden aliases, and the check hooks
// of the string settings that have them (DateStyle, TimeZone, client_encoding,
// lc_*, application_name, ...). Display follows _ShowOption: ints and reals in
// the largest unit that represents them exactly, bools as on/off.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "conf/setting_registry.hpp"
#include "conf/settings.hpp"

namespace basalt::conf {

struct SettingValue {
  std::string text;  // canonical display text (SHOW)
  int64_t i = 0;     // bool 0/1, int in the base unit
  double r = 0;      // real in the base unit
};

// Context a check hook may need: the current and reset display texts
// (DateStyle keeps unspecified parts from the current value; DEFAULT uses reset).
struct ParseContext {
  std::string_view current;
  std::string_view reset;
};

// Parses `input` for `def`; `name` is the name as the caller spelled it (PostgreSQL
// quotes it in messages). On failure returns the error and leaves `out` unspecified.
SetResult ParseSettingValue(const SettingDef& def, std::string_view name, std::string_view input,
                            const ParseContext& context, SettingValue& out);

// pg_settings.setting text: ints and reals as a plain number in the base unit.
std::string BaseUnitText(const SettingDef& def, const SettingValue& v);

// Check hooks for string settings (setting_checks.cpp). Each returns true and
// writes the canonical text, or false with PostgreSQL's detail (possibly empty).
bool CheckDateStyle(std::string_view input, const ParseContext& context, std::string& canonical,
                    std::string& detail);
bool CheckTimeZone(std::string_view input, std::string& canonical, std::string& detail);
bool CheckClientEncoding(std::string_view input, std::string& canonical, std::string& detail);
bool CheckLocale(std::string_view input, std::string& detail);

// Replaces bytes outside printable ASCII with '?' (PostgreSQL's pg_clean_ascii
// for application_name and cluster_name).
std::string CleanAscii(std::string_view input);

}  // namespace basalt::conf
