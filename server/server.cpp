// server/server.cpp
#include "server/server.hpp"

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "server/listen_addresses.hpp"
#include "server/server_log.hpp"
#include "server/session.hpp"

namespace basalt::server {

namespace asio = boost::asio;
using asio::ip::tcp;

ServerOptions ServerOptions::FromSettings(const conf::Settings& settings) {
  ServerOptions o;
  o.listen_addresses = settings.GetString("listen_addresses");
  o.port = static_cast<uint16_t>(settings.GetInt("port"));
  o.max_connections = static_cast<int>(settings.GetInt("max_connections"));
  return o;
}

namespace {

size_t IoThreads(const ServerOptions& o) {
  if (o.io_threads > 0) return o.io_threads;
  return std::max<size_t>(2, std::thread::hardware_concurrency());
}

size_t BlockingThreads(const ServerOptions& o) {
  if (o.max_blocking_threads > 0) return o.max_blocking_threads;
  return static_cast<size_t>(std::max(o.max_connections, 1)) + 8;
}

}  // namespace

Server::Server(engine::Engine& engine, conf::Settings settings, auth::HbaRules hba, ServerOptions options)
    : settings_(std::move(settings)),
      hba_(std::move(hba)),
      options_(std::move(options)),
      pool_(BlockingThreads(options_), options_.blocking_idle_timeout),
      context_{engine, settings_, hba_, options_, pool_, cancels_} {
  context_.metrics = &own_metrics_;
}

Server::~Server() {
  Stop();
  Wait();
}

void Server::Start() {
  for (const tcp::endpoint& ep : ResolveListenAddresses(options_.listen_addresses, options_.port)) {
    // Each acceptor lives on its own strand so Stop() can close it safely.
    auto acceptor = std::make_unique<tcp::acceptor>(asio::make_strand(io_));
    boost::system::error_code ec;
    acceptor->open(ep.protocol(), ec);
    if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec && ep.address().is_v6()) acceptor->set_option(asio::ip::v6_only(true), ec);
    if (!ec) acceptor->bind(ep, ec);
    if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      Log()->warn("could not bind {} address \"{}\": {}", ep.address().is_v6() ? "IPv6" : "IPv4",
                  ep.address().to_string(), ec.message());
      continue;
    }
    tcp::endpoint bound = acceptor->local_endpoint(ec);
    endpoints_.push_back(bound);
    Log()->info("listening on {} address \"{}\", port {}", bound.address().is_v6() ? "IPv6" : "IPv4",
                bound.address().to_string(), bound.port());
    acceptors_.push_back(std::move(acceptor));
  }
  if (acceptors_.empty()) throw std::runtime_error("could not create any TCP/IP sockets");
  for (auto& a : acceptors_) StartAccepting(*a);
  size_t n = IoThreads(options_);
  for (size_t i = 0; i < n; ++i) {
    threads_.emplace_back([this] {
      // Handlers are noexcept by design; this loop only guards against a bug
      // taking the whole server down.
      while (true) {
        try {
          io_.run();
          break;
        } catch (const std::exception& e) {
          Log()->error("uncaught exception in I/O thread: {}", e.what());
        }
      }
    });
  }
}

void Server::StartAccepting(tcp::acceptor& acceptor) {
  asio::co_spawn(
      acceptor.get_executor(),
      [this, &acceptor]() -> asio::awaitable<void> {
        while (true) {
          boost::system::error_code ec;
          tcp::socket socket = co_await acceptor.async_accept(asio::any_io_executor(asio::make_strand(io_)),
                                                              asio::redirect_error(asio::use_awaitable, ec));
          if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
            Log()->warn("could not accept new connection: {}", ec.message());
            // Typically EMFILE: back off instead of spinning.
            asio::steady_timer timer(acceptor.get_executor(), std::chrono::milliseconds(100));
            co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
          }
          std::shared_ptr<Session> session;
          {
            std::lock_guard lock(mu_);
            if (stopping_) co_return;  // the socket closes on scope exit
            int32_t id = next_id_++;
            if (next_id_ <= 0) next_id_ = 1;  // stays a positive "process id"
            session = std::make_shared<Session>(context_, std::move(socket), ConnectionId{id});
            sessions_[id] = session;
          }
          int32_t id = session->id().value;
          session->SetOnExit([this, id] {
            std::lock_guard lock(mu_);
            sessions_.erase(id);
          });
          asio::co_spawn(
              session->executor(), [session]() -> asio::awaitable<void> { co_await session->Run(); },
              asio::detached);
        }
      },
      asio::detached);
}

void Server::Stop() {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    for (auto& [id, weak] : sessions_) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& a : acceptors_) {
    tcp::acceptor* acceptor = a.get();
    asio::post(acceptor->get_executor(), [acceptor] {
      boost::system::error_code ec;
      acceptor->close(ec);
    });
  }
  for (auto& s : live) s->Shutdown();
  cancels_.CancelAll();
}

void Server::Wait() {
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

}  // namespace basalt::server
