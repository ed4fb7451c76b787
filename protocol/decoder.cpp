// protocol/decoder.cpp
//
// Framing and field rules follow PostgreSQL 15's backend (postmaster.c
// ProcessStartupPacket, postgres.c SocketBackend and the exec_* readers), so a
// client that PostgreSQL rejects is rejected here with the same words where
// practical.
#include "protocol/decoder.hpp"

#include <algorithm>
#include <string>

#include "protocol/wire_bytes.hpp"

namespace basalt::protocol {
namespace {

using wire::ByteReader;

// Free space is reclaimed by moving unread bytes to the front once the read
// position passes this point; big buffers shrink back after a huge message.
constexpr size_t kInitialBuffer = 8192;
constexpr size_t kShrinkAbove = size_t{1} << 20;

// PostgreSQL bounds these messages with PQ_SMALL_MESSAGE_LIMIT; everything else
// may be up to the large limit.
bool IsSmallMessage(char type) {
  switch (type) {
    case 'D': case 'E': case 'C': case 'S': case 'H': case 'X': case 'c':
      return true;
    default:
      return false;
  }
}

bool IsKnownType(char type) {
  switch (type) {
    case 'Q': case 'P': case 'B': case 'D': case 'E': case 'S': case 'H':
    case 'C': case 'X': case 'p': case 'd': case 'c': case 'f': case 'F':
      return true;
    default:
      return false;
  }
}

std::vector<int16_t> ReadFormatCodes(ByteReader& r) {
  uint16_t n = r.ReadUint16();
  std::vector<int16_t> formats;
  formats.reserve(std::min<size_t>(n, r.remaining() / 2));
  for (uint16_t i = 0; i < n; ++i) {
    int16_t f = r.ReadInt16();
    if (f != 0 && f != 1) r.Fail("unsupported format code: " + std::to_string(f));
    formats.push_back(f);
  }
  return formats;
}

std::vector<std::optional<std::string>> ReadValues(ByteReader& r) {
  uint16_t n = r.ReadUint16();
  std::vector<std::optional<std::string>> values;
  values.reserve(std::min<size_t>(n, r.remaining() / 4));
  for (uint16_t i = 0; i < n; ++i) values.push_back(r.ReadNullableValue());
  return values;
}

char ReadKind(ByteReader& r, const char* what) {
  char kind = static_cast<char>(r.ReadUint8());
  if (kind != 'S' && kind != 'P') r.Fail(std::string("invalid ") + what + " message subtype " + std::to_string(kind));
  return kind;
}

}  // namespace

FrontendMessage DecodeStartupPacket(std::string_view body) {
  ByteReader r(body, 0);
  int32_t code = r.ReadInt32();
  if (code == kSslRequestCode) {
    r.ExpectEnd();
    return SslRequest{};
  }
  if (code == kGssEncRequestCode) {
    r.ExpectEnd();
    return GssEncRequest{};
  }
  if (code == kCancelRequestCode) {
    CancelRequest cancel;
    cancel.process_id = r.ReadInt32();
    cancel.secret_key = r.ReadInt32();
    r.ExpectEnd();
    return cancel;
  }
  uint32_t major = static_cast<uint32_t>(code) >> 16;
  uint32_t minor = static_cast<uint32_t>(code) & 0xffff;
  if (major != 3) {
    throw ProtocolError("unsupported frontend protocol " + std::to_string(major) + "." + std::to_string(minor) +
                            ": server supports 3.0 to 3.0",
                        ProtocolError::Kind::kUnsupportedVersion);
  }
  StartupMessage startup;
  startup.protocol_version = code;
  while (true) {
    std::string name = r.ReadCString();
    if (name.empty()) break;
    std::string value = r.ReadCString();
    startup.parameters.emplace_back(std::move(name), std::move(value));
  }
  if (r.remaining() != 0) r.Fail("invalid startup packet layout: expected terminator as last byte");
  return startup;
}

FrontendMessage DecodeTypedMessage(char type, std::string_view body) {
  ByteReader r(body, type);
  FrontendMessage out;
  switch (type) {
    case 'Q': {
      Query q;
      q.sql = r.ReadCString();
      out = std::move(q);
      break;
    }
    case 'P': {
      Parse p;
      p.name = r.ReadCString();
      p.query = r.ReadCString();
      uint16_t n = r.ReadUint16();
      p.param_types.reserve(std::min<size_t>(n, r.remaining() / 4));
      for (uint16_t i = 0; i < n; ++i) p.param_types.push_back(r.ReadUint32());
      out = std::move(p);
      break;
    }
    case 'B': {
      Bind b;
      b.portal = r.ReadCString();
      b.statement = r.ReadCString();
      b.param_formats = ReadFormatCodes(r);
      b.params = ReadValues(r);
      b.result_formats = ReadFormatCodes(r);
      out = std::move(b);
      break;
    }
    case 'D': {
      Describe d;
      d.kind = ReadKind(r, "DESCRIBE");
      d.name = r.ReadCString();
      out = std::move(d);
      break;
    }
    case 'E': {
      Execute e;
      e.portal = r.ReadCString();
      e.max_rows = r.ReadInt32();
      out = std::move(e);
      break;
    }
    case 'S':
      out = Sync{};
      break;
    case 'H':
      out = Flush{};
      break;
    case 'C': {
      Close c;
      c.kind = ReadKind(r, "CLOSE");
      c.name = r.ReadCString();
      out = std::move(c);
      break;
    }
    case 'X':
      out = Terminate{};
      break;
    case 'p':
      return PasswordMessage{r.ReadRest()};
    case 'd':
      return CopyData{r.ReadRest()};
    case 'c':
      out = CopyDone{};
      break;
    case 'f': {
      CopyFail f;
      f.message = r.ReadCString();
      out = std::move(f);
      break;
    }
    case 'F': {
      FunctionCall f;
      f.function_oid = r.ReadUint32();
      f.arg_formats = ReadFormatCodes(r);
      f.args = ReadValues(r);
      f.result_format = r.ReadInt16();
      if (f.result_format != 0 && f.result_format != 1)
        r.Fail("unsupported format code: " + std::to_string(f.result_format));
      out = std::move(f);
      break;
    }
    default:
      throw ProtocolError("invalid frontend message type " + std::to_string(static_cast<unsigned char>(type)));
  }
  r.ExpectEnd();
  return out;
}

Decoder::Decoder(size_t max_message_size) : max_message_size_(max_message_size) {}

void Decoder::Feed(std::string_view bytes) {
  std::span<char> space = PrepareWrite(bytes.size());
  std::copy(bytes.begin(), bytes.end(), space.begin());
  Commit(bytes.size());
}

std::span<char> Decoder::PrepareWrite(size_t min_size) {
  if (buf_.size() - end_ < min_size) {
    Compact();
    if (buf_.size() - end_ < min_size) {
      buf_.resize(std::max({end_ + min_size, buf_.size() * 2, kInitialBuffer}));
    }
  }
  return std::span<char>(buf_.data() + end_, buf_.size() - end_);
}

void Decoder::Commit(size_t n) { end_ += std::min(n, buf_.size() - end_); }

void Decoder::Compact() {
  size_t unread = end_ - begin_;
  if (buf_.size() > kShrinkAbove && unread < kShrinkAbove / 2) {
    std::string smaller(std::max(unread * 2, kInitialBuffer), '\0');
    std::copy(buf_.begin() + begin_, buf_.begin() + end_, smaller.begin());
    buf_.swap(smaller);
  } else if (begin_ > 0) {
    std::copy(buf_.begin() + begin_, buf_.begin() + end_, buf_.begin());
  }
  begin_ = 0;
  end_ = unread;
}

std::optional<FrontendMessage> Decoder::Next() {
  std::optional<FrontendMessage> msg = startup_phase_ ? NextStartup() : NextTyped();
  if (begin_ == end_) begin_ = end_ = 0;  // cheap reset keeps the buffer small
  return msg;
}

std::optional<FrontendMessage> Decoder::NextStartup() {
  if (buffered() < 4) return std::nullopt;
  uint32_t len = wire::LoadUint32(buf_.data() + begin_);
  // The length includes itself and at least the 4-byte protocol code.
  if (len < 8 || len - 4 > kMaxStartupPacketSize) throw ProtocolError("invalid length of startup packet");
  if (buffered() < len) return std::nullopt;
  std::string_view body(buf_.data() + begin_ + 4, len - 4);
  FrontendMessage msg = DecodeStartupPacket(body);
  begin_ += len;
  if (std::holds_alternative<StartupMessage>(msg)) startup_phase_ = false;
  return msg;
}

std::optional<FrontendMessage> Decoder::NextTyped() {
  if (buffered() < 1) return std::nullopt;
  char type = buf_[begin_];
  // Reject an unknown type as soon as its byte arrives, as PostgreSQL does.
  if (!IsKnownType(type))
    throw ProtocolError("invalid frontend message type " + std::to_string(static_cast<unsigned char>(type)));
  if (buffered() < 5) return std::nullopt;
  uint32_t len = wire::LoadUint32(buf_.data() + begin_ + 1);
  size_t limit = IsSmallMessage(type) ? kSmallMessageLimit : max_message_size_;
  // Like pq_getmessage: the limit applies to the length word itself (body + 4).
  if (len < 4 || len > limit)
    throw ProtocolError("invalid message length " + std::to_string(len) + " for message type '" + type + "'");
  if (buffered() < size_t{len} + 1) return std::nullopt;
  std::string_view body(buf_.data() + begin_ + 5, len - 4);
  FrontendMessage msg = DecodeTypedMessage(type, body);
  begin_ += size_t{len} + 1;
  return msg;
}

}  // namespace basalt::protocol
