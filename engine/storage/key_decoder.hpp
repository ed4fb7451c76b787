// engine/storage/key_decoder.hpp
//
// KeyDecoder reads back what KeyEncoder wrote, field by field, in the same order
// and with the same SetDescending() calls. Lossy only where the encoding is: -0
// reads back as 0 and every NaN as the canonical quiet NaN. Malformed input
// throws DbError XX001 (data corrupted).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace basalt::engine::storage {

class KeyDecoder {
 public:
  explicit KeyDecoder(std::string_view bytes) : bytes_(bytes) {}

  uint32_t ReadUint32();
  uint64_t ReadUint64();
  // True if the next value field is NULL (does not consume it).
  bool PeekNull() const;
  // Consumes a NULL field; throws if the next field is not NULL.
  void ReadNull();
  int64_t ReadInt64();
  double ReadDouble();
  bool ReadBool();
  std::string ReadString();
  std::string ReadBytes() { return ReadString(); }
  // Skips one string/bytes field (NULL or not) without materialising it.
  void SkipString();

  void SetDescending(bool descending) { descending_ = descending; }
  bool AtEnd() const { return pos_ >= bytes_.size(); }
  size_t position() const { return pos_; }
  std::string_view remaining() const { return bytes_.substr(pos_); }

 private:
  uint8_t GetByte();
  uint8_t PeekByte() const;
  uint64_t GetBigEndian(int width);
  void ReadNotNullMarker();

  std::string_view bytes_;
  size_t pos_ = 0;
  bool descending_ = false;
};

}  // namespace basalt::engine::storage
