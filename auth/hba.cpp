// auth/hba.cpp
//
// Tokenising and matching follow PostgreSQL 15's libpq/hba.c: next_token
// (blank-separated tokens, commas join a field's list, double quotes protect
// keywords, commas and blanks, "" is a literal quote, # starts a comment, a
// trailing backslash continues the line), parse_hba_line (same error texts),
// and check_hba (first matching line wins; check_db, check_role, check_ip).
#include "auth/hba.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace basalt::auth {
namespace {

using boost::asio::ip::address;

// One whitespace-separated field of a line: one or more comma-joined tokens.
using Field = std::vector<HbaToken>;

struct Line {
  int number = 0;
  std::vector<Field> fields;
};

[[noreturn]] void Fail(std::string message, std::string_view file, int line) {
  throw std::runtime_error(message + " in file \"" + std::string(file) + "\" line " + std::to_string(line));
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// next_token: reads one token from `s` at `p`. Returns false if there was none.
bool NextToken(std::string_view s, std::size_t& p, HbaToken& tok, bool& terminating_comma) {
  tok = HbaToken{};
  terminating_comma = false;
  while (p < s.size() && IsBlank(s[p])) ++p;
  bool in_quote = false;
  bool was_quote = false;
  bool saw_quote = false;
  while (p < s.size() && (!IsBlank(s[p]) || in_quote)) {
    const char c = s[p++];
    if (c == '#' && !in_quote) {
      p = s.size();
      break;
    }
    if (c == ',' && !in_quote) {
      terminating_comma = true;
      break;
    }
    if (c != '"' || was_quote) tok.text += c;
    // A literal double quote inside quotes is written twice.
    was_quote = in_quote && c == '"' ? !was_quote : false;
    if (c == '"') {
      in_quote = !in_quote;
      saw_quote = true;
    }
  }
  tok.quoted = saw_quote;
  return saw_quote || !tok.text.empty();
}

std::vector<Line> Tokenize(std::string_view text, std::string_view file) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  int number = 0;
  while (pos < text.size()) {
    // Gather one logical line, joining backslash-continued physical lines.
    std::string buf;
    const int first = number + 1;
    for (;;) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view phys = text.substr(pos, nl - pos);
      pos = nl + 1;
      ++number;
      if (!phys.empty() && phys.back() == '\r') phys.remove_suffix(1);
      if (!phys.empty() && phys.back() == '\\' && pos < text.size()) {
        phys.remove_suffix(1);
        buf += phys;
        buf += ' ';
        continue;
      }
      buf += phys;
      break;
    }
    Line line;
    line.number = first;
    std::size_t p = 0;
    while (p < buf.size()) {
      Field field;
      HbaToken tok;
      bool comma = false;
      do {
        if (!NextToken(buf, p, tok, comma)) break;
        if (!tok.quoted && tok.text.size() > 1 && tok.text[0] == '@') {
          Fail("authentication file inclusion (\"" + tok.text + "\") is not supported by Basalt", file, first);
        }
        field.push_back(std::move(tok));
      } while (comma);
      if (!field.empty()) line.fields.push_back(std::move(field));
    }
    if (!line.fields.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<unsigned char> Bytes(const address& a) {
  if (a.is_v4()) {
    const auto b = a.to_v4().to_bytes();
    return {b.begin(), b.end()};
  }
  const auto b = a.to_v6().to_bytes();
  return {b.begin(), b.end()};
}

address FromBytes(const std::vector<unsigned char>& b) {
  if (b.size() == 4) {
    boost::asio::ip::address_v4::bytes_type v4;
    std::copy(b.begin(), b.end(), v4.begin());
    return boost::asio::ip::address_v4(v4);
  }
  boost::asio::ip::address_v6::bytes_type v6;
  std::copy(b.begin(), b.end(), v6.begin());
  return boost::asio::ip::address_v6(v6);
}

std::vector<unsigned char> PrefixMask(std::size_t bytes, int bits) {
  std::vector<unsigned char> mask(bytes, 0);
  for (std::size_t i = 0; i < bytes && bits > 0; ++i, bits -= 8) {
    mask[i] = bits >= 8 ? 0xff : static_cast<unsigned char>(0xff << (8 - bits));
  }
  return mask;
}

const std::string& Single(const Line& line, std::size_t index, std::string_view missing, std::string_view multiple,
                          std::string_view file) {
  if (index >= line.fields.size()) Fail(std::string(missing), file, line.number);
  if (line.fields[index].size() > 1) Fail(std::string(multiple), file, line.number);
  return line.fields[index][0].text;
}

void ParseAddress(const Line& line, std::size_t& field, HbaRule& rule, std::string_view file) {
  const std::string& text = Single(line, field, "end-of-line before IP address specification",
                                   "multiple values specified for host address", file);
  ++field;
  if (line.fields[field - 1][0].IsKeyword("all")) return;
  if (line.fields[field - 1][0].IsKeyword("samehost") || line.fields[field - 1][0].IsKeyword("samenet")) {
    Fail("\"" + text + "\" addresses are not supported by Basalt; use an IP address range", file, line.number);
  }
  const auto slash = text.find('/');
  const std::string host = text.substr(0, slash);
  boost::system::error_code ec;
  const address addr = boost::asio::ip::make_address(host, ec);
  if (ec) {
    if (slash != std::string::npos) Fail("invalid IP address \"" + host + "\": " + ec.message(), file, line.number);
    Fail("host names in hba.conf (\"" + text + "\") are not supported by Basalt; use an IP address range", file,
         line.number);
  }
  const std::size_t len = addr.is_v4() ? 4 : 16;
  std::vector<unsigned char> mask;
  if (slash != std::string::npos) {
    const std::string bits = text.substr(slash + 1);
    const int max_bits = static_cast<int>(len * 8);
    int n = -1;
    if (!bits.empty() && bits.size() <= 3 && std::all_of(bits.begin(), bits.end(), ::isdigit)) n = std::stoi(bits);
    if (n < 0 || n > max_bits) Fail("invalid CIDR mask in address \"" + text + "\"", file, line.number);
    mask = PrefixMask(len, n);
  } else {
    const std::string& mask_text =
        Single(line, field, "end-of-line before netmask specification", "multiple values specified for netmask", file);
    ++field;
    const address m = boost::asio::ip::make_address(mask_text, ec);
    if (ec) Fail("invalid IP mask \"" + mask_text + "\": " + ec.message(), file, line.number);
    if (m.is_v4() != addr.is_v4()) Fail("IP address and mask do not match", file, line.number);
    mask = Bytes(m);
  }
  std::vector<unsigned char> net = Bytes(addr);
  for (std::size_t i = 0; i < net.size(); ++i) net[i] &= mask[i];
  rule.any_address = false;
  rule.address = FromBytes(net);
  rule.mask = std::move(mask);
}

HbaRule ParseLine(const Line& line, std::string_view file) {
  HbaRule rule;
  rule.line = line.number;
  const std::string& type =
      Single(line, 0, "end-of-line before connection type", "multiple values specified for connection type", file);
  if (type == "local") {
    rule.conn_type = ConnType::kLocal;
  } else if (type == "host") {
    rule.conn_type = ConnType::kHost;
  } else if (type == "hostssl") {
    rule.conn_type = ConnType::kHostSsl;
  } else if (type == "hostnossl") {
    rule.conn_type = ConnType::kHostNoSsl;
  } else if (type == "hostgssenc") {
    rule.conn_type = ConnType::kHostGssEnc;
  } else if (type == "hostnogssenc") {
    rule.conn_type = ConnType::kHostNoGssEnc;
  } else {
    Fail("invalid connection type \"" + type + "\"", file, line.number);
  }
  if (line.fields.size() < 2) Fail("end-of-line before database specification", file, line.number);
  rule.databases = line.fields[1];
  if (line.fields.size() < 3) Fail("end-of-line before role specification", file, line.number);
  rule.users = line.fields[2];
  std::size_t field = 3;
  if (rule.conn_type != ConnType::kLocal) ParseAddress(line, field, rule, file);

  const std::string& method = Single(line, field, "end-of-line before authentication method",
                                     "multiple values specified for authentication type", file);
  ++field;
  const auto parsed = ParseAuthMethod(method);
  if (!parsed) {
    static constexpr std::string_view kKnownElsewhere[] = {"ident", "peer", "gss", "sspi", "pam", "bsd", "ldap", "radius"};
    for (std::string_view m : kKnownElsewhere) {
      if (method == m) Fail("invalid authentication method \"" + method + "\": not supported by this build", file, line.number);
    }
    Fail("invalid authentication method \"" + method + "\"", file, line.number);
  }
  rule.method = *parsed;
  if (rule.method == AuthMethod::kCert && rule.conn_type != ConnType::kHostSsl) {
    Fail("cert authentication is only supported on hostssl connections", file, line.number);
  }
  for (; field < line.fields.size(); ++field) {
    for (const HbaToken& opt : line.fields[field]) {
      const auto eq = opt.text.find('=');
      if (eq == std::string::npos) Fail("authentication option not in name=value format: " + opt.text, file, line.number);
      const std::string name = opt.text.substr(0, eq);
      static constexpr std::string_view kOptions[] = {"clientcert", "clientname", "map", "include_realm", "krb_realm"};
      if (std::find(std::begin(kOptions), std::end(kOptions), name) == std::end(kOptions)) {
        Fail("unrecognized authentication option name: \"" + name + "\"", file, line.number);
      }
      rule.options[name] = opt.text.substr(eq + 1);
    }
  }
  return rule;
}

bool MatchDatabase(const HbaRule& rule, std::string_view database, std::string_view user,
                   const std::function<bool(std::string_view, std::string_view)>& is_member) {
  for (const HbaToken& tok : rule.databases) {
    if (tok.IsKeyword("all")) return true;
    if (tok.IsKeyword("sameuser")) {
      if (database == user) return true;
    } else if (tok.IsKeyword("samerole") || tok.IsKeyword("samegroup")) {
      if (is_member && is_member(user, database)) return true;
    } else if (tok.IsKeyword("replication")) {
      continue;  // only physical replication connections, which Basalt does not accept
    } else if (tok.text == database) {
      return true;
    }
  }
  return false;
}

bool MatchUser(const HbaRule& rule, std::string_view user,
               const std::function<bool(std::string_view, std::string_view)>& is_member) {
  for (const HbaToken& tok : rule.users) {
    if (!tok.quoted && !tok.text.empty() && tok.text[0] == '+') {
      if (is_member && is_member(user, std::string_view(tok.text).substr(1))) return true;
    } else if (tok.IsKeyword("all") || tok.text == user) {
      return true;
    }
  }
  return false;
}

bool MatchAddress(const HbaRule& rule, const address& client) {
  if (rule.any_address) return true;
  address a = client;
  // An IPv4 rule also covers IPv4 clients seen through an IPv6 socket (::ffff:a.b.c.d).
  if (rule.address.is_v4() && a.is_v6() && a.to_v6().is_v4_mapped()) {
    a = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
  }
  if (a.is_v4() != rule.address.is_v4()) return false;
  const auto bytes = Bytes(a);
  const auto net = Bytes(rule.address);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if ((bytes[i] & rule.mask[i]) != net[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view AuthMethodName(AuthMethod method) {
  switch (method) {
    case AuthMethod::kTrust: return "trust";
    case AuthMethod::kReject: return "reject";
    case AuthMethod::kPassword: return "password";
    case AuthMethod::kMd5: return "md5";
    case AuthMethod::kScramSha256: return "scram-sha-256";
    case AuthMethod::kCert: return "cert";
  }
  return "reject";
}

std::optional<AuthMethod> ParseAuthMethod(std::string_view name) {
  for (AuthMethod m : {AuthMethod::kTrust, AuthMethod::kReject, AuthMethod::kPassword, AuthMethod::kMd5,
                       AuthMethod::kScramSha256, AuthMethod::kCert}) {
    if (AuthMethodName(m) == name) return m;
  }
  return std::nullopt;
}

HbaRules HbaRules::Parse(std::string_view text, std::string_view file_name_for_errors) {
  HbaRules rules;
  for (const Line& line : Tokenize(text, file_name_for_errors)) {
    rules.rules_.push_back(ParseLine(line, file_name_for_errors));
  }
  return rules;
}

HbaRules HbaRules::Load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw std::runtime_error("could not open configuration file \"" + file.string() +
                             "\": " + std::error_code(errno, std::generic_category()).message());
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return Parse(buf.str(), file.string());
}

const HbaRule* HbaRules::MatchRule(bool is_ssl, std::string_view database, std::string_view user,
                                   const std::optional<address>& addr,
                                   const std::function<bool(std::string_view, std::string_view)>& is_member) const {
  for (const HbaRule& rule : rules_) {
    if (rule.conn_type == ConnType::kLocal) {
      if (addr) continue;
    } else {
      if (!addr) continue;
      if (rule.conn_type == ConnType::kHostSsl && !is_ssl) continue;
      if (rule.conn_type == ConnType::kHostNoSsl && is_ssl) continue;
      if (rule.conn_type == ConnType::kHostGssEnc) continue;  // no GSSAPI encryption in Basalt
      if (!MatchAddress(rule, *addr)) continue;
    }
    if (!MatchDatabase(rule, database, user, is_member)) continue;
    if (!MatchUser(rule, user, is_member)) continue;
    return &rule;
  }
  return nullptr;
}

std::optional<AuthMethod> HbaRules::Match(bool is_ssl, std::string_view database, std::string_view user,
                                          const address& addr,
                                          const std::function<bool(std::string_view, std::string_view)>& is_member) const {
  const HbaRule* rule = MatchRule(is_ssl, database, user, addr, is_member);
  if (rule == nullptr) return std::nullopt;
  return rule->method;
}

std::optional<AuthMethod> HbaRules::MatchLocal(std::string_view database, std::string_view user,
                                               const std::function<bool(std::string_view, std::string_view)>& is_member) const {
  const HbaRule* rule = MatchRule(false, database, user, std::nullopt, is_member);
  if (rule == nullptr) return std::nullopt;
  return rule->method;
}

}  // namespace basalt::auth
