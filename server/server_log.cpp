// server/server_log.cpp
#include "server/server_log.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace basalt::server {

const std::shared_ptr<spdlog::logger>& Log() {
  static const std::shared_ptr<spdlog::logger> logger = [] {
    auto existing = spdlog::get("server");
    return existing ? existing : spdlog::stderr_color_mt("server");
  }();
  return logger;
}

}  // namespace basalt::server
