// protocol/frontend_messages.hpp
//
// Typed forms of every message a PostgreSQL v3 client sends
// (https://www.postgresql.org/docs/15/protocol-message-formats.html).
//
// The startup phase carries length-prefixed packets without a type byte
// (StartupMessage, SSLRequest, GSSENCRequest, CancelRequest); after the
// StartupMessage every message starts with a type byte. 'p' is ambiguous on the
// wire (password, SASLInitialResponse or SASLResponse depending on the
// authentication exchange), so it decodes to PasswordMessage holding the raw
// body, and the session interprets it with the helpers below.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace basalt::protocol {

inline constexpr int32_t kProtocolVersion3 = 196608;  // 3.0: (3 << 16) | 0
inline constexpr int32_t kCancelRequestCode = 80877102;
inline constexpr int32_t kSslRequestCode = 80877103;
inline constexpr int32_t kGssEncRequestCode = 80877104;

// ---- startup phase ----
struct StartupMessage {
  int32_t protocol_version = kProtocolVersion3;  // major << 16 | minor
  std::vector<std::pair<std::string, std::string>> parameters;  // in wire order
  bool operator==(const StartupMessage&) const = default;
};
struct SslRequest {
  bool operator==(const SslRequest&) const = default;
};
struct GssEncRequest {
  bool operator==(const GssEncRequest&) const = default;
};
struct CancelRequest {
  int32_t process_id = 0;
  int32_t secret_key = 0;
  bool operator==(const CancelRequest&) const = default;
};

// ---- typed messages ----
struct Query {  // 'Q'
  std::string sql;
  bool operator==(const Query&) const = default;
};
struct Parse {  // 'P'
  std::string name;
  std::string query;
  std::vector<uint32_t> param_types;  // 0 = let the server infer
  bool operator==(const Parse&) const = default;
};
struct Bind {  // 'B'
  std::string portal;
  std::string statement;
  std::vector<int16_t> param_formats;  // 0, 1 (all) or one per parameter; 0 text, 1 binary
  std::vector<std::optional<std::string>> params;  // nullopt = NULL
  std::vector<int16_t> result_formats;
  bool operator==(const Bind&) const = default;
};
struct Describe {  // 'D'
  char kind = 'S';  // 'S' statement, 'P' portal
  std::string name;
  bool operator==(const Describe&) const = default;
};
struct Execute {  // 'E'
  std::string portal;
  int32_t max_rows = 0;  // 0 = no limit
  bool operator==(const Execute&) const = default;
};
struct Sync {  // 'S'
  bool operator==(const Sync&) const = default;
};
struct Flush {  // 'H'
  bool operator==(const Flush&) const = default;
};
struct Close {  // 'C'
  char kind = 'S';  // 'S' statement, 'P' portal
  std::string name;
  bool operator==(const Close&) const = default;
};
struct Terminate {  // 'X'
  bool operator==(const Terminate&) const = default;
};
struct PasswordMessage {  // 'p': PasswordMessage, SASLInitialResponse or SASLResponse
  std::string payload;    // the raw message body
  bool operator==(const PasswordMessage&) const = default;
};
struct CopyData {  // 'd'
  std::string data;
  bool operator==(const CopyData&) const = default;
};
struct CopyDone {  // 'c'
  bool operator==(const CopyDone&) const = default;
};
struct CopyFail {  // 'f'
  std::string message;
  bool operator==(const CopyFail&) const = default;
};
struct FunctionCall {  // 'F'
  uint32_t function_oid = 0;
  std::vector<int16_t> arg_formats;
  std::vector<std::optional<std::string>> args;
  int16_t result_format = 0;
  bool operator==(const FunctionCall&) const = default;
};

using FrontendMessage =
    std::variant<StartupMessage, SslRequest, GssEncRequest, CancelRequest, Query, Parse, Bind, Describe, Execute,
                 Sync, Flush, Close, Terminate, PasswordMessage, CopyData, CopyDone, CopyFail, FunctionCall>;

// A short name for logs and errors ("Query", "Bind", ...).
const char* MessageName(const FrontendMessage& message);

// Interpretations of PasswordMessage.payload; each throws ProtocolError when
// the body does not have that shape.
struct SaslInitialResponse {
  std::string mechanism;
  std::optional<std::string> data;  // nullopt when the client sent length -1
  bool operator==(const SaslInitialResponse&) const = default;
};
// A cleartext or md5 password: one NUL-terminated string.
std::string ParsePasswordPayload(const PasswordMessage& message);
SaslInitialResponse ParseSaslInitialResponse(const PasswordMessage& message);
// SASLResponse is the whole body.
inline const std::string& SaslResponseData(const PasswordMessage& message) { return message.payload; }

}  // namespace basalt::protocol
