#include "engine/txn/cursor.hpp"

namespace basalt::engine::txn {

Cursor::Cursor(std::unique_ptr<storage::VersionCursor> snapshot, const WriteBuffer::Map& buffer, std::string begin,
               std::string end, std::optional<uint64_t> hide_statement)
    : snapshot_(std::move(snapshot)),
      buffer_(buffer),
      begin_(std::move(begin)),
      end_(std::move(end)),
      hide_statement_(hide_statement) {
  buf_it_ = buffer_.lower_bound(begin_);
  Settle();
}

bool Cursor::BufferValid() const {
  // The end is checked on every step because the map may grow while we scan.
  return buf_it_ != buffer_.end() && (end_.empty() || std::string_view(buf_it_->first) < end_);
}

std::string_view Cursor::key() const {
  return source_ == Source::kSnapshot ? snapshot_->key() : std::string_view(buf_it_->first);
}

std::string_view Cursor::value() const {
  return source_ == Source::kSnapshot ? snapshot_->value() : buf_value_;
}

std::optional<const std::string*> Cursor::View(const WriteBuffer::Entry& e) const {
  if (hide_statement_ && e.statement == *hide_statement_) {
    if (!e.before) return std::nullopt;
    return *e.before ? &**e.before : nullptr;
  }
  return e.value ? &*e.value : nullptr;
}

void Cursor::Settle() {
  for (;;) {
    bool s = snapshot_->Valid();
    bool b = BufferValid();
    if (!s && !b) {
      valid_ = false;
      return;
    }
    if (b && (!s || std::string_view(buf_it_->first) <= snapshot_->key())) {
      bool both = s && std::string_view(buf_it_->first) == snapshot_->key();
      auto view = View(buf_it_->second);
      if (!view) {  // not buffered as of this cursor: the snapshot shows through
        ++buf_it_;
        continue;
      }
      if (*view == nullptr) {  // our own delete hides the key
        if (both) snapshot_->Next();
        ++buf_it_;
        continue;
      }
      source_ = both ? Source::kBoth : Source::kBuffer;
      buf_value_ = **view;
    } else {
      source_ = Source::kSnapshot;
    }
    valid_ = true;
    return;
  }
}

void Cursor::Next() {
  if (!valid_) return;
  if (buffer_.empty()) {
    snapshot_->Next();
    Settle();
    return;
  }
  // Re-find our place in the buffer instead of ++: the caller may have
  // inserted keys since we last positioned the iterator.
  std::string current(key());
  if (source_ != Source::kBuffer) snapshot_->Next();
  buf_it_ = buffer_.upper_bound(current);
  Settle();
}

void Cursor::Seek(std::string_view user_key) {
  if (user_key < begin_) user_key = begin_;
  snapshot_->Seek(user_key);
  buf_it_ = buffer_.lower_bound(user_key);
  Settle();
}

}  // namespace basalt::engine::txn
