// server/startup_options.cpp
//
// Mirrors PostgreSQL's pg_split_opts + process_postgres_switches (only -c and
// --name=value; the other backend switches are rejected).
#include "server/startup_options.hpp"

#include <stdexcept>

namespace basalt::server {
namespace {

std::vector<std::string> SplitOptions(std::string_view s) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) break;
    std::string word;
    while (i < s.size() && !isspace(static_cast<unsigned char>(s[i]))) {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      word.push_back(s[i++]);
    }
    words.push_back(std::move(word));
  }
  return words;
}

std::pair<std::string, std::string> SplitAssignment(const std::string& text, const std::string& original) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw std::invalid_argument("invalid command-line argument for server process: " + original);
  }
  std::string name = text.substr(0, eq);
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return {name, text.substr(eq + 1)};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ParseStartupOptions(std::string_view options) {
  std::vector<std::string> words = SplitOptions(options);
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "-c") {
      if (i + 1 >= words.size()) throw std::invalid_argument("invalid command-line argument for server process: -c");
      out.push_back(SplitAssignment(words[i + 1], words[i + 1]));
      ++i;
    } else if (w.rfind("-c", 0) == 0 && w.size() > 2 && w[2] != '-') {
      out.push_back(SplitAssignment(w.substr(2), w));
    } else if (w.rfind("--", 0) == 0 && w.size() > 2) {
      out.push_back(SplitAssignment(w.substr(2), w));
    } else {
      throw std::invalid_argument("invalid command-line argument for server process: " + w);
    }
  }
  return out;
}

}  // namespace basalt::server
