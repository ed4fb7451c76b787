// server/startup_options.hpp
//
// The `options` startup parameter carries command-line style switches for the
// session, as in PostgreSQL: `-c name=value`, `-cname=value` or
// `--name=value`, separated by whitespace, with backslash escaping the next
// character (libpq's PGOPTIONS="-c search_path=a\,b"). Dashes in a long option
// name become underscores.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basalt::server {

// (name, value) pairs in order. Throws std::invalid_argument naming the first
// switch that is not -c/-- name=value.
std::vector<std::pair<std::string, std::string>> ParseStartupOptions(std::string_view options);

}  // namespace basalt::server
