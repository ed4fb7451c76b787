// Frontend messages: encode -> decode round trips, byte-at-a-time feeding and
// rejection of malformed frames.
#include <catch2/catch.hpp>

#include <random>

#include "protocol/decoder.hpp"
#include "protocol/frontend_encoder.hpp"
#include "protocol/protocol_error.hpp"

using namespace basalt::protocol;

namespace {

std::string Frame(const FrontendMessage& m) {
  std::string out;
  EncodeFrontend(m, out);
  return out;
}

std::vector<FrontendMessage> AllTypedMessages() {
  return {
      Query{"select 1; select 'x'"},
      Parse{"stmt1", "select $1::int, $2", {23, 0}},
      Parse{"", "select 1", {}},
      Bind{"portal", "stmt1", {1}, {std::string("\0\0\0\x2a", 4), std::nullopt, std::string()}, {0, 1}},
      Bind{"", "", {}, {}, {}},
      Describe{'S', "stmt1"},
      Describe{'P', ""},
      Execute{"portal", 100},
      Execute{"", 0},
      Sync{},
      Flush{},
      Close{'S', "stmt1"},
      Close{'P', "p"},
      PasswordMessage{std::string("secret\0", 7)},
      CopyData{std::string("1\tx\n\0binary", 11)},
      CopyDone{},
      CopyFail{"aborted by user"},
      FunctionCall{1598, {0}, {std::string("abc"), std::nullopt}, 1},
      Terminate{},
  };
}

std::vector<FrontendMessage> DecodeAll(Decoder& d) {
  std::vector<FrontendMessage> out;
  while (auto m = d.Next()) out.push_back(std::move(*m));
  return out;
}

}  // namespace

TEST_CASE("startup packets round trip", "[protocol][decoder]") {
  std::vector<FrontendMessage> msgs = {
      SslRequest{},
      GssEncRequest{},
      StartupMessage{kProtocolVersion3, {{"user", "basalt"}, {"database", "db"}, {"application_name", "psql"}}},
  };
  std::string bytes;
  for (const auto& m : msgs) EncodeFrontend(m, bytes);
  Decoder d;
  d.Feed(bytes);
  REQUIRE(DecodeAll(d) == msgs);
  REQUIRE_FALSE(d.in_startup_phase());

  Decoder c;
  c.Feed(Frame(CancelRequest{42, -7}));
  auto m = c.Next();
  REQUIRE(m);
  REQUIRE(std::get<CancelRequest>(*m) == CancelRequest{42, -7});
}

TEST_CASE("typed messages round trip", "[protocol][decoder]") {
  auto msgs = AllTypedMessages();
  std::string bytes = Frame(StartupMessage{kProtocolVersion3, {{"user", "u"}}});
  for (const auto& m : msgs) EncodeFrontend(m, bytes);

  SECTION("all at once") {
    Decoder d;
    d.Feed(bytes);
    auto out = DecodeAll(d);
    REQUIRE(out.size() == msgs.size() + 1);
    REQUIRE(std::vector<FrontendMessage>(out.begin() + 1, out.end()) == msgs);
    REQUIRE(d.buffered() == 0);
  }
  SECTION("one byte at a time") {
    Decoder d;
    std::vector<FrontendMessage> out;
    for (char c : bytes) {
      d.Feed(std::string_view(&c, 1));
      while (auto m = d.Next()) out.push_back(std::move(*m));
    }
    REQUIRE(out.size() == msgs.size() + 1);
    REQUIRE(std::vector<FrontendMessage>(out.begin() + 1, out.end()) == msgs);
  }
  SECTION("through PrepareWrite/Commit in odd chunks") {
    Decoder d;
    std::vector<FrontendMessage> out;
    size_t pos = 0;
    while (pos < bytes.size()) {
      size_t n = std::min<size_t>(7, bytes.size() - pos);
      auto space = d.PrepareWrite(n);
      REQUIRE(space.size() >= n);
      std::copy_n(bytes.data() + pos, n, space.data());
      d.Commit(n);
      pos += n;
      while (auto m = d.Next()) out.push_back(std::move(*m));
    }
    REQUIRE(out.size() == msgs.size() + 1);
  }
}

TEST_CASE("password message interpretations", "[protocol][decoder]") {
  REQUIRE(ParsePasswordPayload(PasswordMessage{std::string("pw\0", 3)}) == "pw");
  REQUIRE_THROWS_AS(ParsePasswordPayload(PasswordMessage{"pw"}), ProtocolError);
  std::string body("SCRAM-SHA-256\0\0\0\0\x05n,,ab", 23);
  auto sasl = ParseSaslInitialResponse(PasswordMessage{body});
  REQUIRE(sasl.mechanism == "SCRAM-SHA-256");
  REQUIRE(sasl.data == std::optional<std::string>("n,,ab"));
  REQUIRE(ParseSaslInitialResponse(PasswordMessage{std::string("M\0\xff\xff\xff\xff", 6)}).data == std::nullopt);
  REQUIRE_THROWS_AS(ParseSaslInitialResponse(PasswordMessage{std::string("M\0\0\0\0\x09n", 7)}), ProtocolError);
}

