#include "auth/scram.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace basalt::auth {

namespace {

constexpr size_t kSaltLength = 16;
constexpr size_t kRawNonceLength = 18;  // PostgreSQL's SCRAM_RAW_NONCE_LEN
constexpr size_t kKeyLength = SHA256_DIGEST_LENGTH;

std::string RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("could not generate random bytes");
  }
  return out;
}

std::string Hmac(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string Sha256(std::string_view data) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
  return std::string(reinterpret_cast<char*>(out), sizeof(out));
}

std::string SaltedPassword(std::string_view password, std::string_view salt, int iterations) {
  std::string out(kKeyLength, '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()), iterations,
                        EVP_sha256(), static_cast<int>(kKeyLength), reinterpret_cast<unsigned char*>(out.data())) != 1) {
    throw std::runtime_error("PBKDF2 failed");
  }
  return out;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Hex(const unsigned char* bytes, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

std::string Md5Hex(std::string_view data) {
  unsigned char out[MD5_DIGEST_LENGTH];
  EVP_Digest(data.data(), data.size(), out, nullptr, EVP_md5(), nullptr);
  return Hex(out, sizeof(out));
}

[[noreturn]] void Malformed(std::string detail) { throw ScramProtocolError{"malformed SCRAM message", std::move(detail)}; }

// Reads `attr=value` up to the next comma (or the end) from `in`, advancing it.
std::string ReadAttribute(std::string_view& in, char attr) {
  if (in.empty() || in[0] != attr) {
    Malformed(std::string("Expected attribute \"") + attr + "\" but found \"" +
              (in.empty() ? std::string() : std::string(1, in[0])) + "\".");
  }
  if (in.size() < 2 || in[1] != '=') Malformed(std::string("Expected character \"=\" for attribute \"") + attr + "\".");
  size_t comma = in.find(',', 2);
  std::string value(in.substr(2, comma == std::string_view::npos ? std::string_view::npos : comma - 2));
  in = comma == std::string_view::npos ? std::string_view() : in.substr(comma + 1);
  return value;
}

// Reads any `x=value` attribute; returns x.
char ReadAnyAttribute(std::string_view& in, std::string* value) {
  if (in.size() < 2 || !((in[0] >= 'a' && in[0] <= 'z') || (in[0] >= 'A' && in[0] <= 'Z')) || in[1] != '=') {
    Malformed("Attribute expected, but found end of string.");
  }
  char attr = in[0];
  *value = ReadAttribute(in, attr);
  return attr;
}

}  // namespace

