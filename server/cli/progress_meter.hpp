// server/cli/progress_meter.hpp
//
// A one-line progress display on stderr for long CLI operations: percent,
// bytes done/total, rate and ETA, redrawn at most 10 times a second, only
// when stderr is a terminal (scripts and logs get no control characters).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace basalt::server::cli {

class ProgressMeter {
 public:
  explicit ProgressMeter(std::string what);
  void Update(uint64_t done, uint64_t total);
  // Draws the final state and ends the line.
  void Finish();

 private:
  void Draw(bool final);

  std::string what_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  uint64_t done_ = 0;
  uint64_t total_ = 0;
};

// "12.3 MB" style sizes.
std::string HumanBytes(double bytes);

}  // namespace basalt::server::cli
