#include "engine/txn/read_set.hpp"

namespace basalt::engine::txn {

void ReadSet::AddKey(storage::Cf cf, std::string_view key) {
  // Repeated reads of one key (a loop of lookups) are common; skip the latest duplicate.
  if (!keys_.empty() && keys_.back().cf == cf && keys_.back().key == key) return;
  keys_.push_back(Key{cf, std::string(key)});
}

void ReadSet::AddRange(storage::Cf cf, std::string_view begin, std::string_view end) {
  ranges_.push_back(Range{cf, std::string(begin), std::string(end)});
}

void ReadSet::Clear() {
  keys_.clear();
  ranges_.clear();
}

bool ReadSet::Validate(const storage::Store& store, storage::Timestamp read_ts) const {
  for (const Key& k : keys_) {
    auto ts = store.LatestVersionTs(k.cf, k.key);
    if (ts && *ts > read_ts) return false;
  }
  for (const Range& r : ranges_)
    if (store.HasVersionAfter(r.cf, r.begin, r.end, read_ts)) return false;
  return true;
}

}  // namespace basalt::engine::txn
