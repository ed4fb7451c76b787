#include "engine/storage/version_cursor.hpp"

#include <rocksdb/iterator.h>

#include "engine/storage/rocks_status.hpp"
#include "engine/storage/scan_bound.hpp"
#include "engine/storage/version_key.hpp"

namespace basalt::engine::storage {

namespace {
// Older versions of a key usually number a handful; stepping over them is
// cheaper than a Seek, which re-descends every level.
constexpr int kNextBeforeSeek = 4;
}  // namespace

VersionCursor::VersionCursor(std::unique_ptr<rocksdb::Iterator> it, std::string begin,
                             std::unique_ptr<ScanBound> upper_bound, Timestamp snapshot)
    : it_(std::move(it)), begin_(std::move(begin)), upper_bound_(std::move(upper_bound)), snapshot_(snapshot) {
  Seek(begin_);
}

VersionCursor::~VersionCursor() = default;

void VersionCursor::Seek(std::string_view user_key) {
  if (user_key < begin_) user_key = begin_;
  it_->Seek(VersionKey(user_key, snapshot_));
  Settle();
}

void VersionCursor::Next() {
  if (!valid_) return;
  std::string current = std::move(key_);
  SkipPastKey(current);
  Settle();
}

void VersionCursor::SkipPastKey(std::string_view user_key) {
  for (int i = 0; i < kNextBeforeSeek; ++i) {
    it_->Next();
    if (!it_->Valid() || UserKeyOf(std::string_view(it_->key().data(), it_->key().size())) != user_key) return;
  }
  // Timestamp{0} is never a commit timestamp, so this lands past every version.
  it_->Seek(VersionKey(user_key, Timestamp{0}));
  while (it_->Valid() && UserKeyOf(std::string_view(it_->key().data(), it_->key().size())) == user_key) it_->Next();
}

void VersionCursor::Settle() {
  valid_ = false;
  while (it_->Valid()) {
    std::string_view vkey(it_->key().data(), it_->key().size());
    std::string_view user_key = UserKeyOf(vkey);
    Timestamp ts = TimestampOf(vkey);
    if (ts > snapshot_) {
      // Newer than the snapshot: jump straight to the newest visible version.
      it_->Seek(VersionKey(user_key, snapshot_));
      continue;
    }
    std::string_view stored(it_->value().data(), it_->value().size());
    if (IsTombstone(stored)) {
      std::string dead(user_key);
      SkipPastKey(dead);
      continue;
    }
    key_.assign(user_key);
    value_ = VersionPayload(stored);
    ts_ = ts;
    valid_ = true;
    return;
  }
  ThrowIfError(it_->status(), "could not read from storage");
}

}  // namespace basalt::engine::storage
