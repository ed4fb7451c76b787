#include "engine/txn/lock_manager.hpp"

#include <algorithm>
#include <unordered_set>

#include "engine/error/db_error.hpp"

namespace basalt::engine::txn {

namespace {
// Without an explicit Interrupt, a waiter notices its cancel flag within this.
constexpr std::chrono::milliseconds kCancelPoll{20};
}  // namespace

std::string LockManager::MakeKey(storage::Cf cf, std::string_view key) {
  std::string out;
  out.reserve(key.size() + 1);
  out.push_back(static_cast<char>(cf));
  out.append(key);
  return out;
}

bool LockManager::Grantable(const Entry& e, TxnId txn, LockMode mode, bool upgrade, const Waiter* self) const {
  for (const Holder& h : e.holders)
    if (h.txn != txn && LockModesConflict(h.mode, mode)) return false;
  // Upgrades skip the queue: waiting behind a request that waits on us would
  // be a self-made deadlock.
  if (upgrade) return true;
  for (const Waiter* w : e.queue) {
    if (w == self) break;
    if (w->txn != txn && LockModesConflict(w->mode, mode)) return false;
  }
  return true;
}

void LockManager::GrantLocked(const std::string& key, Entry& e, TxnId txn, LockMode mode) {
  for (Holder& h : e.holders) {
    if (h.txn == txn) {
      if (!LockModeCovers(h.mode, mode)) h.mode = mode;
      return;
    }
  }
  e.holders.push_back(Holder{txn, mode});
  held_[txn].push_back(key);
}

void LockManager::ProcessQueueLocked(Entry& e, const std::string& key) {
  for (auto it = e.queue.begin(); it != e.queue.end();) {
    Waiter* w = *it;
    if (Grantable(e, w->txn, w->mode, w->upgrade, w)) {
      GrantLocked(key, e, w->txn, w->mode);
      w->granted = true;
      waiting_.erase(w->txn);
      w->cv.notify_one();
      it = e.queue.erase(it);
    } else {
      ++it;
    }
  }
}

void LockManager::AbandonWaitLocked(const std::string& key, Entry& e, Waiter& w) {
  e.queue.erase(std::remove(e.queue.begin(), e.queue.end(), &w), e.queue.end());
  waiting_.erase(w.txn);
  ProcessQueueLocked(e, key);
  if (e.holders.empty() && e.queue.empty()) entries_.erase(key);
}

bool LockManager::DeadlockFromLocked(TxnId start) const {
  std::vector<TxnId> stack{start};
  std::unordered_set<TxnId> visited;
  while (!stack.empty()) {
    TxnId t = stack.back();
    stack.pop_back();
    auto wi = waiting_.find(t);
    if (wi == waiting_.end()) continue;
    auto ei = entries_.find(*wi->second.key);
    if (ei == entries_.end()) continue;
    const Entry& e = ei->second;
    const Waiter* w = wi->second.waiter;
    auto visit = [&](TxnId next) {
      if (next == start) return true;
      if (visited.insert(next).second) stack.push_back(next);
      return false;
    };
    for (const Holder& h : e.holders)
      if (h.txn != t && LockModesConflict(h.mode, w->mode) && visit(h.txn)) return true;
    if (!w->upgrade) {
      for (const Waiter* other : e.queue) {
        if (other == w) break;
        if (other->txn != t && LockModesConflict(other->mode, w->mode) && visit(other->txn)) return true;
      }
    }
  }
  return false;
}

bool LockManager::Acquire(TxnId txn, storage::Cf cf, std::string_view key, LockMode mode, LockWaitPolicy policy,
                          const LockWaitOptions& opts) {
  std::string k = MakeKey(cf, key);
  std::unique_lock lock(mu_);
  auto [it, inserted] = entries_.try_emplace(k);
  Entry& e = it->second;
  const std::string& stable_key = it->first;
  bool upgrade = false;
  for (const Holder& h : e.holders) {
    if (h.txn != txn) continue;
    if (LockModeCovers(h.mode, mode)) return true;
    upgrade = true;
  }
  if (Grantable(e, txn, mode, upgrade, nullptr)) {
    GrantLocked(stable_key, e, txn, mode);
    return true;
  }
  if (policy == LockWaitPolicy::kSkipLocked) {
    if (e.holders.empty() && e.queue.empty()) entries_.erase(it);
    return false;
  }
  if (policy == LockWaitPolicy::kNoWait) {
    if (e.holders.empty() && e.queue.empty()) entries_.erase(it);
    throw DbError(SqlState::kLockNotAvailable, "could not obtain lock on row");
  }

  ++stats_.waits;
  Waiter w;
  w.txn = txn;
  w.mode = mode;
  w.upgrade = upgrade;
  e.queue.push_back(&w);
  waiting_[txn] = WaitInfo{&stable_key, &w};

  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto deadline = opts.lock_timeout.count() > 0 ? start + opts.lock_timeout : Clock::time_point::max();
  const auto dl_period = opts.deadlock_timeout.count() > 0 ? opts.deadlock_timeout : std::chrono::milliseconds(1000);
  auto next_deadlock_check = start;  // check right away: most cycles close when a wait starts
  for (;;) {
    if (w.granted) return true;
    auto now = Clock::now();
    if (opts.cancel && opts.cancel->load(std::memory_order_relaxed)) {
      AbandonWaitLocked(stable_key, e, w);
      throw DbError(SqlState::kQueryCanceled, "canceling statement due to user request");
    }
    if (now >= deadline) {
      ++stats_.timeouts;
      AbandonWaitLocked(stable_key, e, w);
      throw DbError(SqlState::kLockNotAvailable, "canceling statement due to lock timeout");
    }
    if (now >= next_deadlock_check) {
      if (DeadlockFromLocked(txn)) {
        ++stats_.deadlocks;
        AbandonWaitLocked(stable_key, e, w);
        throw DbError(SqlState::kTRDeadlockDetected, "deadlock detected")
            .WithDetail("Process was waiting for a row lock held by another transaction that waits for this one.")
            .WithHint("See server log for query details.");
      }
      next_deadlock_check = now + dl_period;
    }
    auto wake = std::min(deadline, next_deadlock_check);
    if (opts.cancel) wake = std::min(wake, now + kCancelPoll);
    w.cv.wait_until(lock, wake);
  }
}

void LockManager::ReleaseAll(TxnId txn) {
  std::lock_guard lock(mu_);
  auto hi = held_.find(txn);
  if (hi == held_.end()) return;
  for (const std::string& key : hi->second) {
    auto ei = entries_.find(key);
    if (ei == entries_.end()) continue;
    Entry& e = ei->second;
    std::erase_if(e.holders, [&](const Holder& h) { return h.txn == txn; });
    ProcessQueueLocked(e, ei->first);
    if (e.holders.empty() && e.queue.empty()) entries_.erase(ei);
  }
  held_.erase(txn);
}

void LockManager::Interrupt(TxnId txn) {
  std::lock_guard lock(mu_);
  auto wi = waiting_.find(txn);
  if (wi != waiting_.end()) wi->second.waiter->cv.notify_one();
}

bool LockManager::Holds(TxnId txn, storage::Cf cf, std::string_view key, LockMode mode) const {
  std::lock_guard lock(mu_);
  auto ei = entries_.find(MakeKey(cf, key));
  if (ei == entries_.end()) return false;
  for (const Holder& h : ei->second.holders)
    if (h.txn == txn) return LockModeCovers(h.mode, mode);
  return false;
}

size_t LockManager::WaitingCount() const {
  std::lock_guard lock(mu_);
  return waiting_.size();
}

LockStats LockManager::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

}  // namespace basalt::engine::txn
