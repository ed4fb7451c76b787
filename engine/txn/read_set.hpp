// engine/txn/read_set.hpp
//
// What a SERIALIZABLE transaction read from its snapshot: point keys and key
// ranges per column family. At commit, Validate() fails if any of them gained
// a version (write or delete) with ts > read_ts, i.e. something the
// transaction should have seen committed after its snapshot. Done under the
// manager's serializable-commit mutex, this is backward optimistic validation:
// serializable transactions serialize in commit-timestamp order, so write skew
// and phantoms cannot slip through. Ranges are recorded whole (a scan stopped
// early by LIMIT still claims its full range): fewer tracked bytes, more false
// aborts.
#pragma once

#include <string>
#include <vector>

#include "engine/storage/column_family.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/timestamp.hpp"

namespace basalt::engine::txn {

class ReadSet {
 public:
  void AddKey(storage::Cf cf, std::string_view key);
  void AddRange(storage::Cf cf, std::string_view begin, std::string_view end);
  bool empty() const { return keys_.empty() && ranges_.empty(); }
  void Clear();

  // True if no read key or range has a version newer than read_ts.
  bool Validate(const storage::Store& store, storage::Timestamp read_ts) const;

 private:
  struct Key {
    storage::Cf cf;
    std::string key;
  };
  struct Range {
    storage::Cf cf;
    std::string begin;
    std::string end;  // empty = unbounded
  };
  std::vector<Key> keys_;
  std::vector<Range> ranges_;
};

}  // namespace basalt::engine::txn
