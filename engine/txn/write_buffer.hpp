// engine/txn/write_buffer.hpp
//
// A transaction's uncommitted writes: per column family an ordered map from
// user key to the new value (nullopt = delete), so reads can merge it with the
// snapshot in key order and Commit can hand it to Store as one batch.
// Each entry remembers the statement that last wrote it and the entry's state
// before that statement, so a cursor can read the buffer as of the start of
// its statement (PostgreSQL's command-id visibility: an UPDATE's scan does not
// see rows the same UPDATE wrote, which prevents the Halloween problem).
// Savepoints use an undo log of previous buffer states, recorded only while a
// savepoint is active. Memory is bounded by a byte limit (54000 when exceeded)
// until spilling is implemented.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/column_family.hpp"
#include "engine/storage/mutation.hpp"

namespace basalt::engine::txn {

class WriteBuffer {
 public:
  struct Entry {
    std::optional<std::string> value;  // nullopt = buffered delete
    uint64_t statement = 0;            // statement that last wrote the key
    // State before `statement` wrote it: outer nullopt = not buffered then.
    std::optional<std::optional<std::string>> before;
  };
  using Map = std::map<std::string, Entry, std::less<>>;

  explicit WriteBuffer(size_t limit_bytes) : limit_bytes_(limit_bytes) {}

  // The buffered write of key: nullptr if none; else *result is the value or
  // nullopt for a buffered delete. Valid until the next write.
  const std::optional<std::string>* Find(storage::Cf cf, std::string_view key) const;
  // Buffers a put (value) or delete (nullopt) made by statement `statement`.
  // Throws 54000 past the limit.
  void Write(storage::Cf cf, std::string_view key, std::optional<std::string> value, uint64_t statement);
  const Map& map(storage::Cf cf) const { return maps_[static_cast<size_t>(cf)]; }

  bool empty() const { return count_ == 0; }
  size_t count() const { return count_; }
  size_t bytes() const { return bytes_; }

  // Starts undo logging and returns the current undo position.
  size_t Mark();
  // Restores the buffer to its state at `mark`.
  void RollbackTo(size_t mark);
  // Stops undo logging (no savepoint left) and frees the log.
  void DropUndo();

  // Moves every write out as commit mutations (the buffer is left empty).
  std::vector<storage::Mutation> Drain();
  void Clear();

 private:
  struct Undo {
    storage::Cf cf;
    std::string key;
    std::optional<Entry> previous;  // nullopt: was not buffered
  };
  static size_t Cost(std::string_view key, const Entry& e) {
    size_t before = e.before && *e.before ? (*e.before)->size() : 0;
    return key.size() + (e.value ? e.value->size() : 0) + before + 64;  // 64: node overhead, roughly
  }

  std::array<Map, storage::kCfCount> maps_;
  std::vector<Undo> undo_;
  bool undo_enabled_ = false;
  size_t count_ = 0;
  size_t bytes_ = 0;
  size_t limit_bytes_;
};

}  // namespace basalt::engine::txn
