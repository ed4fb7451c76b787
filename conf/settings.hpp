// conf/settings.hpp
//
// Settings is one set of configuration values (PostgreSQL's GUC state): the
// server owns one built from defaults, basalt.conf, BASALT_* environment
// variables and command-line flags; each session copies it and then applies its
// startup-packet parameters (kClient) and SET/RESET (kSession).
//
// Semantics follow PostgreSQL 15's guc.c:
//  - Names are case-insensitive; values are parsed per SettingDef (bool words
//    and unique prefixes, ints/reals with units converted to the base unit and
//    range-checked, enums case-insensitively) and stored in canonical form.
//  - Each setting has a current value and a "reset value" (what RESET restores):
//    sources below kSession (default, file, environment, command line, client,
//    override) set both; kSession sets only the current value.
//  - A lower-priority source never overrides a value set by a higher one
//    (kCommandLine beats kEnvironment beats kConfigFile); such a Set is a no-op
//    that returns kOk.
//  - Context checks: internal settings never change (except kOverride, which the
//    server uses for is_superuser, session_authorization, ...); postmaster
//    settings only from kDefault..kCommandLine; sighup settings not from
//    sessions; superuser settings need is_superuser = on in this same object.
//  - Transactions: PushNestLevel() at BEGIN/SAVEPOINT and PopNestLevel() at
//    COMMIT/RELEASE/ROLLBACK give PostgreSQL's rules: SET/RESET inside a
//    transaction are undone on rollback; SET LOCAL lasts until the end of the
//    transaction; "SET x; SET LOCAL x" restores SET's value at commit.
//  - Dotted names ("myapp.user_id") are custom placeholder variables (strings),
//    created by the first Set, as PostgreSQL does.
//
// Settings is a plain value type (copyable) and not thread-safe.
//
// Callers map SetResult::Status to SQLSTATEs: kUnknownName -> 42704,
// kInvalidValue -> 22023, kCannotChange -> 55P02, kPermissionDenied -> 42501.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conf/setting_registry.hpp"

namespace basalt::conf {

// Where a value came from, lowest priority first. kOverride is the server
// itself setting session facts (is_superuser, session_authorization); it may
// change internal settings.
enum class SettingSource { kDefault, kConfigFile, kEnvironment, kCommandLine, kClient, kOverride, kSession };

// pg_settings.source text: "default", "configuration file", "environment variable",
// "command line", "client", "override", "session".
std::string_view SettingSourceName(SettingSource source);

struct SetResult {
  enum class Status { kOk, kUnknownName, kInvalidValue, kCannotChange, kPermissionDenied } status = Status::kOk;
  std::string message;  // PostgreSQL's wording, e.g. unrecognized configuration parameter "x"
  std::string detail;   // optional (e.g. DateStyle: Unrecognized key word: "foo".)
  std::string hint;     // optional (e.g. Available values: escape, hex.)
  bool ok() const { return status == Status::kOk; }
};

// SET (session-lifetime, undone only by rollback) versus SET LOCAL (until transaction end).
enum class SetScope { kSession, kLocal };

// One row of SHOW ALL / pg_settings.
struct SettingInfo {
  const SettingDef* def = nullptr;  // nullptr for custom (dotted) placeholder variables
  std::string name;                 // canonical spelling
  std::string display;              // as SHOW prints it ("4MB", "on", "ISO, MDY")
  std::string setting;              // pg_settings.setting: number in the base unit, no unit text
  std::string boot_value;           // pg_settings.boot_val (base unit)
  std::string reset_value;          // pg_settings.reset_val (base unit)
  SettingSource source = SettingSource::kDefault;
};

class Settings {
 public:
  // Every registered setting at its built-in default.
  Settings();

  // SET name = value (or the equivalent from a config source). On failure
  // nothing changes and the result carries PostgreSQL's error text. `name` is
  // quoted in messages as given (PostgreSQL quotes the name the user typed).
  // SET LOCAL at nest level 0 validates but changes nothing (the caller warns
  // "SET LOCAL can only be used in transaction blocks"); push a level for
  // implicit transactions to keep it until their end. Superuser-context
  // settings check this object's is_superuser: set it (kOverride) before
  // applying a session's startup parameters.
  SetResult Set(std::string_view name, std::string_view value, SettingSource source,
                SetScope scope = SetScope::kSession);

  // RESET name: back to the reset value (config file / command line / client).
  // Transactional like Set. Fails like Set for unknown or unchangeable names.
  SetResult Reset(std::string_view name);

  // RESET ALL: every session-changeable setting back to its reset value
  // (transaction_* settings are left alone, as in PostgreSQL).
  void ResetAll();

  // Canonical text as SHOW prints it; nullopt if `name` is unknown.
  std::optional<std::string> Get(std::string_view name) const;

