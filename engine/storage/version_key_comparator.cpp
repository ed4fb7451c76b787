#include "engine/storage/version_key_comparator.hpp"

#include <algorithm>
#include <cstring>

#include "engine/storage/version_key.hpp"

namespace basalt::engine::storage {

namespace {
int CompareBytes(const char* a, size_t an, const char* b, size_t bn) {
  int r = std::memcmp(a, b, std::min(an, bn));
  if (r != 0) return r;
  return an < bn ? -1 : (an > bn ? 1 : 0);
}
}  // namespace

int VersionKeyComparator::Compare(const rocksdb::Slice& a, const rocksdb::Slice& b) const {
  size_t a_user = a.size() >= kVersionSuffixSize ? a.size() - kVersionSuffixSize : a.size();
  size_t b_user = b.size() >= kVersionSuffixSize ? b.size() - kVersionSuffixSize : b.size();
  int r = CompareBytes(a.data(), a_user, b.data(), b_user);
  if (r != 0) return r;
  return CompareBytes(a.data() + a_user, a.size() - a_user, b.data() + b_user, b.size() - b_user);
}

const VersionKeyComparator* VersionKeyComparator::Instance() {
  static const VersionKeyComparator instance;
  return &instance;
}

rocksdb::Slice VersionPrefixExtractor::Transform(const rocksdb::Slice& key) const {
  return rocksdb::Slice(key.data(), key.size() - kVersionSuffixSize);
}

bool VersionPrefixExtractor::InDomain(const rocksdb::Slice& key) const { return key.size() >= kVersionSuffixSize; }

}  // namespace basalt::engine::storage
