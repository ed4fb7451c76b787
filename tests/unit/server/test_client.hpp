// tests/unit/server/test_client.hpp
//
// A blocking wire-level client for server tests, built on protocol/'s
// FrontendEncoder and BackendDecoder. Reads time out after 10 s so a broken
// server fails the test instead of hanging it.
#pragma once

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "protocol/backend_decoder.hpp"
#include "protocol/frontend_encoder.hpp"

namespace basalt::test {

namespace asio = boost::asio;
namespace pb = protocol::backend;

class TestClient {
 public:
  explicit TestClient(uint16_t port) : socket_(io_) {
    socket_.connect(asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), port));
    timeval tv{10, 0};
    setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  }

  void Send(const protocol::FrontendMessage& m) {
    std::string bytes;
    protocol::EncodeFrontend(m, bytes);
    SendRaw(bytes);
  }
  void SendRaw(std::string_view bytes) { asio::write(socket_, asio::buffer(bytes.data(), bytes.size())); }

  // Next message; throws on EOF or timeout.
  pb::Message Receive() {
    while (true) {
      if (auto m = decoder_.Next()) return *m;
      Fill();
    }
  }

  char ReceiveByte() {
    while (true) {
      if (auto b = decoder_.NextByte()) return *b;
      Fill();
    }
  }

  // Messages up to and including ReadyForQuery (or a FATAL ErrorResponse).
  std::vector<pb::Message> ReceiveUntilReady() {
    std::vector<pb::Message> out;
    while (true) {
      out.push_back(Receive());
      if (std::holds_alternative<pb::ReadyForQuery>(out.back())) return out;
      if (auto* e = std::get_if<pb::ErrorResponse>(&out.back()); e && e->fields.severity == "FATAL") return out;
    }
  }

  std::vector<pb::Message> Query(const std::string& sql) {
    Send(protocol::Query{sql});
    return ReceiveUntilReady();
  }

  std::vector<pb::Message> Startup(std::vector<std::pair<std::string, std::string>> params) {
    Send(protocol::StartupMessage{protocol::kProtocolVersion3, std::move(params)});
    return ReceiveUntilReady();
  }

  // True once the server has closed the connection (EOF), after draining messages.
  bool ServerClosed() {
    try {
      while (true) {
        while (decoder_.Next()) {
        }
        Fill();
      }
    } catch (const std::exception&) {
      return eof_;
    }
  }

 private:
  void Fill() {
    char buf[65536];
    boost::system::error_code ec;
    size_t n = socket_.read_some(asio::buffer(buf), ec);
    if (ec == asio::error::eof || ec == asio::error::connection_reset) {
      eof_ = true;
      throw std::runtime_error("connection closed by server");
    }
    if (ec) throw std::runtime_error("read failed: " + ec.message());
    decoder_.Feed(std::string_view(buf, n));
  }

  asio::io_context io_;
  asio::ip::tcp::socket socket_;
  protocol::BackendDecoder decoder_;
  bool eof_ = false;
};

template <class T>
const T* Find(const std::vector<pb::Message>& msgs) {
  for (const auto& m : msgs) {
    if (auto* p = std::get_if<T>(&m)) return p;
  }
  return nullptr;
}

template <class T>
size_t Count(const std::vector<pb::Message>& msgs) {
  size_t n = 0;
  for (const auto& m : msgs) n += std::holds_alternative<T>(m) ? 1 : 0;
  return n;
}

}  // namespace basalt::test
