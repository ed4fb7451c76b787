// protocol/wire_bytes.hpp
//
// Big-endian integer and C-string helpers shared by the encoders and decoders.
// ByteReader walks one message body and throws ProtocolError on any truncation
// or missing terminator, so decoders never read past the frame they were given.
// Internal to protocol/.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/protocol_error.hpp"

namespace basalt::protocol::wire {

inline void AppendInt8(std::string& out, uint8_t v) { out.push_back(static_cast<char>(v)); }

inline void AppendInt16(std::string& out, uint16_t v) {
  char b[2] = {static_cast<char>(v >> 8), static_cast<char>(v)};
  out.append(b, 2);
}

inline void AppendInt32(std::string& out, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  out.append(b, 4);
}

// Appends `s` and its NUL terminator. `s` must not contain a NUL itself; callers
// pass identifiers and messages, and an embedded NUL would silently truncate the
// string on the other side, so it is cut here already.
inline void AppendCString(std::string& out, std::string_view s) {
  size_t nul = s.find('\0');
  if (nul != std::string_view::npos) s = s.substr(0, nul);
  out.append(s.data(), s.size());
  out.push_back('\0');
}

inline void PatchInt32(std::string& out, size_t at, uint32_t v) {
  out[at] = static_cast<char>(v >> 24);
  out[at + 1] = static_cast<char>(v >> 16);
  out[at + 2] = static_cast<char>(v >> 8);
  out[at + 3] = static_cast<char>(v);
}

inline uint32_t LoadUint32(const char* p) {
  auto u = [&](int i) { return static_cast<uint32_t>(static_cast<unsigned char>(p[i])); };
  return (u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3);
}

// Reads the fields of one message body front to back.
class ByteReader {
 public:
  ByteReader(std::string_view body, char type) : body_(body), type_(type) {}

  size_t remaining() const { return body_.size() - pos_; }

  uint8_t ReadUint8() {
    Need(1);
    return static_cast<uint8_t>(body_[pos_++]);
  }
  uint16_t ReadUint16() {
    Need(2);
    auto hi = static_cast<uint8_t>(body_[pos_]);
    auto lo = static_cast<uint8_t>(body_[pos_ + 1]);
    pos_ += 2;
    return static_cast<uint16_t>((hi << 8) | lo);
  }
  int16_t ReadInt16() { return static_cast<int16_t>(ReadUint16()); }
  uint32_t ReadUint32() {
    Need(4);
    uint32_t v = LoadUint32(body_.data() + pos_);
    pos_ += 4;
    return v;
  }
  int32_t ReadInt32() { return static_cast<int32_t>(ReadUint32()); }

  std::string ReadCString() {
    size_t nul = body_.find('\0', pos_);
    if (nul == std::string_view::npos) Fail("missing string terminator");
    std::string s(body_.substr(pos_, nul - pos_));
    pos_ = nul + 1;
    return s;
  }

  std::string ReadBytes(size_t n) {
    Need(n);
    std::string s(body_.substr(pos_, n));
    pos_ += n;
    return s;
  }

  std::string ReadRest() { return ReadBytes(remaining()); }

  // A length-prefixed value as in Bind, DataRow and FunctionCall: -1 is NULL.
  std::optional<std::string> ReadNullableValue() {
    int32_t len = ReadInt32();
    if (len == -1) return std::nullopt;
    if (len < 0) Fail("invalid value length " + std::to_string(len));
    return ReadBytes(static_cast<size_t>(len));
  }

  // PostgreSQL's pq_getmsgend: a message must not carry trailing garbage.
  void ExpectEnd() {
    if (pos_ != body_.size()) Fail("invalid message format");
  }

  [[noreturn]] void Fail(const std::string& what) const {
    std::string where = type_ ? std::string(" in message type '") + type_ + "'" : std::string(" in startup packet");
    throw ProtocolError(what + where);
  }

 private:
  void Need(size_t n) const {
    if (remaining() < n) Fail("insufficient data left in message");
  }

  std::string_view body_;
  size_t pos_ = 0;
  char type_;
};

}  // namespace basalt::protocol::wire
