// server/listen_addresses.hpp
//
// Turns the listen_addresses setting (PostgreSQL syntax: a comma-separated
// list of host names or IP addresses; '*' = all IPv4 and IPv6 interfaces;
// 'localhost' = the loopback addresses; empty = no TCP listener) into the
// endpoints to bind. Host names other than localhost are resolved.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace basalt::server {

// The endpoints to bind for `listen_addresses` at `port`, without duplicates.
// Throws std::runtime_error for a name that does not resolve.
std::vector<boost::asio::ip::tcp::endpoint> ResolveListenAddresses(std::string_view listen_addresses, uint16_t port);

}  // namespace basalt::server
