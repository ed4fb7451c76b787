#include "engine/storage/version_key.hpp"

#include "engine/error/db_error.hpp"

namespace basalt::engine::storage {

void AppendVersionSuffix(std::string& out, Timestamp ts) {
  uint64_t inv = ~ts.value;
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(inv >> shift));
}

std::string VersionKey(std::string_view user_key, Timestamp ts) {
  std::string out;
  out.reserve(user_key.size() + kVersionSuffixSize);
  out.append(user_key);
  AppendVersionSuffix(out, ts);
  return out;
}

std::string_view UserKeyOf(std::string_view version_key) {
  if (version_key.size() < kVersionSuffixSize)
    throw DbError(SqlState::kDataCorrupted, "malformed version key: too short");
  return version_key.substr(0, version_key.size() - kVersionSuffixSize);
}

Timestamp TimestampOf(std::string_view version_key) {
  if (version_key.size() < kVersionSuffixSize)
    throw DbError(SqlState::kDataCorrupted, "malformed version key: too short");
  uint64_t inv = 0;
  for (size_t i = version_key.size() - kVersionSuffixSize; i < version_key.size(); ++i)
    inv = (inv << 8) | static_cast<uint8_t>(version_key[i]);
  return Timestamp{~inv};
}

std::string EncodeVersionValue(std::optional<std::string_view> value) {
  if (!value) return std::string(1, version_tag::kTombstone);
  std::string out;
  out.reserve(value->size() + 1);
  out.push_back(version_tag::kValue);
  out.append(*value);
  return out;
}

std::string EncodeVersionValue(const std::optional<std::string>& value) {
  if (!value) return EncodeVersionValue(std::optional<std::string_view>());
  return EncodeVersionValue(std::optional<std::string_view>(*value));
}

bool IsTombstone(std::string_view stored) {
  if (stored.empty()) throw DbError(SqlState::kDataCorrupted, "malformed version value: empty");
  return stored[0] == version_tag::kTombstone;
}

std::string_view VersionPayload(std::string_view stored) { return stored.substr(1); }

}  // namespace basalt::engine::storage
