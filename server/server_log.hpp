// server/server_log.hpp
//
// The server layer's spdlog logger ("server"), logging to stderr. One line per
// connection event and per error; never a secret.
#pragma once

#include <memory>

#include <spdlog/logger.h>

namespace basalt::server {

// The shared "server" logger (created on first use).
const std::shared_ptr<spdlog::logger>& Log();

}  // namespace basalt::server
