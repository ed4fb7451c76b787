// server/server.hpp
//
// Server is basaltd's network side: it binds every listen address, accepts
// connections and runs one Session coroutine per connection on its own strand
// of an io_context served by a small thread pool. Statement execution runs on
// a BlockingPool, never on the I/O threads.
//
// Lifecycle: construct, Start() (binds, throws std::runtime_error if no address
// could be bound), then Stop() from any thread (e.g. the signal handler thread)
// and Wait(), which returns once every connection has ended. The Engine must
// outlive the Server.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "auth/hba.hpp"
#include "conf/settings.hpp"
#include "engine/engine.hpp"
#include "server/blocking_pool.hpp"
#include "server/cancel_registry.hpp"
#include "server/server_context.hpp"

namespace basalt::server {

class Session;

class Server {
 public:
  Server(engine::Engine& engine, conf::Settings settings, auth::HbaRules hba, ServerOptions options);
  ~Server();  // Stop() + Wait()

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listen addresses and starts the I/O threads.
  void Start();

  // The bound endpoints (with the actual port when options.port was 0).
  const std::vector<boost::asio::ip::tcp::endpoint>& endpoints() const { return endpoints_; }

  // Stops accepting and ends every session (FATAL 57P01 to idle clients,
  // cancel for running statements). Any thread; idempotent.
  void Stop();

  // Joins the I/O threads; returns after Stop() once all sessions have ended.
  void Wait();

  // Counts into `metrics` instead of the server's own (call before Start()).
  void SetMetrics(ServerMetrics& metrics) { context_.metrics = &metrics; }

  // Number of open client connections.
  int connection_count() const { return context_.connections.load(); }

 private:
  void StartAccepting(boost::asio::ip::tcp::acceptor& acceptor);

  const conf::Settings settings_;
  const auth::HbaRules hba_;
  const ServerOptions options_;
  BlockingPool pool_;
  CancelRegistry cancels_;
  ServerMetrics own_metrics_;  // used unless SetMetrics() names another
  ServerContext context_;
  boost::asio::io_context io_;

  std::vector<std::unique_ptr<boost::asio::ip::tcp::acceptor>> acceptors_;
  std::vector<boost::asio::ip::tcp::endpoint> endpoints_;
  std::vector<std::thread> threads_;

  std::mutex mu_;
  bool stopping_ = false;
  int32_t next_id_ = 1;
  std::unordered_map<int32_t, std::weak_ptr<Session>> sessions_;
};

}  // namespace basalt::server
