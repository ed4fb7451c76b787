// Storage parameters (WITH (fillfactor = 100) ...). They tune PostgreSQL's
// heap and have no effect on Basalt's storage, but are validated and kept so
// pg_class.reloptions shows them (pgbench -i sends fillfactor).
#include <fmt/format.h>

#include <cstdlib>

#include "engine/sql/exec/ddl_serial.hpp"

namespace basalt::engine::sql {
namespace {

struct IntOption {
  const char* name;
  int64_t min;
  int64_t max;
};

constexpr IntOption kIntOptions[] = {
    {"fillfactor", 10, 100},
    {"toast_tuple_target", 128, 8160},
    {"parallel_workers", 0, 1024},
    {"autovacuum_vacuum_threshold", 0, INT32_MAX},
    {"autovacuum_vacuum_insert_threshold", -1, INT32_MAX},
    {"autovacuum_analyze_threshold", 0, INT32_MAX},
    {"autovacuum_vacuum_cost_limit", 1, 10000},
    {"autovacuum_freeze_min_age", 0, 1000000000},
    {"autovacuum_freeze_max_age", 100000, 2000000000},
    {"autovacuum_freeze_table_age", 0, 2000000000},
    {"log_autovacuum_min_duration", -1, INT32_MAX},
};

constexpr const char* kOtherOptions[] = {
    "autovacuum_enabled", "autovacuum_vacuum_scale_factor", "autovacuum_vacuum_insert_scale_factor",
    "autovacuum_analyze_scale_factor", "autovacuum_vacuum_cost_delay", "user_catalog_table",
    "vacuum_index_cleanup", "vacuum_truncate",
};

}  // namespace

std::vector<std::string> CheckRelOptions(const std::vector<std::string>& options) {
  for (const std::string& o : options) {
    size_t eq = o.find('=');
    std::string name = o.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : o.substr(eq + 1);
    std::string base = name.rfind("toast.", 0) == 0 ? name.substr(6) : name;
    bool known = false;
    for (const IntOption& io : kIntOptions) {
      if (base != io.name) continue;
      known = true;
      char* end = nullptr;
      long long v = std::strtoll(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0') {
        throw DbError(SqlState::kInvalidParameterValue,
                      fmt::format("invalid value for integer option \"{}\": {}", base, value));
      }
      if (v < io.min || v > io.max) {
        throw DbError(SqlState::kInvalidParameterValue,
                      fmt::format("value {} out of bounds for option \"{}\"", value, base))
            .WithDetail(fmt::format("Valid values are between \"{}\" and \"{}\".", io.min, io.max));
      }
    }
    for (const char* other : kOtherOptions) known = known || base == other;
    if (!known) throw DbError(SqlState::kInvalidParameterValue, fmt::format("unrecognized parameter \"{}\"", name));
  }
  return options;
}

}  // namespace basalt::engine::sql