std::string Base64Encode(std::string_view raw) {
  std::string out(4 * ((raw.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(raw.data()), static_cast<int>(raw.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  for (char c : text) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
              c == '=';
    if (!ok) return std::nullopt;
  }
  std::string out(3 * (text.size() / 4), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  size_t pad = 0;
  if (!text.empty() && text.back() == '=') ++pad;
  if (text.size() > 1 && text[text.size() - 2] == '=') ++pad;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

ScramVerifier DeriveScramVerifier(std::string_view password, std::string_view salt, int iterations) {
  std::string salted = SaltedPassword(password, salt, iterations);
  ScramVerifier v;
  v.iterations = iterations;
  v.salt = std::string(salt);
  v.stored_key = Sha256(Hmac(salted, "Client Key"));
  v.server_key = Hmac(salted, "Server Key");
  return v;
}

std::string FormatScramVerifier(const ScramVerifier& v) {
  return std::string(kScramMechanism) + "$" + std::to_string(v.iterations) + ":" + Base64Encode(v.salt) + "$" +
         Base64Encode(v.stored_key) + ":" + Base64Encode(v.server_key);
}

std::string MakeScramVerifier(std::string_view password, int iterations) {
  return FormatScramVerifier(DeriveScramVerifier(password, RandomBytes(kSaltLength), iterations));
}

std::optional<ScramVerifier> ParseScramVerifier(std::string_view stored) {
  // SCRAM-SHA-256$<iterations>:<salt>$<storedkey>:<serverkey>
  std::string prefix = std::string(kScramMechanism) + "$";
  if (stored.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view rest = stored.substr(prefix.size());
  size_t colon1 = rest.find(':');
  size_t dollar = rest.find('$');
  if (colon1 == std::string_view::npos || dollar == std::string_view::npos || colon1 > dollar) return std::nullopt;
  size_t colon2 = rest.find(':', dollar);
  if (colon2 == std::string_view::npos) return std::nullopt;
  ScramVerifier v;
  std::string_view iter_text = rest.substr(0, colon1);
  if (iter_text.empty() || iter_text.size() > 9) return std::nullopt;
  int iterations = 0;
  for (char c : iter_text) {
    if (c < '0' || c > '9') return std::nullopt;
    iterations = iterations * 10 + (c - '0');
  }
  if (iterations <= 0) return std::nullopt;
  v.iterations = iterations;
  auto salt = Base64Decode(rest.substr(colon1 + 1, dollar - colon1 - 1));
  auto stored_key = Base64Decode(rest.substr(dollar + 1, colon2 - dollar - 1));
  auto server_key = Base64Decode(rest.substr(colon2 + 1));
  if (!salt || !stored_key || !server_key || stored_key->size() != kKeyLength || server_key->size() != kKeyLength) {
    return std::nullopt;
  }
  v.salt = std::move(*salt);
  v.stored_key = std::move(*stored_key);
  v.server_key = std::move(*server_key);
  return v;
}

bool ScramVerifyPassword(std::string_view password, const ScramVerifier& v) {
  ScramVerifier computed = DeriveScramVerifier(password, v.salt, v.iterations);
  return ConstantTimeEqual(computed.stored_key, v.stored_key) && ConstantTimeEqual(computed.server_key, v.server_key);
}

ScramExchange::ScramExchange(std::optional<ScramVerifier> verifier, std::string_view user,
                             std::string_view mock_secret, std::string channel_binding)
    : channel_binding_(std::move(channel_binding)) {
  if (verifier) {
    verifier_ = std::move(*verifier);
  } else {
    // PostgreSQL's scram_mock_salt: a salt that is stable per user name, so
    // repeated probes of an unknown user see the same salt, as for a real one.
    std::string seed(mock_secret);
    seed += user;
    verifier_.iterations = kScramDefaultIterations;
    verifier_.salt = Sha256(seed).substr(0, kSaltLength);
    verifier_.stored_key = std::string(kKeyLength, '\0');
    verifier_.server_key = std::string(kKeyLength, '\0');
    doomed_ = true;
  }
}

std::string ScramExchange::ClientFirst(std::string_view mechanism, std::string_view message) {
  if (started_) Malformed("Unexpected client-first message.");
  started_ = true;
  const bool plus = mechanism == kScramPlusMechanism;
  if (!plus && mechanism != kScramMechanism) {
    throw ScramProtocolError{"client selected an invalid SASL authentication mechanism", ""};
  }
  if (plus && channel_binding_.empty()) {
    throw ScramProtocolError{"client selected an invalid SASL authentication mechanism", ""};
  }
  std::string_view in = message;
  if (in.empty()) Malformed("The message is empty.");
  // gs2-cbind-flag
  switch (in[0]) {
    case 'n':
    case 'y':
      if (plus) Malformed("The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include channel binding data.");
      if (in[0] == 'y' && !channel_binding_.empty()) {
        throw ScramProtocolError{"SCRAM channel binding negotiation error",
                                 "The client supports SCRAM channel binding but thinks the server does not.  "
                                 "However, this server does support channel binding."};
      }
      if (in.size() < 2 || in[1] != ',') Malformed("Comma expected, but found character \"" + std::string(in.substr(1, 1)) + "\".");
      in.remove_prefix(2);
      break;
    case 'p': {
      if (!plus) Malformed("The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding data.");
      std::string type = ReadAttribute(in, 'p');
      if (type != "tls-server-end-point") {
        throw ScramProtocolError{"unsupported SCRAM channel-binding type \"" + type + "\"", ""};
      }
      uses_binding_ = true;
      break;
    }
    default:
      Malformed("Unexpected channel-binding flag \"" + std::string(1, in[0]) + "\".");
  }
  // authzid
  if (!in.empty() && in[0] == 'a') {
    throw ScramProtocolError{"client uses authorization identity, but it is not supported", ""};
  }
  if (in.empty() || in[0] != ',') Malformed("Unexpected attribute \"" + std::string(in.substr(0, 1)) + "\" in client-first-message.");
  in.remove_prefix(1);
  gs2_header_ = std::string(message.substr(0, message.size() - in.size()));
  client_first_bare_ = std::string(in);

  if (!in.empty() && in[0] == 'm') {
    throw ScramProtocolError{"client requires an unsupported SCRAM extension", ""};
  }
  // PostgreSQL ignores the user name here (it comes from the startup packet).
  ReadAttribute(in, 'n');
  std::string client_nonce = ReadAttribute(in, 'r');
  if (client_nonce.empty()) Malformed("The client nonce is empty.");
  for (char c : client_nonce) {
    if (c < 0x21 || c > 0x7e || c == ',') Malformed("The client nonce contains invalid characters.");
  }
  nonce_ = client_nonce + (fixed_server_nonce_.empty() ? Base64Encode(RandomBytes(kRawNonceLength)) : fixed_server_nonce_);
  server_first_ = "r=" + nonce_ + ",s=" + Base64Encode(verifier_.salt) + ",i=" + std::to_string(verifier_.iterations);
  return server_first_;
}

std::optional<std::string> ScramExchange::ClientFinal(std::string_view message) {
  if (!started_ || server_first_.empty()) Malformed("Unexpected client-final message.");
  std::string_view in = message;
  std::string channel = ReadAttribute(in, 'c');
  auto channel_raw = Base64Decode(channel);
  if (!channel_raw) Malformed("Malformed channel-binding data.");
  std::string expected = gs2_header_;
  if (uses_binding_) expected += channel_binding_;
  if (*channel_raw != expected) {
    throw ScramProtocolError{"SCRAM channel binding check failed", ""};
  }
  std::string nonce = ReadAttribute(in, 'r');
  if (nonce != nonce_) Malformed("Nonce does not match.");
  // Extensions, then the proof (always last).
  std::string proof_b64;
  for (;;) {
    std::string value;
    if (in.empty()) Malformed("Attribute expected, but found end of string.");
    size_t before = in.size();
    char attr = ReadAnyAttribute(in, &value);
    if (attr == 'p') {
      if (!in.empty()) Malformed("Garbage found at the end of client-final-message.");
      proof_b64 = value;
      std::string_view without_proof = message.substr(0, message.size() - before - 1);
      auto proof = Base64Decode(proof_b64);
      if (!proof || proof->size() != kKeyLength) Malformed("Malformed proof in client-final-message.");
      std::string auth_message = client_first_bare_ + "," + server_first_ + "," + std::string(without_proof);
      std::string client_signature = Hmac(verifier_.stored_key, auth_message);
      std::string client_key(kKeyLength, '\0');
      for (size_t i = 0; i < kKeyLength; ++i) client_key[i] = static_cast<char>((*proof)[i] ^ client_signature[i]);
      bool ok = ConstantTimeEqual(Sha256(client_key), verifier_.stored_key) && !doomed_;
      if (!ok) return std::nullopt;
      return "v=" + Base64Encode(Hmac(verifier_.server_key, auth_message));
    }
  }
}

std::string MakeMd5Verifier(std::string_view password, std::string_view user) {
  std::string data(password);
  data += user;
  return "md5" + Md5Hex(data);
}

bool IsMd5Verifier(std::string_view stored) {
  if (stored.size() != 35 || stored.substr(0, 3) != "md5") return false;
  for (char c : stored.substr(3)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool Md5VerifyResponse(std::string_view stored_md5, std::string_view response, const uint8_t salt[4]) {
  if (!IsMd5Verifier(stored_md5)) return false;
  std::string data(stored_md5.substr(3));
  data.append(reinterpret_cast<const char*>(salt), 4);
  return ConstantTimeEqual("md5" + Md5Hex(data), response);
}

}  // namespace basalt::auth
