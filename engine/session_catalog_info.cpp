// What pg_catalog asks of the session: pg_settings rows from the session's
// settings (the same registry SHOW and current_setting read).
#include <fmt/format.h>

#include "engine/sql/exec/executor.hpp"  // sql::Row, used by session.hpp
#include "engine/session.hpp"

namespace basalt::engine {
namespace {

std::string FormatBound(double v, conf::SettingType type) {
  if (type == conf::SettingType::kInt) return fmt::format("{}", static_cast<int64_t>(v));
  return fmt::format("{}", v);
}

}  // namespace

std::vector<sql::SettingRow> Session::ListSettings() const {
  std::vector<sql::SettingRow> out;
  for (const conf::SettingInfo& info : settings_.All()) {
    sql::SettingRow row;
    row.name = info.name;
    row.setting = info.setting;
    row.boot_val = info.boot_value;
    row.reset_val = info.reset_value;
    row.source = std::string(conf::SettingSourceName(info.source));
    if (const conf::SettingDef* def = info.def) {
      if (def->no_show_all) continue;
      row.category = std::string(def->category);
      row.short_desc = std::string(def->short_desc);
      row.context = std::string(conf::SettingContextName(def->context));
      row.vartype = std::string(conf::SettingTypeName(def->type));
      if (!def->unit.empty()) row.unit = std::string(def->unit);
      if (def->type == conf::SettingType::kInt || def->type == conf::SettingType::kReal) {
        row.min_val = FormatBound(def->min_value, def->type);
        row.max_val = FormatBound(def->max_value, def->type);
      }
      for (std::string_view v : def->enum_values) row.enumvals.emplace_back(v);
    } else {
      row.category = "Customized Options";
      row.context = "user";
      row.vartype = "string";
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace basalt::engine
