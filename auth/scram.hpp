// auth/scram.hpp
//
// SCRAM-SHA-256 (RFC 5802 / RFC 7677) as PostgreSQL implements it
// (src/backend/libpq/auth-scram.c), server side only, plus the stored
// verifier format `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`
// (base64 fields) that pg_authid.rolpassword holds.
//
// The exchange is a small state machine: ClientFirst() parses the client's
// first message and returns the server-first message; ClientFinal() checks the
// proof (constant-time) and returns the server-final message. A role that does
// not exist, or has no usable verifier, runs the same exchange against a mock
// verifier derived from the user name and a per-server secret, so a client can
// not tell an unknown user from a wrong password (PostgreSQL does the same).
//
// Channel binding: the server offers SCRAM-SHA-256-PLUS only on TLS
// connections; a client's `p=tls-server-end-point` is accepted only when the
// caller supplies the certificate hash, and `y` (client supports binding but
// thinks the server does not) is refused when the server did offer it.
//
// Passwords are used as their UTF-8 bytes (PostgreSQL applies SASLprep first;
// for ASCII passwords the two agree).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace basalt::auth {

inline constexpr int kScramDefaultIterations = 4096;
inline constexpr std::string_view kScramMechanism = "SCRAM-SHA-256";
inline constexpr std::string_view kScramPlusMechanism = "SCRAM-SHA-256-PLUS";

struct ScramVerifier {
  int iterations = kScramDefaultIterations;
  std::string salt;        // raw bytes
  std::string stored_key;  // raw 32 bytes: H(ClientKey)
  std::string server_key;  // raw 32 bytes
};

// A new verifier for `password` with a random 16-byte salt.
std::string MakeScramVerifier(std::string_view password, int iterations = kScramDefaultIterations);
// The same with a given salt (tests, and the mock verifier).
ScramVerifier DeriveScramVerifier(std::string_view password, std::string_view salt, int iterations);
std::string FormatScramVerifier(const ScramVerifier& v);
// Parses the stored form; nullopt if it is not a SCRAM-SHA-256 verifier.
std::optional<ScramVerifier> ParseScramVerifier(std::string_view stored);

// Does `password` match the stored SCRAM verifier? (cleartext `password` method.)
bool ScramVerifyPassword(std::string_view password, const ScramVerifier& v);

// Thrown for malformed client messages: PostgreSQL answers 08P01
// "malformed SCRAM message" with this detail.
struct ScramProtocolError {
  std::string message;
  std::string detail;
};

class ScramExchange {
 public:
  // `verifier` is the role's (nullopt = unknown role or no SCRAM verifier: a
  // mock is derived from `user` and `mock_secret`, and the exchange fails at
  // the proof). `channel_binding` is the tls-server-end-point hash when the
  // connection is TLS (empty otherwise).
  ScramExchange(std::optional<ScramVerifier> verifier, std::string_view user, std::string_view mock_secret,
                std::string channel_binding = {});

  // `mechanism` is the one the client chose. Returns the server-first message.
  // Throws ScramProtocolError.
  std::string ClientFirst(std::string_view mechanism, std::string_view message);
  // Returns the server-final message when the proof is right, nullopt when
  // authentication failed. Throws ScramProtocolError for malformed input.
  std::optional<std::string> ClientFinal(std::string_view message);

  // Replaces the random server nonce (RFC test vectors only).
  void SetServerNonceForTesting(std::string nonce) { fixed_server_nonce_ = std::move(nonce); }

 private:
  ScramVerifier verifier_;
  bool doomed_ = false;  // mock verifier: always fails at the proof
  std::string channel_binding_;
  std::string gs2_header_;        // "n,," / "y,," / "p=tls-server-end-point,,"
  bool uses_binding_ = false;
  std::string client_first_bare_;
  std::string server_first_;
  std::string nonce_;             // client nonce + server nonce
  bool started_ = false;
  std::string fixed_server_nonce_;
};

// md5 method. Stored form "md5" + hex(md5(password || user)).
std::string MakeMd5Verifier(std::string_view password, std::string_view user);
bool IsMd5Verifier(std::string_view stored);
// The client's answer to AuthenticationMD5Password: "md5" + hex(md5(hex_inner || salt)).
bool Md5VerifyResponse(std::string_view stored_md5, std::string_view response, const uint8_t salt[4]);

// Helpers shared with tests.
std::string Base64Encode(std::string_view raw);
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace basalt::auth
