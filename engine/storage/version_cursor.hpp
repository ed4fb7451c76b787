// engine/storage/version_cursor.hpp
//
// VersionCursor walks the user keys of one versioned column family in [begin,
// end) in key order, yielding each key at its newest version with ts <= the
// snapshot and skipping keys whose visible version is a tombstone. After a
// key's visible version it skips that key's older versions (a few Next() calls,
// then a Seek past the key). key()/value() stay valid until the next move.
// I/O errors surface as DbError from the moving calls.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/storage/timestamp.hpp"

namespace rocksdb {
class Iterator;
}

namespace basalt::engine::storage {

struct ScanBound;

class VersionCursor {
 public:
  // Takes ownership of `it`, created with an upper bound already encoded by Store.
  VersionCursor(std::unique_ptr<rocksdb::Iterator> it, std::string begin, std::unique_ptr<ScanBound> upper_bound,
                Timestamp snapshot);
  ~VersionCursor();
  VersionCursor(const VersionCursor&) = delete;
  VersionCursor& operator=(const VersionCursor&) = delete;

  bool Valid() const { return valid_; }
  std::string_view key() const { return key_; }      // user key
  std::string_view value() const { return value_; }  // value bytes (no tag)
  Timestamp timestamp() const { return ts_; }        // commit ts of the version shown
  void Next();
  // Positions at the first visible key >= max(user_key, begin).
  void Seek(std::string_view user_key);

 private:
  // From the iterator's position, advance to the next visible, live version.
  void Settle();
  void SkipPastKey(std::string_view user_key);

  std::unique_ptr<rocksdb::Iterator> it_;
  std::string begin_;
  std::unique_ptr<ScanBound> upper_bound_;  // iterate_upper_bound points here (may be null)
  Timestamp snapshot_;
  bool valid_ = false;
  std::string key_;
  std::string_view value_;
  Timestamp ts_;
};

}  // namespace basalt::engine::storage
