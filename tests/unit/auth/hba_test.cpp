// hba.conf parsing and first-match rule selection (pg_hba.conf semantics).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "auth/hba.hpp"
#include "conf/sample_files.hpp"

using basalt::auth::AuthMethod;
using basalt::auth::ConnType;
using basalt::auth::HbaRules;
using boost::asio::ip::make_address;

namespace {

// Role memberships for the tests: alice is in managers; everyone is in "sales" if named bob.
bool IsMember(std::string_view role, std::string_view group) {
  return (role == "alice" && group == "managers") || (role == "bob" && group == "sales");
}

std::optional<AuthMethod> MatchTcp(const HbaRules& rules, std::string_view db, std::string_view user,
                                   std::string_view ip, bool ssl = false) {
  return rules.Match(ssl, db, user, make_address(std::string(ip)), IsMember);
}

std::string ParseError(std::string_view text) {
  try {
    HbaRules::Parse(text, "hba.conf");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace

TEST_CASE("initdb-style hba.conf", "[auth][hba]") {
  const auto rules = HbaRules::Parse(
      "# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
      "\n"
      "# \"local\" is for Unix domain socket connections only\n"
      "local   all             all                                     trust\n"
      "# IPv4 local connections:\n"
      "host    all             all             127.0.0.1/32            scram-sha-256\n"
      "# IPv6 local connections:\n"
      "host    all             all             ::1/128                 md5\n"
      "local   replication     all                                     trust\n",
      "hba.conf");
  REQUIRE(rules.rules().size() == 4);
  CHECK(rules.rules()[0].line == 4);
  CHECK(rules.rules()[0].conn_type == ConnType::kLocal);
  CHECK(rules.rules()[1].line == 6);
  CHECK(rules.MatchLocal("postgres", "basalt", IsMember) == AuthMethod::kTrust);
  CHECK(MatchTcp(rules, "postgres", "basalt", "127.0.0.1") == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "postgres", "basalt", "::1") == AuthMethod::kMd5);
  CHECK(MatchTcp(rules, "postgres", "basalt", "127.0.0.2") == std::nullopt);
  CHECK(MatchTcp(rules, "postgres", "basalt", "10.1.2.3") == std::nullopt);
  // An IPv4 rule covers IPv4-mapped IPv6 clients.
  CHECK(MatchTcp(rules, "postgres", "basalt", "::ffff:127.0.0.1") == AuthMethod::kScramSha256);
}

TEST_CASE("first matching line wins, no fall-through", "[auth][hba]") {
  const auto rules = HbaRules::Parse(
      "host all mallory 0.0.0.0/0 reject\n"
      "host sales all 10.0.0.0/8 password\n"
      "host all all 10.0.0.0/8 md5\n"
      "host all all 0.0.0.0/0 scram-sha-256\n",
      "hba.conf");
  CHECK(MatchTcp(rules, "x", "mallory", "10.0.0.1") == AuthMethod::kReject);
  CHECK(MatchTcp(rules, "sales", "eve", "10.200.0.1") == AuthMethod::kPassword);
  CHECK(MatchTcp(rules, "hr", "eve", "10.200.0.1") == AuthMethod::kMd5);
  CHECK(MatchTcp(rules, "hr", "eve", "192.168.0.1") == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "hr", "eve", "2001:db8::1") == std::nullopt);  // IPv4 rules never match IPv6
  CHECK(rules.MatchLocal("hr", "eve", IsMember) == std::nullopt);     // no local rule
  const auto* rule = rules.MatchRule(false, "hr", "eve", make_address("10.0.0.9"), IsMember);
  REQUIRE(rule != nullptr);
  CHECK(rule->line == 3);
}

TEST_CASE("database keywords and lists", "[auth][hba]") {
  const auto rules = HbaRules::Parse(
      "host sameuser all 0.0.0.0/0 trust\n"
      "host samerole all 0.0.0.0/0 md5\n"
      "host replication all 0.0.0.0/0 password\n"
      "host \"all\" all 0.0.0.0/0 password\n"
      "host db1,\"My DB\", db3 all 0.0.0.0/0 scram-sha-256\n"
      "host all all 0.0.0.0/0 reject\n",
      "hba.conf");
  CHECK(MatchTcp(rules, "eve", "eve", "1.2.3.4") == AuthMethod::kTrust);         // sameuser
  CHECK(MatchTcp(rules, "managers", "alice", "1.2.3.4") == AuthMethod::kMd5);    // samerole
  CHECK(MatchTcp(rules, "managers", "eve", "1.2.3.4") == AuthMethod::kReject);
  CHECK(MatchTcp(rules, "replication", "eve", "1.2.3.4") == AuthMethod::kReject);  // keyword never matches
  CHECK(MatchTcp(rules, "all", "eve", "1.2.3.4") == AuthMethod::kPassword);      // quoted: a name
  CHECK(MatchTcp(rules, "db1", "eve", "1.2.3.4") == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "My DB", "eve", "1.2.3.4") == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "db3", "eve", "1.2.3.4") == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "DB1", "eve", "1.2.3.4") == AuthMethod::kReject);        // names are case-sensitive
}

