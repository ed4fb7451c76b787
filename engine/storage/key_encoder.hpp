// engine/storage/key_encoder.hpp
//
// KeyEncoder builds order-preserving keys: for two value sequences a and b of the
// same column types, memcmp(Encode(a), Encode(b)) has the sign of comparing a and
// b field by field in SQL order. Layout per field:
//
//   AppendUint32   4 bytes big-endian (object ids; no null marker)
//   value fields   1-byte marker (0x01 not null, 0x02 NULL sorting last, 0x00
//                  NULL sorting first) followed, when not null, by:
//     int64        8 bytes big-endian with the sign bit flipped
//     double       8 bytes: IEEE bits, negatives inverted, positives with the
//                  sign bit set; -0 encodes as 0 and every NaN as one NaN that
//                  sorts above +inf (PostgreSQL orders NaN largest)
//     bool         1 byte 0/1
//     string/bytes bytes with 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x01,
//                  so a string sorts before every string it prefixes
//
// SetDescending(true) inverts every byte appended afterwards (markers included),
// which reverses the order of those fields; NULL then sorts first, as in
// PostgreSQL's DESC default (NULLS FIRST). Encodings are self-delimiting, so
// KeyDecoder can read them back.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace basalt::engine::storage {

namespace key_marker {
inline constexpr uint8_t kNullFirst = 0x00;
inline constexpr uint8_t kNotNull = 0x01;
inline constexpr uint8_t kNullLast = 0x02;
}  // namespace key_marker

class KeyEncoder {
 public:
  KeyEncoder() = default;
  explicit KeyEncoder(std::string prefix) : bytes_(std::move(prefix)) {}

  void AppendUint32(uint32_t v);  // object ids; no marker
  void AppendUint64(uint64_t v);  // hidden row ids etc.; no marker
  // NULL in PostgreSQL's default place: last for ASC, first for DESC.
  void AppendNull();
  // NULL placed explicitly (NULLS FIRST / NULLS LAST) in the final key order.
  void AppendNull(bool nulls_first);
  void AppendInt64(int64_t v);
  void AppendDouble(double v);
  void AppendBool(bool v);
  void AppendString(std::string_view v);
  void AppendBytes(std::string_view v) { AppendString(v); }
  // Appends bytes verbatim (already-encoded key pieces); not inverted.
  void AppendRaw(std::string_view raw) { bytes_.append(raw); }

  // Fields appended after this call are inverted (true) or not (false).
  void SetDescending(bool descending) { descending_ = descending; }
  bool descending() const { return descending_; }

  const std::string& bytes() const { return bytes_; }
  std::string Release() { return std::move(bytes_); }
  void Clear() { bytes_.clear(); descending_ = false; }

 private:
  void PutByte(uint8_t b) { bytes_.push_back(static_cast<char>(descending_ ? ~b : b)); }
  void PutBigEndian(uint64_t v, int width);

  std::string bytes_;
  bool descending_ = false;
};

// The smallest key greater than every key that starts with `prefix` (for the
// exclusive end of a prefix scan); empty when no such key exists (all 0xFF).
std::string PrefixSuccessor(std::string_view prefix);

}  // namespace basalt::engine::storage
