// protocol/backend_decoder.cpp
#include "protocol/backend_decoder.hpp"

#include "protocol/wire_bytes.hpp"

namespace basalt::protocol {
namespace {

ErrorFields ReadErrorFields(wire::ByteReader& r) {
  ErrorFields f;
  std::optional<std::string> localized, plain;
  while (true) {
    char code = static_cast<char>(r.ReadUint8());
    if (code == '\0') break;
    std::string value = r.ReadCString();
    switch (code) {
      case 'V': plain = std::move(value); break;
      case 'S': localized = std::move(value); break;
      case 'C': f.code = std::move(value); break;
      case 'M': f.message = std::move(value); break;
      case 'D': f.detail = std::move(value); break;
      case 'H': f.hint = std::move(value); break;
      case 'P': f.position = std::stoi(value); break;
      case 'W': f.context = std::move(value); break;
      case 's': f.schema_name = std::move(value); break;
      case 't': f.table_name = std::move(value); break;
      case 'c': f.column_name = std::move(value); break;
      case 'd': f.datatype_name = std::move(value); break;
      case 'n': f.constraint_name = std::move(value); break;
      default: break;  // fields Basalt does not model yet are skipped
    }
  }
  if (plain) f.severity = *plain;
  else if (localized) f.severity = *localized;
  return f;
}

std::vector<int16_t> ReadInt16List(wire::ByteReader& r) {
  uint16_t n = r.ReadUint16();
  std::vector<int16_t> v;
  for (uint16_t i = 0; i < n; ++i) v.push_back(r.ReadInt16());
  return v;
}

}  // namespace

backend::Message DecodeBackendMessage(char type, std::string_view body) {
  wire::ByteReader r(body, type);
  backend::Message out;
  switch (type) {
    case 'R': {
      backend::Authentication a;
      a.code = static_cast<AuthCode>(r.ReadInt32());
      a.data = r.ReadRest();
      out = std::move(a);
      break;
    }
    case 'S': {
      backend::ParameterStatus p;
      p.name = r.ReadCString();
      p.value = r.ReadCString();
      out = std::move(p);
      break;
    }
    case 'K': {
      backend::BackendKeyData k;
      k.process_id = r.ReadInt32();
      k.secret_key = r.ReadInt32();
      out = k;
      break;
    }
    case 'Z':
      out = backend::ReadyForQuery{static_cast<char>(r.ReadUint8())};
      break;
    case 'T': {
      backend::RowDescription d;
      uint16_t n = r.ReadUint16();
      for (uint16_t i = 0; i < n; ++i) {
        FieldDescription f;
        f.name = r.ReadCString();
        f.table_oid = r.ReadUint32();
        f.column_attnum = r.ReadInt16();
        f.type_oid = r.ReadUint32();
        f.type_len = r.ReadInt16();
        f.type_modifier = r.ReadInt32();
        f.format = r.ReadInt16();
        d.fields.push_back(std::move(f));
      }
      out = std::move(d);
      break;
    }
    case 'D': {
      backend::DataRow row;
      uint16_t n = r.ReadUint16();
      for (uint16_t i = 0; i < n; ++i) row.values.push_back(r.ReadNullableValue());
      out = std::move(row);
      break;
    }
    case 'C':
      out = backend::CommandComplete{r.ReadCString()};
      break;
    case 'I':
      out = backend::EmptyQueryResponse{};
      break;
    case 'E':
      out = backend::ErrorResponse{ReadErrorFields(r)};
      break;
    case 'N':
      out = backend::NoticeResponse{ReadErrorFields(r)};
      break;
    case '1': out = backend::ParseComplete{}; break;
    case '2': out = backend::BindComplete{}; break;
    case '3': out = backend::CloseComplete{}; break;
    case 'n': out = backend::NoData{}; break;
    case 's': out = backend::PortalSuspended{}; break;
    case 't': {
      backend::ParameterDescription p;
      uint16_t n = r.ReadUint16();
      for (uint16_t i = 0; i < n; ++i) p.type_oids.push_back(r.ReadUint32());
      out = std::move(p);
      break;
    }
    case 'G':
    case 'H': {
      int8_t format = static_cast<int8_t>(r.ReadUint8());
      std::vector<int16_t> cols = ReadInt16List(r);
      if (type == 'G') out = backend::CopyInResponse{format, std::move(cols)};
      else out = backend::CopyOutResponse{format, std::move(cols)};
      break;
    }
    case 'd':
      out = backend::CopyData{r.ReadRest()};
      break;
    case 'c':
      out = backend::CopyDone{};
      break;
    case 'A': {
      backend::NotificationResponse n;
      n.process_id = r.ReadInt32();
      n.channel = r.ReadCString();
      n.payload = r.ReadCString();
      out = std::move(n);
      break;
    }
    case 'v': {
      backend::NegotiateProtocolVersion v;
      v.newest_minor = r.ReadInt32();
      int32_t n = r.ReadInt32();
      if (n < 0) r.Fail("negative option count");
      for (int32_t i = 0; i < n; ++i) v.unrecognized_options.push_back(r.ReadCString());
      out = std::move(v);
      break;
    }
    default:
      throw ProtocolError("invalid backend message type " + std::to_string(static_cast<unsigned char>(type)));
  }
  r.ExpectEnd();
  return out;
}

std::optional<backend::Message> BackendDecoder::Next() {
  if (buffered() < 5) return std::nullopt;
  char type = buf_[pos_];
  uint32_t len = wire::LoadUint32(buf_.data() + pos_ + 1);
  if (len < 4) throw ProtocolError("invalid message length");
  if (buffered() < size_t{len} + 1) return std::nullopt;
  std::string_view body(buf_.data() + pos_ + 5, len - 4);
  backend::Message msg = DecodeBackendMessage(type, body);
  pos_ += size_t{len} + 1;
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  }
  return msg;
}

std::optional<char> BackendDecoder::NextByte() {
  if (buffered() < 1) return std::nullopt;
  return buf_[pos_++];
}

}  // namespace basalt::protocol
