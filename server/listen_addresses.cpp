// server/listen_addresses.cpp
#include "server/listen_addresses.hpp"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <stdexcept>

namespace basalt::server {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<tcp::endpoint> ResolveListenAddresses(std::string_view listen_addresses, uint16_t port) {
  std::vector<tcp::endpoint> out;
  auto add = [&](const asio::ip::address& a) {
    tcp::endpoint ep(a, port);
    if (std::find(out.begin(), out.end(), ep) == out.end()) out.push_back(ep);
  };
  size_t start = 0;
  while (start <= listen_addresses.size()) {
    size_t comma = listen_addresses.find(',', start);
    if (comma == std::string_view::npos) comma = listen_addresses.size();
    std::string_view item = Trim(listen_addresses.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;
    if (item == "*") {
      add(asio::ip::address_v4::any());
      add(asio::ip::address_v6::any());
      continue;
    }
    if (item == "localhost") {
      add(asio::ip::address_v4::loopback());
      add(asio::ip::address_v6::loopback());
      continue;
    }
    boost::system::error_code ec;
    asio::ip::address literal = asio::ip::make_address(std::string(item), ec);
    if (!ec) {
      add(literal);
      continue;
    }
    asio::io_context io;
    tcp::resolver resolver(io);
    auto results = resolver.resolve(std::string(item), std::to_string(port), ec);
    if (ec || results.empty()) {
      throw std::runtime_error("could not translate host name \"" + std::string(item) + "\": " + ec.message());
    }
    for (const auto& r : results) add(r.endpoint().address());
  }
  return out;
}

}  // namespace basalt::server
