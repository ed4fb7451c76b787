#include "server/cli/progress_meter.hpp"

#include <unistd.h>

#include <cstdio>

namespace basalt::server::cli {

std::string HumanBytes(double bytes) {
  const char* units[] = {"B", "kB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1024 && u < 4) {
    bytes /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return buf;
}

ProgressMeter::ProgressMeter(std::string what)
    : what_(std::move(what)), enabled_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

void ProgressMeter::Update(uint64_t done, uint64_t total) {
  done_ = done;
  total_ = total;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(false);
}

void ProgressMeter::Finish() {
  if (!enabled_) return;
  Draw(true);
  std::fputc('\n', stderr);
}

void ProgressMeter::Draw(bool final) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = secs > 0 ? static_cast<double>(done_) / secs : 0;
  int pct = total_ == 0 ? 100 : static_cast<int>(100.0 * static_cast<double>(done_) / static_cast<double>(total_));
  std::string eta = "--";
  if (final) {
    eta = "done in " + std::to_string(static_cast<int>(secs + 0.5)) + "s";
  } else if (rate > 0 && total_ >= done_) {
    eta = "ETA " + std::to_string(static_cast<int>(static_cast<double>(total_ - done_) / rate + 0.5)) + "s";
  }
  std::fprintf(stderr, "\r%s: %3d%% %s / %s, %s/s, %s\033[K", what_.c_str(), pct,
               HumanBytes(static_cast<double>(done_)).c_str(), HumanBytes(static_cast<double>(total_)).c_str(),
               HumanBytes(rate).c_str(), eta.c_str());
  std::fflush(stderr);
}

}  // namespace basalt::server::cli
