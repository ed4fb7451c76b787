// server/metrics_http.hpp
//
// The HTTP side port (metrics_port, metrics_listen_addresses): a minimal
// HTTP/1.1 server for Prometheus and container orchestration.
//   GET /metrics  200, Prometheus text format 0.0.4 (ServerMetrics::Exposition)
//   GET /health   200 while the process runs (liveness)
//   GET /ready    200 while the server accepts queries, else 503 (readiness:
//                 503 during startup, recovery and shutdown)
// HEAD works like GET without a body; other paths get 404, other methods 405.
// Each response closes its connection (Connection: close), which Prometheus
// and HTTP probes handle; requests larger than 16 KiB or slower than 10 s are
// dropped.
//
// Why not prometheus-cpp's pull Exposer: it serves only collectables, and
// /ready must answer 503; this server reuses prometheus-cpp's TextSerializer
// for the exposition itself.
//
// It runs its own io_context on one thread, independent of the client
// listener, so /health answers before the data directory is open and while
// the server drains at shutdown.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "server/server_metrics.hpp"

namespace basalt::server {

class MetricsHttpServer {
 public:
  MetricsHttpServer(ServerMetrics& metrics, std::string listen_addresses, uint16_t port);
  ~MetricsHttpServer();  // Stop()

  MetricsHttpServer(const MetricsHttpServer&) = delete;
  MetricsHttpServer& operator=(const MetricsHttpServer&) = delete;

  // Binds every address and starts the thread. Throws std::runtime_error if
  // no address could be bound.
  void Start();
  // Closes the listeners and joins the thread. Idempotent.
  void Stop();

  const std::vector<boost::asio::ip::tcp::endpoint>& endpoints() const { return endpoints_; }

 private:
  void Accept(boost::asio::ip::tcp::acceptor& acceptor);

  ServerMetrics& metrics_;
  std::string listen_addresses_;
  uint16_t port_;
  boost::asio::io_context io_;
  std::vector<std::unique_ptr<boost::asio::ip::tcp::acceptor>> acceptors_;
  std::vector<boost::asio::ip::tcp::endpoint> endpoints_;
  std::thread thread_;
};

// The HTTP response (status line, headers, body) for one request head
// ("GET /metrics HTTP/1.1\r\n..."). `exposition` is called only for /metrics.
std::string MetricsHttpResponse(std::string_view request_head, bool ready,
                                const std::function<std::string()>& exposition);

}  // namespace basalt::server
