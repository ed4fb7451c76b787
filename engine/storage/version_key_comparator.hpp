// engine/storage/version_key_comparator.hpp
//
// RocksDB plumbing for the versioned column families (internal to storage/).
// VersionKeyComparator orders version keys by user key (bytewise), then by the
// 8-byte ~ts suffix, so every version of a user key is contiguous and user keys
// iterate in memcmp order even when one is a prefix of another. The prefix
// extractor maps a version key to its user key for prefix bloom filters.
// Keys shorter than the suffix (never written, but RocksDB may compare bounds)
// compare as a user key with an empty suffix.
#pragma once

#include <rocksdb/comparator.h>
#include <rocksdb/slice_transform.h>

namespace basalt::engine::storage {

class VersionKeyComparator final : public rocksdb::Comparator {
 public:
  const char* Name() const override { return "basalt.VersionKeyComparator.v1"; }
  int Compare(const rocksdb::Slice& a, const rocksdb::Slice& b) const override;
  void FindShortestSeparator(std::string*, const rocksdb::Slice&) const override {}
  void FindShortSuccessor(std::string*) const override {}
  bool CanKeysWithDifferentByteContentsBeEqual() const override { return false; }
  // The process-wide instance (RocksDB keeps raw pointers to it).
  static const VersionKeyComparator* Instance();
};

class VersionPrefixExtractor final : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "basalt.VersionPrefix.v1"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override;
  bool InDomain(const rocksdb::Slice& key) const override;
};

}  // namespace basalt::engine::storage
