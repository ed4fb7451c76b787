// protocol/backend_messages.hpp
//
// Typed forms of the messages the server sends. Encoder writes them (mostly
// from plain arguments, without building these structs); BackendDecoder reads
// them back, which tests and wire-level tools use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace basalt::protocol {

// Authentication request codes (the int32 after 'R').
enum class AuthCode : int32_t {
  kOk = 0,
  kCleartextPassword = 3,
  kMd5Password = 5,
  kSasl = 10,
  kSaslContinue = 11,
  kSaslFinal = 12,
};

// Fields of ErrorResponse and NoticeResponse that Basalt sends.
// `severity` is the non-localized word (ERROR, FATAL, NOTICE, ...), sent as
// both S and V; `code` is the five-character SQLSTATE.
struct ErrorFields {
  std::string severity = "ERROR";
  std::string code;
  std::string message;
  std::optional<std::string> detail;
  std::optional<std::string> hint;
  std::optional<int> position;  // 1-based character position in the query
  std::optional<std::string> context;  // 'W': CONTEXT lines
  // The object an error is about (PostgreSQL's 's', 't', 'c', 'd', 'n' fields).
  std::optional<std::string> schema_name;
  std::optional<std::string> table_name;
  std::optional<std::string> column_name;
  std::optional<std::string> datatype_name;
  std::optional<std::string> constraint_name;
  bool operator==(const ErrorFields&) const = default;
};

// One RowDescription column.
struct FieldDescription {
  std::string name;
  uint32_t table_oid = 0;
  int16_t column_attnum = 0;
  uint32_t type_oid = 0;
  int16_t type_len = -1;
  int32_t type_modifier = -1;
  int16_t format = 0;  // 0 text, 1 binary
  bool operator==(const FieldDescription&) const = default;
};

namespace backend {

struct Authentication {  // 'R'
  AuthCode code = AuthCode::kOk;
  std::string data;  // MD5 salt, SASL mechanism list (NUL-separated, as sent), SASL data
  bool operator==(const Authentication&) const = default;
};
struct ParameterStatus {  // 'S'
  std::string name;
  std::string value;
  bool operator==(const ParameterStatus&) const = default;
};
struct BackendKeyData {  // 'K'
  int32_t process_id = 0;
  int32_t secret_key = 0;
  bool operator==(const BackendKeyData&) const = default;
};
struct ReadyForQuery {  // 'Z'
  char status = 'I';
  bool operator==(const ReadyForQuery&) const = default;
};
struct RowDescription {  // 'T'
  std::vector<FieldDescription> fields;
  bool operator==(const RowDescription&) const = default;
};
struct DataRow {  // 'D'
  std::vector<std::optional<std::string>> values;
  bool operator==(const DataRow&) const = default;
};
struct CommandComplete {  // 'C'
  std::string tag;
  bool operator==(const CommandComplete&) const = default;
};
struct EmptyQueryResponse {  // 'I'
  bool operator==(const EmptyQueryResponse&) const = default;
};
struct ErrorResponse {  // 'E'
  ErrorFields fields;
  bool operator==(const ErrorResponse&) const = default;
};
struct NoticeResponse {  // 'N'
  ErrorFields fields;
  bool operator==(const NoticeResponse&) const = default;
};
struct ParseComplete {  // '1'
  bool operator==(const ParseComplete&) const = default;
};
struct BindComplete {  // '2'
  bool operator==(const BindComplete&) const = default;
};
struct CloseComplete {  // '3'
  bool operator==(const CloseComplete&) const = default;
};
struct NoData {  // 'n'
  bool operator==(const NoData&) const = default;
};
struct ParameterDescription {  // 't'
  std::vector<uint32_t> type_oids;
  bool operator==(const ParameterDescription&) const = default;
};
struct PortalSuspended {  // 's'
  bool operator==(const PortalSuspended&) const = default;
};
struct CopyInResponse {  // 'G'
  int8_t format = 0;
  std::vector<int16_t> column_formats;
  bool operator==(const CopyInResponse&) const = default;
};
struct CopyOutResponse {  // 'H'
  int8_t format = 0;
  std::vector<int16_t> column_formats;
  bool operator==(const CopyOutResponse&) const = default;
};
struct CopyData {  // 'd'
  std::string data;
  bool operator==(const CopyData&) const = default;
};
struct CopyDone {  // 'c'
  bool operator==(const CopyDone&) const = default;
};
struct NotificationResponse {  // 'A'
  int32_t process_id = 0;
  std::string channel;
  std::string payload;
  bool operator==(const NotificationResponse&) const = default;
};
struct NegotiateProtocolVersion {  // 'v'
  int32_t newest_minor = 0;
  std::vector<std::string> unrecognized_options;
  bool operator==(const NegotiateProtocolVersion&) const = default;
};

using Message =
    std::variant<Authentication, ParameterStatus, BackendKeyData, ReadyForQuery, RowDescription, DataRow,
                 CommandComplete, EmptyQueryResponse, ErrorResponse, NoticeResponse, ParseComplete, BindComplete,
                 CloseComplete, NoData, ParameterDescription, PortalSuspended, CopyInResponse, CopyOutResponse,
                 CopyData, CopyDone, NotificationResponse, NegotiateProtocolVersion>;

}  // namespace backend
}  // namespace basalt::protocol