  // Typed reads. Throw std::invalid_argument for unknown names or a type mismatch
  // (a programmer error). GetInt: int settings in the base unit (ms, kB, 8kB
  // blocks...) and bools as 0/1. GetReal also reads ints. GetString reads anything
  // as Get() shows it; for enums it is the canonical enum value.
  int64_t GetInt(std::string_view name) const;
  bool GetBool(std::string_view name) const;
  double GetReal(std::string_view name) const;
  std::string GetString(std::string_view name) const;

  // Full description of one setting (SHOW / pg_settings); nullopt if unknown.
  std::optional<SettingInfo> Describe(std::string_view name) const;

  // Every setting in registry order (sorted by name), then custom placeholders.
  std::vector<SettingInfo> All() const;

  // (name, value) for every GUC_REPORT setting, for ParameterStatus at startup.
  std::vector<std::pair<std::string, std::string>> ReportedValues() const;

  // Reported settings whose shown value differs from what ReportedValues() or
  // the previous TakeReportChanges() returned. Send each as ParameterStatus
  // before ReadyForQuery, as PostgreSQL's ReportChangedGUCOptions does.
  std::vector<std::pair<std::string, std::string>> TakeReportChanges();

  // Transaction scoping (PostgreSQL's GUC nest levels). Level 0 = no transaction.
  // PushNestLevel at BEGIN (or implicit transaction start) and each SAVEPOINT;
  // returns the new level. PopNestLevel(level, commit) ends that level and any
  // deeper ones: commit=false undoes every SET/RESET made at >= level; commit=true
  // keeps them, except SET LOCAL values are dropped when level 1 ends.
  int PushNestLevel();
  void PopNestLevel(int level, bool commit);
  int NestLevel() const { return nest_level_; }

 private:
  struct Value {
    std::string text;  // canonical SHOW text
    int64_t i = 0;     // bool (0/1) and int (base unit)
    double r = 0;      // real (base unit)
  };
  // PostgreSQL's GucStackState: what a transaction level did to a setting.
  enum class StackState { kSet, kLocal, kSetLocal };
  struct StackEntry {
    int nest_level = 0;
    StackState state = StackState::kSet;
    Value prior;  // value on entry to this level
    SettingSource prior_source = SettingSource::kDefault;
    Value masked;  // kSetLocal: the SET value hidden by a later SET LOCAL
  };
  struct Slot {
    const SettingDef* def = nullptr;  // nullptr for a custom placeholder
    std::string custom_name;          // custom placeholders only
    Value value;
    SettingSource source = SettingSource::kDefault;
    Value reset;
    SettingSource reset_source = SettingSource::kDefault;
    std::vector<StackEntry> stack;  // innermost last
    mutable std::string last_reported;
  };

  static const std::vector<Slot>& DefaultSlots();
  Slot* FindSlot(std::string_view name);
  const Slot* FindSlot(std::string_view name) const;
  const Slot& SlotOrThrow(std::string_view name) const;
  SetResult CheckContext(const Slot& slot, std::string_view name, SettingSource source) const;
  void Assign(Slot& slot, const Value& v, SettingSource source, SetScope scope);
  void SetCurrent(Slot& slot, const Value& v, SettingSource source);
  void PopOneLevel(int level, bool commit);
  SettingInfo Info(const Slot& slot) const;

  std::vector<Slot> slots_;  // AllSettingDefs() order, then custom placeholders
  int nest_level_ = 0;
  bool report_dirty_ = false;
};

// Reads a postgresql.conf-syntax file and applies each entry with
// SettingSource::kConfigFile. Stops at the first error, whose message names the
// file and line (PostgreSQL's wording). `include` directives are refused with an error.
SetResult LoadConfigFile(const std::filesystem::path& file, Settings& settings);

// Same, for text already in memory; `file_name` is used in error messages.
SetResult ApplyConfigText(std::string_view text, std::string_view file_name, Settings& settings);

// One `name = value` line of a config file (value unquoted, escapes resolved).
struct ConfigEntry {
  std::string name;
  std::string value;
  int line = 0;
};

// Parses postgresql.conf syntax without applying it. On a syntax error returns
// kInvalidValue with `syntax error in file "X" line N, near token "Y"`.
SetResult ParseConfigText(std::string_view text, std::string_view file_name, std::vector<ConfigEntry>& out);

// Applies BASALT_<NAME>=value environment variables (name matched
// case-insensitively, e.g. BASALT_PORT, BASALT_MAX_CONNECTIONS, BASALT_DATESTYLE)
// with SettingSource::kEnvironment. BASALT_* variables that name no setting are
// ignored (BASALT_SOURCE_DIR, ...). Returns the first invalid value's error.
SetResult ApplyEnvironment(Settings& settings);

// Same, from an explicit list of (variable, value) pairs (for tests).
SetResult ApplyEnvironment(Settings& settings, const std::vector<std::pair<std::string, std::string>>& vars);

// The machine's time zone name: /etc/timezone, else the zoneinfo target of
// /etc/localtime, else "Etc/UTC". Settings() uses it as the default TimeZone and
// log_timezone, as PostgreSQL's initdb writes the system zone into its config.
std::string SystemTimeZone();

}  // namespace basalt::conf
