// protocol/encoder.cpp
//
// Message layouts: https://www.postgresql.org/docs/15/protocol-message-formats.html
#include "protocol/encoder.hpp"

#include <cassert>

#include "protocol/wire_bytes.hpp"

namespace basalt::protocol {

using wire::AppendCString;
using wire::AppendInt16;
using wire::AppendInt32;

void Encoder::BeginMessage(char type) {
  assert(!open_ && "previous message not ended");
  open_ = buf_.size();
  buf_.push_back(type);
  AppendInt32(buf_, 0);  // patched by EndMessage
}

void Encoder::EndMessage() {
  assert(open_);
  size_t start = *open_;
  wire::PatchInt32(buf_, start + 1, static_cast<uint32_t>(buf_.size() - start - 1));
  open_.reset();
}

void Encoder::AbortMessage() {
  if (!open_) return;
  buf_.resize(*open_);
  open_.reset();
}

void Encoder::Empty(char type) {
  BeginMessage(type);
  EndMessage();
}

void Encoder::Authentication(AuthCode code, std::string_view data) {
  BeginMessage('R');
  AppendInt32(buf_, static_cast<uint32_t>(code));
  buf_.append(data);
  EndMessage();
}

void Encoder::AuthenticationOk() { Authentication(AuthCode::kOk, {}); }
void Encoder::AuthenticationCleartextPassword() { Authentication(AuthCode::kCleartextPassword, {}); }

void Encoder::AuthenticationMd5Password(const std::array<uint8_t, 4>& salt) {
  Authentication(AuthCode::kMd5Password, std::string_view(reinterpret_cast<const char*>(salt.data()), salt.size()));
}

void Encoder::AuthenticationSasl(std::span<const std::string_view> mechanisms) {
  BeginMessage('R');
  AppendInt32(buf_, static_cast<uint32_t>(AuthCode::kSasl));
  for (std::string_view m : mechanisms) AppendCString(buf_, m);
  buf_.push_back('\0');  // the list ends with an empty name
  EndMessage();
}

void Encoder::AuthenticationSaslContinue(std::string_view data) { Authentication(AuthCode::kSaslContinue, data); }
void Encoder::AuthenticationSaslFinal(std::string_view data) { Authentication(AuthCode::kSaslFinal, data); }

void Encoder::ParameterStatus(std::string_view name, std::string_view value) {
  BeginMessage('S');
  AppendCString(buf_, name);
  AppendCString(buf_, value);
  EndMessage();
}

void Encoder::BackendKeyData(int32_t process_id, int32_t secret_key) {
  BeginMessage('K');
  AppendInt32(buf_, static_cast<uint32_t>(process_id));
  AppendInt32(buf_, static_cast<uint32_t>(secret_key));
  EndMessage();
}

void Encoder::ReadyForQuery(char status) {
  BeginMessage('Z');
  buf_.push_back(status);
  EndMessage();
}

void Encoder::NegotiateProtocolVersion(int32_t newest_minor, std::span<const std::string> unrecognized_options) {
  BeginMessage('v');
  AppendInt32(buf_, static_cast<uint32_t>(newest_minor));
  AppendInt32(buf_, static_cast<uint32_t>(unrecognized_options.size()));
  for (const std::string& o : unrecognized_options) AppendCString(buf_, o);
  EndMessage();
}

void Encoder::RowDescription(std::span<const FieldDescription> fields) {
  BeginRowDescription(static_cast<int16_t>(fields.size()));
  for (const FieldDescription& f : fields) AppendFieldDescription(f);
  EndMessage();
}

void Encoder::BeginRowDescription(int16_t num_fields) {
  BeginMessage('T');
  AppendInt16(buf_, static_cast<uint16_t>(num_fields));
}

void Encoder::AppendFieldDescription(const FieldDescription& f) {
  AppendCString(buf_, f.name);
  AppendInt32(buf_, f.table_oid);
  AppendInt16(buf_, static_cast<uint16_t>(f.column_attnum));
  AppendInt32(buf_, f.type_oid);
  AppendInt16(buf_, static_cast<uint16_t>(f.type_len));
  AppendInt32(buf_, static_cast<uint32_t>(f.type_modifier));
  AppendInt16(buf_, static_cast<uint16_t>(f.format));
}

void Encoder::BeginDataRow(int16_t num_fields) {
  BeginMessage('D');
  AppendInt16(buf_, static_cast<uint16_t>(num_fields));
}

void Encoder::AppendField(std::string_view bytes) {
  AppendInt32(buf_, static_cast<uint32_t>(bytes.size()));
  buf_.append(bytes);
}

void Encoder::AppendNull() { AppendInt32(buf_, 0xffffffffu); }

void Encoder::CommandComplete(std::string_view tag) {
  BeginMessage('C');
  AppendCString(buf_, tag);
  EndMessage();
}

void Encoder::EmptyQueryResponse() { Empty('I'); }

void Encoder::ErrorOrNotice(char type, const ErrorFields& f) {
  BeginMessage(type);
  auto field = [&](char code, std::string_view value) {
    buf_.push_back(code);
    AppendCString(buf_, value);
  };
  field('S', f.severity);
  field('V', f.severity);
  field('C', f.code);
  field('M', f.message);
  if (f.detail) field('D', *f.detail);
  if (f.hint) field('H', *f.hint);
  if (f.position) field('P', std::to_string(*f.position));
  if (f.context) field('W', *f.context);
  if (f.schema_name) field('s', *f.schema_name);
  if (f.table_name) field('t', *f.table_name);
  if (f.column_name) field('c', *f.column_name);
  if (f.datatype_name) field('d', *f.datatype_name);
  if (f.constraint_name) field('n', *f.constraint_name);
  buf_.push_back('\0');
  EndMessage();
}

void Encoder::ErrorResponse(const ErrorFields& fields) { ErrorOrNotice('E', fields); }
void Encoder::NoticeResponse(const ErrorFields& fields) { ErrorOrNotice('N', fields); }

void Encoder::ParseComplete() { Empty('1'); }
void Encoder::BindComplete() { Empty('2'); }
void Encoder::CloseComplete() { Empty('3'); }
void Encoder::NoData() { Empty('n'); }
void Encoder::PortalSuspended() { Empty('s'); }

void Encoder::ParameterDescription(std::span<const uint32_t> type_oids) {
  BeginMessage('t');
  AppendInt16(buf_, static_cast<uint16_t>(type_oids.size()));
  for (uint32_t oid : type_oids) AppendInt32(buf_, oid);
  EndMessage();
}

void Encoder::CopyResponse(char type, int8_t format, std::span<const int16_t> column_formats) {
  BeginMessage(type);
  buf_.push_back(static_cast<char>(format));
  AppendInt16(buf_, static_cast<uint16_t>(column_formats.size()));
  for (int16_t f : column_formats) AppendInt16(buf_, static_cast<uint16_t>(f));
  EndMessage();
}

void Encoder::CopyInResponse(int8_t format, std::span<const int16_t> column_formats) {
  CopyResponse('G', format, column_formats);
}
void Encoder::CopyOutResponse(int8_t format, std::span<const int16_t> column_formats) {
  CopyResponse('H', format, column_formats);
}

void Encoder::CopyData(std::string_view data) {
  BeginMessage('d');
  buf_.append(data);
  EndMessage();
}

void Encoder::CopyDone() { Empty('c'); }

void Encoder::NotificationResponse(int32_t process_id, std::string_view channel, std::string_view payload) {
  BeginMessage('A');
  AppendInt32(buf_, static_cast<uint32_t>(process_id));
  AppendCString(buf_, channel);
  AppendCString(buf_, payload);
  EndMessage();
}

}  // namespace basalt::protocol