TEST_CASE("user lists and +group", "[auth][hba]") {
  const auto rules = HbaRules::Parse(
      "host all +managers 0.0.0.0/0 trust\n"
      "host all \"+sales\" 0.0.0.0/0 md5\n"
      "host all carol,dave 0.0.0.0/0 password\n"
      "host all all 0.0.0.0/0 reject\n",
      "hba.conf");
  CHECK(MatchTcp(rules, "d", "alice", "1.1.1.1") == AuthMethod::kTrust);
  CHECK(MatchTcp(rules, "d", "bob", "1.1.1.1") == AuthMethod::kReject);  // quoted +sales is a role name
  CHECK(MatchTcp(rules, "d", "+sales", "1.1.1.1") == AuthMethod::kMd5);
  CHECK(MatchTcp(rules, "d", "carol", "1.1.1.1") == AuthMethod::kPassword);
  CHECK(MatchTcp(rules, "d", "dave", "1.1.1.1") == AuthMethod::kPassword);
  CHECK(MatchTcp(rules, "d", "erin", "1.1.1.1") == AuthMethod::kReject);
}

TEST_CASE("addresses: CIDR, separate masks, IPv6, all", "[auth][hba]") {
  const auto rules = HbaRules::Parse(
      "host all all 192.168.1.0 255.255.255.0 trust\n"
      "host all all 172.16.0.0/12 md5\n"
      "host all all 2001:db8::/32 reject\n"
      "host all all fe80::1 ffff:ffff:ffff:ffff:: scram-sha-256\n"
      "host all all 10.1.2.3/32 reject\n"
      "host all all all password\n",
      "hba.conf");
  CHECK(MatchTcp(rules, "d", "u", "192.168.1.77") == AuthMethod::kTrust);
  CHECK(MatchTcp(rules, "d", "u", "192.168.2.1") == AuthMethod::kPassword);
  CHECK(MatchTcp(rules, "d", "u", "172.31.255.255") == AuthMethod::kMd5);
  CHECK(MatchTcp(rules, "d", "u", "172.32.0.0") == AuthMethod::kPassword);
  CHECK(MatchTcp(rules, "d", "u", "2001:db8:ffff::5") == AuthMethod::kReject);
  CHECK(MatchTcp(rules, "d", "u", "fe80::abcd") == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "d", "u", "10.1.2.3") == AuthMethod::kReject);
  CHECK(MatchTcp(rules, "d", "u", "10.1.2.4") == AuthMethod::kPassword);
  CHECK(MatchTcp(rules, "d", "u", "::1") == AuthMethod::kPassword);
  CHECK(rules.rules()[1].address.to_string() == "172.16.0.0");
}

TEST_CASE("SSL connection types", "[auth][hba]") {
  const auto rules = HbaRules::Parse(
      "hostssl all alice 0.0.0.0/0 cert clientcert=verify-full\n"
      "hostnossl all alice 0.0.0.0/0 reject\n"
      "hostgssenc all all 0.0.0.0/0 trust\n"
      "hostnogssenc all bob 0.0.0.0/0 md5\n"
      "host all all 0.0.0.0/0 scram-sha-256\n",
      "hba.conf");
  CHECK(MatchTcp(rules, "d", "alice", "1.2.3.4", true) == AuthMethod::kCert);
  CHECK(MatchTcp(rules, "d", "alice", "1.2.3.4", false) == AuthMethod::kReject);
  CHECK(MatchTcp(rules, "d", "bob", "1.2.3.4", true) == AuthMethod::kMd5);
  CHECK(MatchTcp(rules, "d", "carol", "1.2.3.4", true) == AuthMethod::kScramSha256);
  CHECK(rules.rules()[0].options.at("clientcert") == "verify-full");
  CHECK(rules.MatchLocal("d", "alice", IsMember) == std::nullopt);
}

