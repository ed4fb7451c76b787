#include "engine/storage/key_decoder.hpp"

#include <bit>

#include "engine/error/db_error.hpp"
#include "engine/storage/key_encoder.hpp"

namespace basalt::engine::storage {

namespace {
[[noreturn]] void Corrupt(const char* what) {
  throw DbError(SqlState::kDataCorrupted, std::string("malformed key: ") + what);
}
}  // namespace

uint8_t KeyDecoder::PeekByte() const {
  if (pos_ >= bytes_.size()) Corrupt("unexpected end");
  auto b = static_cast<uint8_t>(bytes_[pos_]);
  return descending_ ? static_cast<uint8_t>(~b) : b;
}

uint8_t KeyDecoder::GetByte() {
  uint8_t b = PeekByte();
  ++pos_;
  return b;
}

uint64_t KeyDecoder::GetBigEndian(int width) {
  if (pos_ + width > bytes_.size()) Corrupt("unexpected end");
  uint64_t v = 0;
  for (int i = 0; i < width; ++i) v = (v << 8) | GetByte();
  return v;
}

uint32_t KeyDecoder::ReadUint32() { return static_cast<uint32_t>(GetBigEndian(4)); }

uint64_t KeyDecoder::ReadUint64() { return GetBigEndian(8); }

bool KeyDecoder::PeekNull() const { return PeekByte() != key_marker::kNotNull; }

void KeyDecoder::ReadNull() {
  uint8_t m = GetByte();
  if (m != key_marker::kNullFirst && m != key_marker::kNullLast) Corrupt("expected NULL");
}

void KeyDecoder::ReadNotNullMarker() {
  if (GetByte() != key_marker::kNotNull) Corrupt("unexpected NULL");
}

int64_t KeyDecoder::ReadInt64() {
  ReadNotNullMarker();
  return static_cast<int64_t>(GetBigEndian(8) ^ (uint64_t{1} << 63));
}

double KeyDecoder::ReadDouble() {
  ReadNotNullMarker();
  uint64_t bits = GetBigEndian(8);
  bits = (bits & (uint64_t{1} << 63)) ? bits & ~(uint64_t{1} << 63) : ~bits;
  return std::bit_cast<double>(bits);
}

bool KeyDecoder::ReadBool() {
  ReadNotNullMarker();
  uint8_t b = GetByte();
  if (b > 1) Corrupt("bad bool");
  return b == 1;
}

std::string KeyDecoder::ReadString() {
  ReadNotNullMarker();
  std::string out;
  for (;;) {
    uint8_t b = GetByte();
    if (b != 0x00) {
      out.push_back(static_cast<char>(b));
      continue;
    }
    uint8_t next = GetByte();
    if (next == 0x01) return out;
    if (next != 0xFF) Corrupt("bad string escape");
    out.push_back('\0');
  }
}

void KeyDecoder::SkipString() {
  if (PeekNull()) {
    ReadNull();
    return;
  }
  ReadNotNullMarker();
  for (;;) {
    if (GetByte() != 0x00) continue;
    uint8_t next = GetByte();
    if (next == 0x01) return;
    if (next != 0xFF) Corrupt("bad string escape");
  }
}

}  // namespace basalt::engine::storage
