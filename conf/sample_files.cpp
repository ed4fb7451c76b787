// conf/sample_files.cpp
//
// basalt.conf is generated from the registry so it can never list a setting
// that does not exist or a default that differs from the built-in one.
#include "conf/sample_files.hpp"

#include <algorithm>
#include <map>

#include "conf/setting_registry.hpp"
#include "conf/settings.hpp"

namespace basalt::conf {
namespace {

// Sections in the order postgresql.conf uses; Basalt's own settings last.
constexpr std::string_view kSectionOrder[] = {
    "File Locations", "Connections and Authentication", "Resource Usage", "Write-Ahead Log", "Query Tuning",
    "Reporting and Logging", "Statistics", "Client Connection Defaults", "Lock Management",
    "Version and Platform Compatibility", "Basalt"};

int SectionRank(std::string_view category) {
  for (std::size_t i = 0; i < std::size(kSectionOrder); ++i) {
    if (category.starts_with(kSectionOrder[i])) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kSectionOrder));
}

// The value as a config-file token: strings and enums quoted, '' doubling quotes.
std::string Literal(const SettingDef& def, std::string_view value) {
  if (def.type != SettingType::kString && def.type != SettingType::kEnum) return std::string(value);
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += c;  // '' for a quote, \\ for a backslash
    out += c;
  }
  return out + "'";
}

std::string Pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  else s += ' ';
  return s;
}

}  // namespace

std::string SampleConfigFile(const std::vector<std::pair<std::string, std::string>>& active) {
  const Settings defaults;
  std::map<std::string, std::string> on;  // canonical name -> value written uncommented
  for (const char* name : {"listen_addresses", "port", "max_connections", "block_cache_size", "metrics_port",
                           "log_timezone", "DateStyle", "TimeZone", "lc_messages", "lc_monetary", "lc_numeric",
                           "lc_time", "default_text_search_config"}) {
    on[name] = *defaults.Get(name);
  }
  on["DateStyle"] = "iso, mdy";  // what initdb writes
  for (const auto& [name, value] : active) {
    if (const SettingDef* def = FindSettingDef(name)) on[std::string(def->name)] = value;
  }

  std::vector<const SettingDef*> defs;
  for (const SettingDef& def : AllSettingDefs()) {
    if (def.context == SettingContext::kInternal || def.no_show_all || def.no_reset_all) continue;
    if (def.category == "Developer Options" || def.name == "config_file") continue;
    defs.push_back(&def);
  }
  std::stable_sort(defs.begin(), defs.end(), [](const SettingDef* a, const SettingDef* b) {
    const int ra = SectionRank(a->category);
    const int rb = SectionRank(b->category);
    if (ra != rb) return ra < rb;
    return a->category < b->category;
  });

  std::string out =
      "# -----------------------------\n"
      "# Basalt configuration file\n"
      "# -----------------------------\n"
      "#\n"
      "# This file consists of lines of the form:\n"
      "#\n"
      "#   name = value\n"
      "#\n"
      "# (The \"=\" is optional.)  Whitespace may be used.  Comments are introduced with\n"
      "# \"#\" anywhere on a line.  The complete list of parameter names and allowed\n"
      "# values can be found in the pg_settings view (SHOW ALL).\n"
      "#\n"
      "# The commented-out settings shown in this file represent the default values.\n"
      "# Re-commenting a setting is NOT sufficient to revert it to the default value;\n"
      "# you need to restart the server.\n"
      "#\n"
      "# Every setting can also be given on the basaltd command line or as an\n"
      "# environment variable BASALT_<NAME> (e.g. BASALT_PORT=5433); the command line\n"
      "# wins over the environment, which wins over this file.\n"
      "#\n"
      "# Memory units:  B  = bytes            Time units:  us  = microseconds\n"
      "#                kB = kilobytes                     ms  = milliseconds\n"
      "#                MB = megabytes                     s   = seconds\n"
      "#                GB = gigabytes                     min = minutes\n"
      "#                TB = terabytes                     h   = hours\n"
      "#                                                   d   = days\n";
  std::string_view section;
  for (const SettingDef* def : defs) {
    if (def->category != section) {
      section = def->category;
      out += "\n\n#------------------------------------------------------------------------------\n# ";
      for (char c : section) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out += "\n#------------------------------------------------------------------------------\n\n";
    }
    const auto it = on.find(std::string(def->name));
    std::string line;
    if (it != on.end()) {
      line = std::string(def->name) + " = " + Literal(*def, it->second);
    } else {
      std::string value = *defaults.Get(def->name);
      if (def->name == "data_directory" || def->name == "hba_file") value = "";
      line = "#" + std::string(def->name) + " = " + Literal(*def, value);
    }
    std::string comment = "# " + std::string(def->short_desc);
    if (def->context == SettingContext::kPostmaster) comment += " (change requires restart)";
    if (def->name == "hba_file") comment = "# host-based authentication file ('' = hba.conf in the data directory)";
    if (def->name == "data_directory") comment = "# use data in another directory (change requires restart)";
    out += Pad(line, 40) + comment + "\n";
  }
  return out;
}

std::string SampleHbaFile(std::string_view method) {
  const std::string m(method);
  return "# Basalt Client Authentication Configuration File\n"
         "# ================================================\n"
         "#\n"
         "# This file has the syntax of PostgreSQL's pg_hba.conf. Each record specifies\n"
         "# a connection type, a database name, a user name, a client IP address range\n"
         "# (for host records) and the authentication method:\n"
         "#\n"
         "# local         DATABASE  USER  METHOD  [OPTIONS]\n"
         "# host          DATABASE  USER  ADDRESS  METHOD  [OPTIONS]\n"
         "# hostssl       DATABASE  USER  ADDRESS  METHOD  [OPTIONS]\n"
         "# hostnossl     DATABASE  USER  ADDRESS  METHOD  [OPTIONS]\n"
         "#\n"
         "# DATABASE can be \"all\", \"sameuser\", \"samerole\", a database name, or a\n"
         "# comma-separated list thereof. USER can be \"all\", a user name, a group name\n"
         "# prefixed with \"+\", or a comma-separated list thereof. ADDRESS is \"all\", an\n"
         "# address range in CIDR notation (192.168.0.0/16, ::1/128), or an address\n"
         "# followed by a separate netmask column. Host names, \"samehost\", \"samenet\" and\n"
         "# @file inclusion are not supported.\n"
         "#\n"
         "# METHOD can be \"trust\", \"reject\", \"md5\", \"password\", \"scram-sha-256\" or\n"
         "# \"cert\" (hostssl only). \"password\" sends passwords in clear text; \"md5\" and\n"
         "# \"scram-sha-256\" are preferred since they send encrypted passwords.\n"
         "#\n"
         "# Records are tried in order; the first one matching the connection type,\n"
         "# client address, database and user decides the method. There is no\n"
         "# \"fall-through\": if authentication fails, later records are not considered.\n"
         "#\n"
         "# This file is read on server start.\n"
         "\n"
         "\n"
         "# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
         "\n"
         "# \"local\" is for Unix domain socket connections only\n"
         "local   all             all                                     " + m + "\n"
         "# IPv4 local connections:\n"
         "host    all             all             127.0.0.1/32            " + m + "\n"
         "# IPv6 local connections:\n"
         "host    all             all             ::1/128                 " + m + "\n";
}

}  // namespace basalt::conf
