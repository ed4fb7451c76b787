// server/process_figures.cpp
//
// Field numbers of /proc/self/stat per proc(5): 14 utime, 15 stime (clock
// ticks), 20 num_threads, 22 starttime (ticks after boot), 23 vsize (bytes),
// 24 rss (pages). The command name (field 2) may contain spaces and
// parentheses, so parsing starts after its last ')'.
#include "server/process_figures.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace basalt::server {
namespace {

double BootTimeSeconds() {
  std::ifstream in("/proc/stat");
  std::string key;
  while (in >> key) {
    if (key == "btime") {
      double v = 0;
      in >> v;
      return v;
    }
    std::string rest;
    std::getline(in, rest);
  }
  return 0;
}

}  // namespace

ProcessFigures ReadProcessFigures() {
  ProcessFigures f;
  std::ifstream in("/proc/self/stat");
  std::string line;
  if (!std::getline(in, line)) return f;
  size_t close = line.rfind(')');
  if (close == std::string::npos) return f;
  std::istringstream fields(line.substr(close + 2));
  std::vector<std::string> v;  // v[0] is field 3 (state)
  std::string token;
  while (fields >> token) v.push_back(token);
  if (v.size() < 22) return f;
  auto field = [&](int n) { return std::stod(v[static_cast<size_t>(n - 3)]); };
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  f.cpu_seconds = (field(14) + field(15)) / ticks;
  f.threads = static_cast<uint64_t>(field(20));
  f.start_time_seconds = BootTimeSeconds() + field(22) / ticks;
  f.virtual_bytes = static_cast<uint64_t>(field(23));
  f.resident_bytes = static_cast<uint64_t>(field(24) * page);
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    ++f.open_fds;
  }
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0) f.max_fds = static_cast<uint64_t>(lim.rlim_cur);
  f.ok = true;
  return f;
}

}  // namespace basalt::server
