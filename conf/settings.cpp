// conf/settings.cpp
//
// The transactional parts follow PostgreSQL 15 guc.c: push_old_value (one stack
// entry per setting and nest level, states SET / LOCAL / SET_LOCAL) and
// AtEOXact_GUC (restore on abort; at top-level commit drop LOCAL values, restore
// the SET value a SET LOCAL masked; at subtransaction commit merge into the
// parent level). Config sources ("makeDefault" in guc.c) are not transactional:
// they update the reset value and the stacked prior values instead.
#include "conf/settings.hpp"

#include <cctype>
#include <stdexcept>
#include <strings.h>

#include "conf/setting_value.hpp"

namespace basalt::conf {
namespace {

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool CaseEq(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// valid_custom_variable_name: two or more identifiers separated by dots.
bool IsValidCustomName(std::string_view name) {
  bool saw_dot = false;
  bool start = true;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '.') {
      if (start) return false;
      saw_dot = true;
      start = true;
      continue;
    }
    if (std::isalpha(u) || c == '_' || u >= 0x80) {
      start = false;
    } else if ((std::isdigit(u) || c == '$') && !start) {
      // digits and $ may not start an identifier
    } else {
      return false;
    }
  }
  return saw_dot && !start;
}

SetResult Failure(SetResult::Status status, std::string message) {
  SetResult r;
  r.status = status;
  r.message = std::move(message);
  return r;
}

// "Default-making" sources (guc.c's makeDefault): everything below an interactive SET.
bool IsConfigSource(SettingSource source) { return source != SettingSource::kSession; }

}  // namespace

std::string_view SettingSourceName(SettingSource source) {
  switch (source) {
    case SettingSource::kDefault: return "default";
    case SettingSource::kConfigFile: return "configuration file";
    case SettingSource::kEnvironment: return "environment variable";
    case SettingSource::kCommandLine: return "command line";
    case SettingSource::kClient: return "client";
    case SettingSource::kOverride: return "override";
    case SettingSource::kSession: return "session";
  }
  return "default";
}

const std::vector<Settings::Slot>& Settings::DefaultSlots() {
  static const std::vector<Slot> slots = [] {
    std::vector<Slot> out;
    const std::string system_zone = SystemTimeZone();
    for (const SettingDef& def : AllSettingDefs()) {
      Slot slot;
      slot.def = &def;
      std::string_view boot = def.boot_value;
      if (def.name == "TimeZone" || def.name == "log_timezone") boot = system_zone;
      SettingValue v;
      SetResult r = ParseSettingValue(def, def.name, boot, ParseContext{"ISO, MDY", "ISO, MDY"}, v);
      if (!r.ok()) {
        // Only a broken registry entry (or an unusable system zone) gets here.
        if (boot == system_zone) r = ParseSettingValue(def, def.name, def.boot_value, {}, v);
        if (!r.ok()) throw std::logic_error("bad boot value for setting " + std::string(def.name) + ": " + r.message);
      }
      slot.value = Value{v.text, v.i, v.r};
      slot.reset = slot.value;
      slot.last_reported = slot.value.text;
      out.push_back(std::move(slot));
    }
    return out;
  }();
  return slots;
}

Settings::Settings() : slots_(DefaultSlots()) {}

Settings::Slot* Settings::FindSlot(std::string_view name) {
  return const_cast<Slot*>(static_cast<const Settings*>(this)->FindSlot(name));
}

const Settings::Slot* Settings::FindSlot(std::string_view name) const {
  if (const SettingDef* def = FindSettingDef(name)) return &slots_[SettingIndex(*def)];
  for (std::size_t i = AllSettingDefs().size(); i < slots_.size(); ++i) {
    if (CaseEq(slots_[i].custom_name, name)) return &slots_[i];
  }
  return nullptr;
}

const Settings::Slot& Settings::SlotOrThrow(std::string_view name) const {
  const Slot* slot = FindSlot(name);
  if (slot == nullptr) throw std::invalid_argument("unknown setting " + std::string(name));
  return *slot;
}

SetResult Settings::CheckContext(const Slot& slot, std::string_view name, SettingSource source) const {
  if (slot.def == nullptr || source == SettingSource::kDefault) return {};
  const bool from_session = source == SettingSource::kSession;
  const bool from_connection = from_session || source == SettingSource::kClient;
  switch (slot.def->context) {
    case SettingContext::kInternal:
      if (source != SettingSource::kOverride) {
        return Failure(SetResult::Status::kCannotChange, "parameter " + Quoted(name) + " cannot be changed");
      }
      break;
    case SettingContext::kPostmaster:
      if (from_connection) {
        return Failure(SetResult::Status::kCannotChange,
                       "parameter " + Quoted(name) + " cannot be changed without restarting the server");
      }
      break;
    case SettingContext::kSighup:
      if (from_connection) {
        return Failure(SetResult::Status::kCannotChange, "parameter " + Quoted(name) + " cannot be changed now");
      }
      break;
    case SettingContext::kSuperuserBackend:
    case SettingContext::kBackend:
      if (from_session) {
        return Failure(SetResult::Status::kCannotChange,
                       "parameter " + Quoted(name) + " cannot be set after connection start");
      }
      if (source == SettingSource::kClient && slot.def->context == SettingContext::kSuperuserBackend &&
          !GetBool("is_superuser")) {
        return Failure(SetResult::Status::kPermissionDenied, "permission denied to set parameter " + Quoted(name));
      }
      break;
    case SettingContext::kSuperuser:
      if (from_connection && !GetBool("is_superuser")) {
        return Failure(SetResult::Status::kPermissionDenied, "permission denied to set parameter " + Quoted(name));
      }
      break;
    case SettingContext::kUser:
      break;
  }
  return {};
}

