// auth/hba.hpp
//
// Host-based authentication rules: hba.conf in PostgreSQL's pg_hba.conf syntax.
//
//   # TYPE  DATABASE        USER            ADDRESS                 METHOD  [OPTIONS]
//   local   all             all                                     trust
//   host    sales,"My DB"   +managers,alice 10.0.0.0/8              scram-sha-256
//   hostssl all             all             192.168.1.0 255.255.255.0  cert clientcert=verify-full
//
// Connection types: local, host, hostssl, hostnossl (hostgssenc never matches,
// hostnogssenc behaves like host: Basalt has no GSSAPI encryption). Database
// field: all, sameuser, samerole, replication (never matches a normal
// connection), names, comma lists; quoting ("all") turns a keyword into a name.
// User field: all, +group (role membership), names, comma lists. Address: all,
// CIDR (IPv4/IPv6), or address plus mask column. An IPv4 rule also matches an
// IPv4-mapped IPv6 client address, as in PostgreSQL. Rules are tried in file
// order; the first whose type, database, user and address match decides the
// method (no fall-through on authentication failure).
//
// Unsupported pieces are load errors, never silent: host names, samehost,
// samenet, @file inclusion, and methods other than trust, reject, password,
// md5, scram-sha-256, cert. Errors are std::runtime_error whose message ends
// with `in file "F" line N`.
#pragma once

#include <functional>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

namespace basalt::auth {

enum class ConnType { kLocal, kHost, kHostSsl, kHostNoSsl, kHostGssEnc, kHostNoGssEnc };

enum class AuthMethod { kTrust, kReject, kPassword, kMd5, kScramSha256, kCert };

// The hba.conf spelling of `method` ("scram-sha-256", ...).
std::string_view AuthMethodName(AuthMethod method);

// Parses an hba.conf method name (case-sensitive, as PostgreSQL); nullopt if unknown/unsupported.
std::optional<AuthMethod> ParseAuthMethod(std::string_view name);

// One word of a database or user list. `quoted` keeps "all" from meaning all.
struct HbaToken {
  std::string text;
  bool quoted = false;
  bool IsKeyword(std::string_view keyword) const { return !quoted && text == keyword; }
};

struct HbaRule {
  int line = 0;                      // line number in the file (1-based)
  ConnType conn_type = ConnType::kHost;
  std::vector<HbaToken> databases;
  std::vector<HbaToken> users;       // "+name" (unquoted) means members of role name
  bool any_address = true;           // "all" or a local rule
  boost::asio::ip::address address;  // network address (already masked)
  std::vector<unsigned char> mask;   // netmask bytes, same length as address bytes
  AuthMethod method = AuthMethod::kTrust;
  std::map<std::string, std::string> options;  // name=value after the method
};

class HbaRules {
 public:
  HbaRules() = default;

  // Reads and parses `file`. Throws std::runtime_error naming the file and line on errors
  // (including a missing file).
  static HbaRules Load(const std::filesystem::path& file);

  // Parses hba.conf text. Throws std::runtime_error naming `file_name_for_errors` and the line.
  static HbaRules Parse(std::string_view text, std::string_view file_name_for_errors);

  // The method of the first rule matching a TCP connection; nullopt if none does
  // (PostgreSQL: 28000 no pg_hba.conf entry for host ...). `is_member(role, group)`
  // answers whether `role` is a (direct or indirect) member of `group`.
  std::optional<AuthMethod> Match(bool is_ssl, std::string_view database, std::string_view user,
                                  const boost::asio::ip::address& addr,
                                  const std::function<bool(std::string_view role, std::string_view group)>& is_member) const;

  // The method of the first rule matching a Unix-socket connection; nullopt if none.
  std::optional<AuthMethod> MatchLocal(std::string_view database, std::string_view user,
                                       const std::function<bool(std::string_view role, std::string_view group)>& is_member) const;

  // The first matching rule itself (for logging its line); addr == nullopt means a Unix socket.
  const HbaRule* MatchRule(bool is_ssl, std::string_view database, std::string_view user,
                           const std::optional<boost::asio::ip::address>& addr,
                           const std::function<bool(std::string_view role, std::string_view group)>& is_member) const;

  const std::vector<HbaRule>& rules() const { return rules_; }

 private:
  std::vector<HbaRule> rules_;
};

}  // namespace basalt::auth
