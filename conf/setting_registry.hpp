// conf/setting_registry.hpp
//
// The static table of every configuration parameter Basalt knows: its type,
// built-in default ("boot value"), unit, range, allowed enum values, context
// (when it may change) and the descriptive fields pg_settings shows. The table
// mirrors PostgreSQL 15's GUC definitions where a PostgreSQL equivalent exists
// (names, defaults, units, contexts as `SHOW ALL` / pg_settings report them);
// Basalt-only settings have names without dots.
//
// Invariants: names are unique case-insensitively; the table is sorted by
// lower-cased name (the order SHOW ALL and pg_settings use); every boot value
// is valid for its definition. The table is immutable after static init.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace basalt::conf {

// pg_settings.vartype: "bool", "integer", "real", "string", "enum".
enum class SettingType { kBool, kInt, kReal, kString, kEnum };

// pg_settings.context, from most to least restricted.
//   kInternal:   fixed (server_version, ...); never settable.
//   kPostmaster: only at server start (config file, environment, command line).
//   kSighup:     config file / reload only.
//   kSuperuser:  sessions whose is_superuser is on may SET it.
//   kUser:       any session may SET it.
//   kSuperuserBackend / kBackend: only up to connection start (config, startup
//                packet), never by SET ("cannot be set after connection start").
enum class SettingContext { kInternal, kPostmaster, kSighup, kSuperuserBackend, kBackend, kSuperuser, kUser };

// A hidden spelling accepted for an enum value ("true" for synchronous_commit "on").
struct EnumAlias {
  std::string_view alias;
  std::string_view value;
};

struct SettingDef {
  std::string_view name{};      // canonical spelling ("DateStyle", "work_mem")
  SettingType type = SettingType::kString;
  std::string_view boot_value{};  // built-in default, as text (may carry a unit: "4MB")
  std::string_view unit{};      // base unit of int/real values: "ms", "s", "min", "B", "kB", "MB", "8kB", or ""
  double min_value = 0;         // int/real only
  double max_value = 0;         // int/real only
  std::span<const std::string_view> enum_values{};  // enum only: accepted values (canonical spelling)
  std::span<const EnumAlias> enum_aliases{};        // enum only: hidden extra spellings
  SettingContext context = SettingContext::kUser;
  std::string_view category{};  // pg_settings.category ("Resource Usage / Memory")
  std::string_view short_desc{};  // pg_settings.short_desc
  bool report = false;          // sent to clients as ParameterStatus (GUC_REPORT)
  bool no_reset_all = false;    // RESET ALL leaves it alone (transaction_isolation, ...)
  bool no_show_all = false;     // hidden from SHOW ALL and pg_settings (is_superuser, ...)
};

// Every registered setting, sorted by lower-cased name.
std::span<const SettingDef> AllSettingDefs();

// The definition of `name` (case-insensitive); nullptr if unknown.
const SettingDef* FindSettingDef(std::string_view name);

// Index of `def` inside AllSettingDefs().
std::size_t SettingIndex(const SettingDef& def);

// pg_settings.vartype text for `type`.
std::string_view SettingTypeName(SettingType type);

// pg_settings.context text for `context` ("internal", "postmaster", "sighup",
// "superuser-backend", "backend", "superuser", "user").
std::string_view SettingContextName(SettingContext context);

}  // namespace basalt::conf