void Settings::SetCurrent(Slot& slot, const Value& v, SettingSource source) {
  if (slot.def != nullptr && slot.def->report && slot.value.text != v.text) report_dirty_ = true;
  slot.value = v;
  slot.source = source;
}

// push_old_value + the assignment for a session-level SET / SET LOCAL / RESET.
void Settings::Assign(Slot& slot, const Value& v, SettingSource source, SetScope scope) {
  if (nest_level_ > 0) {
    if (!slot.stack.empty() && slot.stack.back().nest_level >= nest_level_) {
      StackEntry& top = slot.stack.back();
      if (scope == SetScope::kSession) {
        top.state = StackState::kSet;  // SET overrides any earlier action at this level
        top.masked = Value{};
      } else if (top.state == StackState::kSet) {
        top.masked = slot.value;  // SET then SET LOCAL: commit restores SET's value
        top.state = StackState::kSetLocal;
      }
    } else {
      StackEntry entry;
      entry.nest_level = nest_level_;
      entry.state = scope == SetScope::kSession ? StackState::kSet : StackState::kLocal;
      entry.prior = slot.value;
      entry.prior_source = slot.source;
      slot.stack.push_back(std::move(entry));
    }
  }
  SetCurrent(slot, v, source);
}

SetResult Settings::Set(std::string_view name, std::string_view value, SettingSource source, SetScope scope) {
  Slot* slot = FindSlot(name);
  if (slot == nullptr) {
    if (!IsValidCustomName(name)) {
      return Failure(SetResult::Status::kUnknownName, "unrecognized configuration parameter " + Quoted(name));
    }
    // A dotted name becomes a placeholder string variable, as in PostgreSQL; it
    // survives a rollback with an empty value.
    Slot custom;
    custom.custom_name = std::string(name);
    slots_.push_back(std::move(custom));
    slot = &slots_.back();
  }
  if (SetResult r = CheckContext(*slot, name, source); !r.ok()) return r;

  Value v;
  if (slot->def != nullptr) {
    SettingValue parsed;
    SetResult r = ParseSettingValue(*slot->def, name, value, ParseContext{slot->value.text, slot->reset.text}, parsed);
    if (!r.ok()) return r;
    v = Value{std::move(parsed.text), parsed.i, parsed.r};
  } else {
    v.text = std::string(value);
  }

  if (!IsConfigSource(source)) {
    // Outside any transaction a SET LOCAL would end with its (implicit)
    // transaction at once, so PostgreSQL leaves the value unchanged.
    if (scope == SetScope::kLocal && nest_level_ == 0) return {};
    Assign(*slot, v, source, scope);
    return {};
  }
  // Config sources set the reset value too, non-transactionally, and never
  // override a value that came from a higher-priority source.
  if (source >= slot->reset_source) {
    slot->reset = v;
    slot->reset_source = source;
  }
  for (StackEntry& entry : slot->stack) {
    if (entry.prior_source <= source) {
      entry.prior = v;
      entry.prior_source = source;
    }
  }
  if (source >= slot->source) SetCurrent(*slot, v, source);
  return {};
}

SetResult Settings::Reset(std::string_view name) {
  Slot* slot = FindSlot(name);
  if (slot == nullptr) {
    return Failure(SetResult::Status::kUnknownName, "unrecognized configuration parameter " + Quoted(name));
  }
  if (SetResult r = CheckContext(*slot, name, SettingSource::kSession); !r.ok()) return r;
  const Value reset = slot->reset;
  Assign(*slot, reset, slot->reset_source, SetScope::kSession);
  return {};
}

void Settings::ResetAll() {
  for (Slot& slot : slots_) {
    if (slot.def != nullptr) {
      if (slot.def->no_reset_all) continue;
      if (slot.def->context != SettingContext::kUser && slot.def->context != SettingContext::kSuperuser) continue;
    }
    if (slot.source != SettingSource::kSession) continue;  // never SET: nothing to undo
    const Value reset = slot.reset;
    Assign(slot, reset, slot.reset_source, SetScope::kSession);
  }
}

std::optional<std::string> Settings::Get(std::string_view name) const {
  const Slot* slot = FindSlot(name);
  if (slot == nullptr) return std::nullopt;
  return slot->value.text;
}