TEST_CASE("tokenizer: quotes, comments, continuation", "[auth][hba]") {
  const auto rules = HbaRules::Parse(
      "host \"we\"\"ird\",\"a b\" \"x#y\" 127.0.0.1/32 trust # comment, with comma\n"
      "host all \\\n"
      "     all 0.0.0.0/0 \\\n"
      "     md5\n"
      "   \t  # indented comment\n",
      "hba.conf");
  REQUIRE(rules.rules().size() == 2);
  CHECK(rules.rules()[0].databases.size() == 2);
  CHECK(rules.rules()[0].databases[0].text == "we\"ird");
  CHECK(rules.rules()[0].databases[1].text == "a b");
  CHECK(rules.rules()[0].users[0].text == "x#y");
  CHECK(rules.rules()[1].line == 2);
  CHECK(rules.rules()[1].method == AuthMethod::kMd5);
  CHECK(MatchTcp(rules, "a b", "x#y", "127.0.0.1") == AuthMethod::kTrust);
}

TEST_CASE("parse errors name the file and line", "[auth][hba]") {
  CHECK(ParseError("\nhosts all all 0.0.0.0/0 trust\n") == "invalid connection type \"hosts\" in file \"hba.conf\" line 2");
  CHECK(ParseError("host\n") == "end-of-line before database specification in file \"hba.conf\" line 1");
  CHECK(ParseError("host all\n") == "end-of-line before role specification in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all\n") == "end-of-line before IP address specification in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all 1.2.3.4/33 trust\n") ==
        "invalid CIDR mask in address \"1.2.3.4/33\" in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all 1.2.3.4 trust\n").starts_with("invalid IP mask \"trust\""));
  CHECK(ParseError("host all all 1.2.3.4\n") == "end-of-line before netmask specification in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all 1.2.3.4 ffff:: trust\n") == "IP address and mask do not match in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all 0.0.0.0/0\n") == "end-of-line before authentication method in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all 0.0.0.0/0 magic\n") == "invalid authentication method \"magic\" in file \"hba.conf\" line 1");
  CHECK(ParseError("local all all peer\n") ==
        "invalid authentication method \"peer\": not supported by this build in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all 0.0.0.0/0 cert\n") ==
        "cert authentication is only supported on hostssl connections in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all 0.0.0.0/0 md5 foo\n") ==
        "authentication option not in name=value format: foo in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all 0.0.0.0/0 md5 foo=1\n") ==
        "unrecognized authentication option name: \"foo\" in file \"hba.conf\" line 1");
  CHECK(ParseError("host,local all all 0.0.0.0/0 md5\n") ==
        "multiple values specified for connection type in file \"hba.conf\" line 1");
  CHECK(ParseError("host all all samehost md5\n").find("not supported by Basalt") != std::string::npos);
  CHECK(ParseError("host all all db.example.com md5\n").find("host names") != std::string::npos);
  CHECK(ParseError("host @dbs all 0.0.0.0/0 md5\n").find("not supported by Basalt") != std::string::npos);
}

TEST_CASE("Load reads a file and reports a missing one", "[auth][hba]") {
  const auto path = std::filesystem::temp_directory_path() / ("basalt_hba_test_" + std::to_string(::getpid()) + ".conf");
  std::ofstream(path) << "local all all trust\nhost all all 127.0.0.1/32 md5\n";
  const auto rules = HbaRules::Load(path);
  CHECK(rules.rules().size() == 2);
  std::filesystem::remove(path);
  try {
    HbaRules::Load(path);
    FAIL("expected an error");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) ==
          "could not open configuration file \"" + path.string() + "\": No such file or directory");
  }
}

TEST_CASE("method names", "[auth][hba]") {
  using basalt::auth::AuthMethodName;
  using basalt::auth::ParseAuthMethod;
  for (auto m : {AuthMethod::kTrust, AuthMethod::kReject, AuthMethod::kPassword, AuthMethod::kMd5,
                 AuthMethod::kScramSha256, AuthMethod::kCert}) {
    CHECK(ParseAuthMethod(AuthMethodName(m)) == m);
  }
  CHECK(ParseAuthMethod("SCRAM-SHA-256") == std::nullopt);
}

TEST_CASE("the sample hba.conf parses", "[auth][hba][sample]") {
  const auto rules = HbaRules::Parse(basalt::conf::SampleHbaFile("scram-sha-256"), "hba.conf");
  REQUIRE(rules.rules().size() == 3);
  CHECK(rules.MatchLocal("postgres", "basalt", IsMember) == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "postgres", "basalt", "127.0.0.1") == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "postgres", "basalt", "::1") == AuthMethod::kScramSha256);
  CHECK(MatchTcp(rules, "postgres", "basalt", "10.0.0.1") == std::nullopt);
}
