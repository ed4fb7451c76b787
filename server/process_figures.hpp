// server/process_figures.hpp
//
// This process's resource figures, read from /proc/self (Linux), for the
// basalt_process_* metrics: prometheus-cpp has no process collector, so this
// mirrors what the standard client libraries' process_* metrics report.
#pragma once

#include <cstdint>

namespace basalt::server {

struct ProcessFigures {
  bool ok = false;               // false: /proc could not be read (all zero)
  double cpu_seconds = 0;        // user + system CPU time
  double start_time_seconds = 0; // Unix time the process started
  uint64_t resident_bytes = 0;
  uint64_t virtual_bytes = 0;
  uint64_t open_fds = 0;
  uint64_t max_fds = 0;          // RLIMIT_NOFILE soft limit
  uint64_t threads = 0;
};

ProcessFigures ReadProcessFigures();

}  // namespace basalt::server
