#include "engine/txn/write_buffer.hpp"

#include "engine/error/db_error.hpp"

namespace basalt::engine::txn {

const std::optional<std::string>* WriteBuffer::Find(storage::Cf cf, std::string_view key) const {
  const Map& m = maps_[static_cast<size_t>(cf)];
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second.value;
}

void WriteBuffer::Write(storage::Cf cf, std::string_view key, std::optional<std::string> value,
                        uint64_t statement) {
  Map& m = maps_[static_cast<size_t>(cf)];
  auto it = m.lower_bound(key);
  bool exists = it != m.end() && it->first == key;
  Entry next;
  next.statement = statement;
  if (!exists) {
    next.before = std::nullopt;
  } else if (it->second.statement == statement) {
    next.before = it->second.before;  // still this statement: keep its start state
  } else {
    next.before = std::optional<std::optional<std::string>>(it->second.value);
  }
  next.value = std::move(value);
  size_t add = Cost(key, next);
  size_t removed = exists && !undo_enabled_ ? Cost(key, it->second) : 0;
  if (bytes_ - removed + add > limit_bytes_)
    throw DbError(SqlState::kProgramLimitExceeded, "transaction write set exceeds the buffered write limit")
        .WithDetail("The transaction has buffered " + std::to_string(bytes_) + " bytes of writes; the limit is " +
                    std::to_string(limit_bytes_) + " bytes.")
        .WithHint("Split the work into smaller transactions.");
  if (exists) {
    // With undo logging the old entry moves to the log and stays counted.
    if (undo_enabled_) undo_.push_back(Undo{cf, std::string(key), std::move(it->second)});
    it->second = std::move(next);
  } else {
    if (undo_enabled_) undo_.push_back(Undo{cf, std::string(key), std::nullopt});
    m.emplace_hint(it, std::string(key), std::move(next));
    ++count_;
  }
  bytes_ = bytes_ - removed + add;
}

size_t WriteBuffer::Mark() {
  undo_enabled_ = true;
  return undo_.size();
}

void WriteBuffer::RollbackTo(size_t mark) {
  while (undo_.size() > mark) {
    Undo& u = undo_.back();
    Map& m = maps_[static_cast<size_t>(u.cf)];
    auto it = m.find(u.key);
    if (it != m.end()) {
      bytes_ -= Cost(it->first, it->second);
      if (u.previous) {
        // The restored value's cost stays counted from when it was written.
        it->second = std::move(*u.previous);
      } else {
        m.erase(it);
        --count_;
      }
    }
    undo_.pop_back();
  }
}

void WriteBuffer::DropUndo() {
  undo_enabled_ = false;
  // Entries an undo record replaced stayed counted (Write); uncount just
  // those, so releasing a savepoint costs the size of its log, not of the
  // whole buffer (COPY releases one per batch).
  for (const Undo& u : undo_) {
    if (u.previous) bytes_ -= Cost(u.key, *u.previous);
  }
  undo_.clear();
}

std::vector<storage::Mutation> WriteBuffer::Drain() {
  std::vector<storage::Mutation> out;
  out.reserve(count_);
  for (size_t i = 0; i < maps_.size(); ++i) {
    Map& m = maps_[i];
    while (!m.empty()) {
      auto node = m.extract(m.begin());
      out.push_back(
          storage::Mutation{static_cast<storage::Cf>(i), std::move(node.key()), std::move(node.mapped().value)});
    }
  }
  Clear();
  return out;
}

void WriteBuffer::Clear() {
  for (Map& m : maps_) m.clear();
  undo_.clear();
  undo_enabled_ = false;
  count_ = 0;
  bytes_ = 0;
}

}  // namespace basalt::engine::txn