namespace {
Decoder TypedDecoder() {
  Decoder d;
  d.Feed(Frame(StartupMessage{kProtocolVersion3, {{"user", "u"}}}));
  REQUIRE(d.Next());
  return d;
}
void RequireRejected(std::string_view bytes, bool startup = false) {
  Decoder d = startup ? Decoder() : TypedDecoder();
  d.Feed(bytes);
  REQUIRE_THROWS_AS(DecodeAll(d), ProtocolError);
}
std::string Typed(char type, std::string_view body) {
  std::string out(1, type);
  uint32_t len = static_cast<uint32_t>(body.size() + 4);
  out += std::string{static_cast<char>(len >> 24), static_cast<char>(len >> 16), static_cast<char>(len >> 8),
                     static_cast<char>(len)};
  out += body;
  return out;
}
}  // namespace

TEST_CASE("malformed startup packets are rejected", "[protocol][decoder]") {
  RequireRejected(std::string("\0\0\0\x04", 4), true);               // length < 8
  RequireRejected(std::string("\0\0\x27\x20\0\x03\0\0", 8), true);   // 10016 > 10000
  RequireRejected(std::string("\xff\xff\xff\xff", 4), true);         // huge
  // version 2.0
  std::string v2 = Frame(StartupMessage{2 << 16, {{"user", "u"}}});
  try {
    Decoder d;
    d.Feed(v2);
    d.Next();
    FAIL("accepted protocol 2.0");
  } catch (const ProtocolError& e) {
    REQUIRE(e.kind() == ProtocolError::Kind::kUnsupportedVersion);
    REQUIRE(std::string(e.what()).find("unsupported frontend protocol 2.0") != std::string::npos);
  }
  // missing final terminator
  std::string no_term = Frame(StartupMessage{kProtocolVersion3, {{"user", "u"}}});
  no_term.pop_back();
  no_term[3] = static_cast<char>(no_term[3] - 1);
  RequireRejected(no_term, true);
  // value without its NUL
  RequireRejected(std::string("\0\0\0\x0d\0\x03\0\0user\0", 13), true);
  // cancel request with extra bytes
  std::string cancel = Frame(CancelRequest{1, 2});
  cancel += "xx";
  cancel[3] = static_cast<char>(cancel[3] + 2);
  RequireRejected(cancel, true);
}

TEST_CASE("malformed typed messages are rejected", "[protocol][decoder]") {
  SECTION("unknown type byte, even before its length arrives") {
    Decoder d = TypedDecoder();
    d.Feed("z");
    REQUIRE_THROWS_AS(d.Next(), ProtocolError);
  }
  SECTION("length below 4") { RequireRejected(std::string("Q\0\0\0\x03", 5)); }
  SECTION("oversize") {
    Decoder d(1000);
    d.Feed(Frame(StartupMessage{kProtocolVersion3, {{"user", "u"}}}));
    d.Next();
    d.Feed(std::string("Q\0\0\x10\0", 5));
    REQUIRE_THROWS_AS(d.Next(), ProtocolError);
  }
  SECTION("small message over its limit") { RequireRejected(std::string("S\0\0\x30\0", 5)); }
  SECTION("missing NUL in Query") { RequireRejected(Typed('Q', "select 1")); }
  SECTION("trailing bytes after Query string") { RequireRejected(Typed('Q', std::string("x\0y", 3))); }
  SECTION("truncated Execute") { RequireRejected(Typed('E', std::string("\0\0\0", 3))); }
  SECTION("Bind with bad value length") {
    RequireRejected(Typed('B', std::string("\0\0\0\0\0\x01\xff\xff\xff\xfe\0\0", 12)));
  }
  SECTION("Bind claiming more params than present") {
    RequireRejected(Typed('B', std::string("\0\0\0\0\xff\xff", 6)));
  }
  SECTION("Bind with invalid format code") { RequireRejected(Typed('B', std::string("\0\0\0\x01\0\x07\0\0\0\0", 10))); }
  SECTION("Describe with bad kind") { RequireRejected(Typed('D', std::string("X\0", 2))); }
  SECTION("Sync with a body") { RequireRejected(Typed('S', "x")); }
  SECTION("Parse truncated param types") { RequireRejected(Typed('P', std::string("\0q\0\0\x02\0\0\0\x17", 9))); }
}

TEST_CASE("decoder keeps working across many messages and buffer growth", "[protocol][decoder]") {
  Decoder d = TypedDecoder();
  std::string big(200000, 'x');
  for (int i = 0; i < 20; ++i) {
    d.Feed(Frame(Query{big}));
    d.Feed(Frame(Sync{}));
    auto q = d.Next();
    REQUIRE(q);
    REQUIRE(std::get<Query>(*q).sql.size() == big.size());
    REQUIRE(std::holds_alternative<Sync>(*d.Next()));
    REQUIRE_FALSE(d.Next());
  }
}

TEST_CASE("random and mutated input never crashes the decoder", "[protocol][decoder]") {
  std::mt19937 rng(12345);
  std::string valid = Frame(StartupMessage{kProtocolVersion3, {{"user", "u"}}});
  for (const auto& m : AllTypedMessages()) EncodeFrontend(m, valid);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = valid;
    int flips = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < flips; ++i) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    if (rng() % 4 == 0) bytes.resize(rng() % bytes.size());
    Decoder d(1 << 20);
    try {
      size_t pos = 0;
      while (pos < bytes.size()) {
        size_t n = std::min<size_t>(1 + rng() % 16, bytes.size() - pos);
        d.Feed(std::string_view(bytes).substr(pos, n));
        pos += n;
        while (d.Next()) {
        }
      }
    } catch (const ProtocolError&) {
      // rejected cleanly
    }
  }
  SUCCEED();
}
