#include "engine/storage/key_encoder.hpp"

#include <bit>
#include <cmath>
#include <limits>

namespace basalt::engine::storage {

void KeyEncoder::PutBigEndian(uint64_t v, int width) {
  for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) PutByte(static_cast<uint8_t>(v >> shift));
}

void KeyEncoder::AppendUint32(uint32_t v) { PutBigEndian(v, 4); }

void KeyEncoder::AppendUint64(uint64_t v) { PutBigEndian(v, 8); }

void KeyEncoder::AppendNull() { PutByte(key_marker::kNullLast); }

void KeyEncoder::AppendNull(bool nulls_first) {
  // Inversion flips the marker order, so DESC needs the opposite raw marker.
  bool raw_first = descending_ ? !nulls_first : nulls_first;
  PutByte(raw_first ? key_marker::kNullFirst : key_marker::kNullLast);
}

void KeyEncoder::AppendInt64(int64_t v) {
  PutByte(key_marker::kNotNull);
  PutBigEndian(static_cast<uint64_t>(v) ^ (uint64_t{1} << 63), 8);
}

void KeyEncoder::AppendDouble(double v) {
  PutByte(key_marker::kNotNull);
  // Canonicalise first: -0 == 0 and all NaNs are one value (PostgreSQL's
  // float8 comparison treats them so), then map IEEE bits to unsigned order.
  if (std::isnan(v)) v = std::numeric_limits<double>::quiet_NaN();
  if (v == 0.0) v = 0.0;
  uint64_t bits = std::bit_cast<uint64_t>(v);
  if (std::isnan(v)) bits &= ~(uint64_t{1} << 63);
  bits = (bits & (uint64_t{1} << 63)) ? ~bits : bits | (uint64_t{1} << 63);
  PutBigEndian(bits, 8);
}

void KeyEncoder::AppendBool(bool v) {
  PutByte(key_marker::kNotNull);
  PutByte(v ? 1 : 0);
}

void KeyEncoder::AppendString(std::string_view v) {
  PutByte(key_marker::kNotNull);
  for (char c : v) {
    PutByte(static_cast<uint8_t>(c));
    if (c == '\0') PutByte(0xFF);
  }
  PutByte(0x00);
  PutByte(0x01);
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    if (static_cast<uint8_t>(out.back()) != 0xFF) {
      out.back() = static_cast<char>(static_cast<uint8_t>(out.back()) + 1);
      return out;
    }
    out.pop_back();
  }
  return out;
}

}  // namespace basalt::engine::storage
