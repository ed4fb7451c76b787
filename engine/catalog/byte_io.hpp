// engine/catalog/byte_io.hpp
//
// Little helpers to write and read varints and length-prefixed strings, used by
// the catalog's record codecs and by row encoding. Reading past the end throws
// DbError XX001 (data corrupted): stored bytes are never trusted blindly.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "engine/error/db_error.hpp"

namespace basalt::engine::catalog {

class ByteWriter {
 public:
  explicit ByteWriter(std::string& out) : out_(out) {}
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void SignedVarint(int64_t v) { Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Fixed64(uint64_t v) {
    char buf[8];
    std::memcpy(buf, &v, 8);
    out_.append(buf, 8);
  }
  void Bytes(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }

 private:
  std::string& out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool AtEnd() const { return pos_ >= in_.size(); }
  uint8_t U8() {
    Need(1);
    return static_cast<uint8_t>(in_[pos_++]);
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = U8();
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    Corrupt();
  }
  int64_t SignedVarint() {
    uint64_t v = Varint();
    return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
  }
  uint64_t Fixed64() {
    Need(8);
    uint64_t v;
    std::memcpy(&v, in_.data() + pos_, 8);
    pos_ += 8;
    return v;
  }
  std::string_view Raw(uint64_t n) {
    Need(n);
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::string_view Bytes() {
    uint64_t n = Varint();
    Need(n);
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }

 private:
  void Need(uint64_t n) const {
    if (n > in_.size() - pos_) Corrupt();
  }
  [[noreturn]] static void Corrupt() {
    throw DbError(SqlState::kDataCorrupted, "stored record is truncated or corrupted");
  }
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace basalt::engine::catalog