int64_t Settings::GetInt(std::string_view name) const {
  const Slot& slot = SlotOrThrow(name);
  if (slot.def == nullptr || (slot.def->type != SettingType::kInt && slot.def->type != SettingType::kBool)) {
    throw std::invalid_argument("setting " + std::string(name) + " is not an integer");
  }
  return slot.value.i;
}

bool Settings::GetBool(std::string_view name) const {
  const Slot& slot = SlotOrThrow(name);
  if (slot.def == nullptr || slot.def->type != SettingType::kBool) {
    throw std::invalid_argument("setting " + std::string(name) + " is not a boolean");
  }
  return slot.value.i != 0;
}

double Settings::GetReal(std::string_view name) const {
  const Slot& slot = SlotOrThrow(name);
  if (slot.def == nullptr || (slot.def->type != SettingType::kReal && slot.def->type != SettingType::kInt)) {
    throw std::invalid_argument("setting " + std::string(name) + " is not numeric");
  }
  return slot.def->type == SettingType::kInt ? static_cast<double>(slot.value.i) : slot.value.r;
}

std::string Settings::GetString(std::string_view name) const { return SlotOrThrow(name).value.text; }

SettingInfo Settings::Info(const Slot& slot) const {
  SettingInfo info;
  info.def = slot.def;
  info.name = slot.def != nullptr ? std::string(slot.def->name) : slot.custom_name;
  info.display = slot.value.text;
  info.source = slot.source;
  if (slot.def != nullptr) {
    info.setting = BaseUnitText(*slot.def, SettingValue{slot.value.text, slot.value.i, slot.value.r});
    info.reset_value = BaseUnitText(*slot.def, SettingValue{slot.reset.text, slot.reset.i, slot.reset.r});
    info.boot_value = std::string(slot.def->boot_value);
  } else {
    info.setting = slot.value.text;
    info.reset_value = slot.reset.text;
  }
  return info;
}

std::optional<SettingInfo> Settings::Describe(std::string_view name) const {
  const Slot* slot = FindSlot(name);
  if (slot == nullptr) return std::nullopt;
  return Info(*slot);
}

std::vector<SettingInfo> Settings::All() const {
  std::vector<SettingInfo> out;
  out.reserve(slots_.size());
  for (const Slot& slot : slots_) {
    if (slot.def != nullptr && slot.def->no_show_all) continue;
    out.push_back(Info(slot));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Settings::ReportedValues() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Slot& slot : slots_) {
    if (slot.def == nullptr || !slot.def->report) continue;
    slot.last_reported = slot.value.text;
    out.emplace_back(std::string(slot.def->name), slot.value.text);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Settings::TakeReportChanges() {
  std::vector<std::pair<std::string, std::string>> out;
  if (!report_dirty_) return out;
  report_dirty_ = false;
  for (Slot& slot : slots_) {
    if (slot.def == nullptr || !slot.def->report || slot.last_reported == slot.value.text) continue;
    slot.last_reported = slot.value.text;
    out.emplace_back(std::string(slot.def->name), slot.value.text);
  }
  return out;
}

int Settings::PushNestLevel() { return ++nest_level_; }

void Settings::PopNestLevel(int level, bool commit) {
  if (level < 1) return;
  while (nest_level_ >= level) PopOneLevel(nest_level_--, commit);
}

// AtEOXact_GUC for exactly one level.
void Settings::PopOneLevel(int level, bool commit) {
  for (Slot& slot : slots_) {
    if (slot.stack.empty() || slot.stack.back().nest_level < level) continue;
    StackEntry entry = std::move(slot.stack.back());
    slot.stack.pop_back();
    if (!commit) {
      SetCurrent(slot, entry.prior, entry.prior_source);
      continue;
    }
    if (level == 1) {
      if (entry.state == StackState::kSetLocal) {
        SetCurrent(slot, entry.masked, SettingSource::kSession);
      } else if (entry.state == StackState::kLocal) {
        SetCurrent(slot, entry.prior, entry.prior_source);
      }
      continue;  // kSet: the current value stays
    }
    // Subtransaction commit: the parent level inherits what this level did.
    if (slot.stack.empty() || slot.stack.back().nest_level < level - 1) {
      entry.nest_level = level - 1;
      slot.stack.push_back(std::move(entry));
      continue;
    }
    StackEntry& parent = slot.stack.back();
    switch (entry.state) {
      case StackState::kSet:
        parent.state = StackState::kSet;
        parent.masked = Value{};
        break;
      case StackState::kLocal:
        if (parent.state == StackState::kSet) {
          parent.masked = entry.prior;  // the parent's SET value, hidden by this level's SET LOCAL
          parent.state = StackState::kSetLocal;
        }
        break;
      case StackState::kSetLocal:
        parent.masked = entry.masked;
        parent.state = StackState::kSetLocal;
        break;
    }
  }
}

}  // namespace basalt::conf
