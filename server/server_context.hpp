// server/server_context.hpp
//
// What every connection of one running server shares: the engine, the
// server-level settings (read-only while serving; each session copies them),
// the hba rules, the blocking pool, the cancel registry and the connection
// count. Owned by Server; sessions hold a reference for their whole life,
// which Server guarantees by waiting for every session before it is destroyed.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "auth/hba.hpp"
#include "conf/settings.hpp"
#include "engine/engine.hpp"
#include "server/blocking_pool.hpp"
#include "server/cancel_registry.hpp"
#include "server/server_metrics.hpp"

namespace basalt::server {

// A connection's identity in logs; also the process id announced in BackendKeyData.
struct ConnectionId {
  int32_t value = 0;
  bool operator==(const ConnectionId&) const = default;
};

struct ServerOptions {
  std::string listen_addresses = "localhost";
  uint16_t port = 5432;  // 0 picks a free port (tests)
  int max_connections = 100;
  size_t io_threads = 0;            // 0: max(2, hardware_concurrency)
  size_t max_blocking_threads = 0;  // 0: max_connections + 8
  std::chrono::milliseconds blocking_idle_timeout{10000};

  // port, listen_addresses and max_connections from the server settings.
  static ServerOptions FromSettings(const conf::Settings& settings);
};

struct ServerContext {
  engine::Engine& engine;
  const conf::Settings& settings;
  const auth::HbaRules& hba;
  const ServerOptions& options;
  BlockingPool& pool;
  CancelRegistry& cancels;
  std::atomic<int> connections{0};  // open client sockets, cancel connections included
  ServerMetrics* metrics = nullptr;  // never null while serving (Server provides one)
};

}  // namespace basalt::server
