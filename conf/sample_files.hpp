// conf/sample_files.hpp
//
// The basalt.conf and hba.conf that `basalt init` writes into a new data
// directory, in the style of the postgresql.conf and pg_hba.conf initdb writes.
// basalt.conf lists every setting an operator may change, grouped by category,
// commented out at its default, with a few lines active (listen_addresses,
// port, ... and the values in `active`). Both files parse cleanly with
// LoadConfigFile / auth::HbaRules (the unit tests check the round trip).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basalt::conf {

// basalt.conf text. `active` lists (name, value) pairs written uncommented, in
// addition to the defaults initdb also writes (listen_addresses, port,
// max_connections, block_cache_size, metrics_port, DateStyle, TimeZone,
// log_timezone, lc_*, default_text_search_config); a name given in `active`
// replaces the default line. Values are the text SET would take.
std::string SampleConfigFile(const std::vector<std::pair<std::string, std::string>>& active = {});

// hba.conf text allowing `method` for local, IPv4 and IPv6 loopback connections,
// like initdb's pg_hba.conf.
std::string SampleHbaFile(std::string_view method);

}  // namespace basalt::conf
