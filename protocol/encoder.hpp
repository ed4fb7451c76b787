// protocol/encoder.hpp
//
// Encoder frames backend messages into one growable output buffer that the
// connection writes out in large chunks. The buffer is reused across messages
// and flushes (Clear keeps its capacity), so steady-state encoding does not
// allocate.
//
// DataRow is written incrementally: BeginDataRow(n), then exactly n
// AppendField/AppendNull, then EndDataRow, which patches the message length.
// If a row is abandoned halfway (the statement failed while producing it),
// AbortMessage() drops the partial frame so the stream stays well formed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "protocol/backend_messages.hpp"

namespace basalt::protocol {

class Encoder {
 public:
  Encoder() = default;

  // The encoded bytes not yet written out.
  std::string_view data() const { return buf_; }
  size_t size() const { return buf_.size(); }
  bool empty() const { return buf_.empty(); }
  // Forgets all bytes, keeping capacity. Must not be called inside a message.
  void Clear() { buf_.clear(); }

  // The single-byte answer to SSLRequest / GSSENCRequest ('N' or 'S'/'G').
  void EncryptionResponse(char answer) { buf_.push_back(answer); }

  void AuthenticationOk();
  void AuthenticationCleartextPassword();
  void AuthenticationMd5Password(const std::array<uint8_t, 4>& salt);
  void AuthenticationSasl(std::span<const std::string_view> mechanisms);
  void AuthenticationSaslContinue(std::string_view data);
  void AuthenticationSaslFinal(std::string_view data);

  void ParameterStatus(std::string_view name, std::string_view value);
  void BackendKeyData(int32_t process_id, int32_t secret_key);
  void ReadyForQuery(char status);
  void NegotiateProtocolVersion(int32_t newest_minor, std::span<const std::string> unrecognized_options);

  void RowDescription(std::span<const FieldDescription> fields);
  // Incremental RowDescription: BeginRowDescription(n), n AppendFieldDescription, EndMessage.
  void BeginRowDescription(int16_t num_fields);
  void AppendFieldDescription(const FieldDescription& field);

  void BeginDataRow(int16_t num_fields);
  void AppendField(std::string_view bytes);
  void AppendNull();
  void EndDataRow() { EndMessage(); }

  void CommandComplete(std::string_view tag);
  void EmptyQueryResponse();
  void ErrorResponse(const ErrorFields& fields);
  void NoticeResponse(const ErrorFields& fields);

  void ParseComplete();
  void BindComplete();
  void CloseComplete();
  void NoData();
  void ParameterDescription(std::span<const uint32_t> type_oids);
  void PortalSuspended();

  void CopyInResponse(int8_t format, std::span<const int16_t> column_formats);
  void CopyOutResponse(int8_t format, std::span<const int16_t> column_formats);
  void CopyData(std::string_view data);
  void CopyDone();
  void NotificationResponse(int32_t process_id, std::string_view channel, std::string_view payload);

  // Closes the message opened by a Begin* call by patching its length.
  void EndMessage();
  // Drops a message opened by a Begin* call and not yet ended (no-op otherwise).
  void AbortMessage();
  bool in_message() const { return open_.has_value(); }

 private:
  void BeginMessage(char type);
  void Authentication(AuthCode code, std::string_view data);
  void ErrorOrNotice(char type, const ErrorFields& fields);
  void CopyResponse(char type, int8_t format, std::span<const int16_t> column_formats);
  void Empty(char type);

  std::string buf_;
  std::optional<size_t> open_;  // offset of the open message's type byte
};

}  // namespace basalt::protocol
