// server/metrics_http.cpp
#include "server/metrics_http.hpp"

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <spdlog/spdlog.h>

#include <functional>
#include <stdexcept>

#include "server/listen_addresses.hpp"
#include "server/server_log.hpp"

namespace basalt::server {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

constexpr size_t kMaxRequestHead = 16 * 1024;
constexpr auto kRequestTimeout = std::chrono::seconds(10);

std::string Response(int status, std::string_view reason, std::string_view content_type, const std::string& body,
                     bool head_only) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\n";
  out += "Content-Type: " + std::string(content_type) + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  out += "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
  if (!head_only) out += body;
  return out;
}

asio::awaitable<void> Serve(tcp::socket socket, ServerMetrics& metrics) {
  asio::steady_timer deadline(socket.get_executor(), kRequestTimeout);
  deadline.async_wait([&socket](boost::system::error_code ec) {
    if (!ec) {
      boost::system::error_code ignored;
      socket.close(ignored);
    }
  });
  asio::streambuf buffer(kMaxRequestHead);
  boost::system::error_code ec;
  co_await asio::async_read_until(socket, buffer, "\r\n\r\n", asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    deadline.cancel();
    co_return;
  }
  std::string head(asio::buffers_begin(buffer.data()), asio::buffers_end(buffer.data()));
  std::string response = MetricsHttpResponse(head, metrics.ready(), [&metrics] { return metrics.Exposition(); });
  co_await asio::async_write(socket, asio::buffer(response), asio::redirect_error(asio::use_awaitable, ec));
  deadline.cancel();
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
}

}  // namespace

std::string MetricsHttpResponse(std::string_view request_head, bool ready,
                                const std::function<std::string()>& exposition) {
  size_t line_end = request_head.find("\r\n");
  std::string_view line = request_head.substr(0, line_end);
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? std::string_view::npos : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return Response(400, "Bad Request", "text/plain", "bad request\n", false);
  std::string_view method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  target = target.substr(0, target.find('?'));
  bool head_only = method == "HEAD";
  if (method != "GET" && !head_only) {
    return Response(405, "Method Not Allowed", "text/plain", "method not allowed\n", false);
  }
  if (target == "/metrics") {
    std::string body;
    try {
      body = exposition();
    } catch (const std::exception& e) {
      Log()->error("metrics: could not collect metrics: {}", e.what());
      return Response(500, "Internal Server Error", "text/plain", "could not collect metrics\n", head_only);
    }
    return Response(200, "OK", "text/plain; version=0.0.4; charset=utf-8", body, head_only);
  }
  if (target == "/health") return Response(200, "OK", "text/plain", "ok\n", head_only);
  if (target == "/ready") {
    if (ready) return Response(200, "OK", "text/plain", "ready\n", head_only);
    return Response(503, "Service Unavailable", "text/plain", "not ready\n", head_only);
  }
  return Response(404, "Not Found", "text/plain", "not found; try /metrics, /health or /ready\n", head_only);
}

MetricsHttpServer::MetricsHttpServer(ServerMetrics& metrics, std::string listen_addresses, uint16_t port)
    : metrics_(metrics), listen_addresses_(std::move(listen_addresses)), port_(port) {}

MetricsHttpServer::~MetricsHttpServer() { Stop(); }

void MetricsHttpServer::Start() {
  for (const tcp::endpoint& ep : ResolveListenAddresses(listen_addresses_, port_)) {
    auto acceptor = std::make_unique<tcp::acceptor>(io_);
    boost::system::error_code ec;
    acceptor->open(ep.protocol(), ec);
    if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec && ep.address().is_v6()) acceptor->set_option(asio::ip::v6_only(true), ec);
    if (!ec) acceptor->bind(ep, ec);
    if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      Log()->warn("metrics: could not bind address \"{}\", port {}: {}", ep.address().to_string(), ep.port(),
                  ec.message());
      continue;
    }
    tcp::endpoint bound = acceptor->local_endpoint(ec);
    endpoints_.push_back(bound);
    Log()->info("metrics endpoint listening on http://{}:{}/metrics",
                bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string(),
                bound.port());
    acceptors_.push_back(std::move(acceptor));
  }
  if (acceptors_.empty()) throw std::runtime_error("could not bind any address for the metrics endpoint");
  for (auto& a : acceptors_) Accept(*a);
  thread_ = std::thread([this] {
    while (true) {
      try {
        io_.run();
        break;
      } catch (const std::exception& e) {
        Log()->error("metrics: uncaught exception: {}", e.what());
      }
    }
  });
}

void MetricsHttpServer::Accept(tcp::acceptor& acceptor) {
  asio::co_spawn(
      io_,
      [this, &acceptor]() -> asio::awaitable<void> {
        while (true) {
          boost::system::error_code ec;
          tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
          if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
            asio::steady_timer backoff(io_, std::chrono::milliseconds(100));
            co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
          }
          asio::co_spawn(io_, Serve(std::move(socket), metrics_), asio::detached);
        }
      },
      asio::detached);
}

void MetricsHttpServer::Stop() {
  if (!thread_.joinable()) return;
  // Closing the acceptors ends the accept loops; stop() ends requests in flight.
  asio::post(io_, [this] {
    for (auto& a : acceptors_) {
      boost::system::error_code ec;
      a->close(ec);
    }
    io_.stop();
  });
  thread_.join();
}

}  // namespace basalt::server
