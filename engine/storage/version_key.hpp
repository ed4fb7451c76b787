// engine/storage/version_key.hpp
//
// Each version of a user key lives in a versioned column family as
//   <user key><~commit_ts, 8 bytes big-endian>  ->  <tag><value bytes>
// with tag 0 = tombstone (the key was deleted at commit_ts), 1 = value.
// ~commit_ts sorts newest first, so Seek(VersionKey(k, snapshot)) lands on the
// newest version of k a reader at `snapshot` may see. The column families use
// VersionKeyComparator (user key first, then suffix), so all versions of one
// user key are contiguous even when one user key prefixes another, and the
// prefix extractor (VersionPrefixExtractor) drops the suffix so bloom filters
// work per user key, not per version.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/storage/timestamp.hpp"

namespace basalt::engine::storage {

inline constexpr size_t kVersionSuffixSize = 8;

namespace version_tag {
inline constexpr char kTombstone = 0;
inline constexpr char kValue = 1;
}  // namespace version_tag

// user_key followed by the inverted big-endian timestamp.
std::string VersionKey(std::string_view user_key, Timestamp ts);
// Appends the 8-byte suffix for `ts` to `out`.
void AppendVersionSuffix(std::string& out, Timestamp ts);

// The user key part of a version key (everything but the last 8 bytes).
std::string_view UserKeyOf(std::string_view version_key);
// The commit timestamp of a version key.
Timestamp TimestampOf(std::string_view version_key);

// Encodes a version value: tag byte plus value bytes (nullopt = tombstone).
std::string EncodeVersionValue(const std::optional<std::string>& value);
std::string EncodeVersionValue(std::optional<std::string_view> value);
// True if the stored version value is a tombstone.
bool IsTombstone(std::string_view stored);
// The value bytes of a stored (non-tombstone) version value.
std::string_view VersionPayload(std::string_view stored);

}  // namespace basalt::engine::storage
