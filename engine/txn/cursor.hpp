// engine/txn/cursor.hpp
//
// Cursor is a transaction's range scan: the snapshot's visible versions
// (storage::VersionCursor) merged in key order with the transaction's own
// buffered writes in the same range. A buffered value replaces the snapshot's
// value for its key, a buffered delete hides the key, and buffered inserts
// appear in their key position: read-your-own-writes for scans.
//
// With OwnWrites::kBeforeStatement the cursor sees the buffer as it was when
// the given statement began (writes of that statement are invisible to it),
// which is what PostgreSQL's UPDATE/DELETE/INSERT ... SELECT scans see.
//
// key()/value() stay valid until the cursor moves or the transaction writes.
// Writes made while the cursor is open (e.g. UPDATE of the current row) are
// allowed; ones at keys ahead of the cursor will be seen when it gets there.
// RollbackTo/Rollback must not run while a cursor is open.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/storage/version_cursor.hpp"
#include "engine/txn/write_buffer.hpp"

namespace basalt::engine::txn {

// Which of the transaction's own writes a scan sees.
enum class OwnWrites {
  kAll,              // every buffered write, including the current statement's
  kBeforeStatement,  // only writes of earlier statements (Halloween-safe)
};

class Cursor {
 public:
  // `hide_statement`: writes whose latest statement is this one are seen as
  // they were before it (nullopt: see everything).
  Cursor(std::unique_ptr<storage::VersionCursor> snapshot, const WriteBuffer::Map& buffer, std::string begin,
         std::string end, std::optional<uint64_t> hide_statement = std::nullopt);

  bool Valid() const { return valid_; }
  std::string_view key() const;
  std::string_view value() const;
  void Next();
  // Positions at the first visible key >= max(user_key, begin).
  void Seek(std::string_view user_key);

 private:
  enum class Source { kSnapshot, kBuffer, kBoth };
  bool BufferValid() const;
  void Settle();
  // The buffer entry's effect for this cursor: nullopt = not buffered (the
  // snapshot shows through); else the value, or nullptr for a delete.
  std::optional<const std::string*> View(const WriteBuffer::Entry& e) const;

  std::unique_ptr<storage::VersionCursor> snapshot_;
  const WriteBuffer::Map& buffer_;
  WriteBuffer::Map::const_iterator buf_it_;
  std::string begin_;
  std::string end_;
  std::optional<uint64_t> hide_statement_;
  std::string_view buf_value_;
  bool valid_ = false;
  Source source_ = Source::kSnapshot;
};

}  // namespace basalt::engine::txn
