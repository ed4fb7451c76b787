// engine/txn/lock_manager.hpp
//
// LockManager holds row/key locks, identified by (column family, user key
// bytes), on behalf of transactions until ReleaseAll at commit or rollback.
// Locks are in memory only: uncommitted writes never reach disk, so there is
// nothing to recover after a crash.
//
// Modes are PostgreSQL's four row-lock strengths (lock_mode.hpp). A request is
// granted when no other holder conflicts and, unless it upgrades a lock the
// transaction already holds, no earlier waiter conflicts (FIFO fairness, so a
// stream of share lockers cannot starve an updater). Waiters block on their own
// condition variable; releases grant waiters in queue order.
//
// Waiting ends with: the grant; lock_timeout (55P03 "canceling statement due to
// lock timeout"); the cancel flag (57014); or deadlock. Deadlocks are found by
// walking the wait-for graph (waiter -> conflicting holders and conflicting
// earlier waiters) when a wait starts, and again every deadlock_timeout while
// it lasts, as PostgreSQL does; the transaction whose check finds the cycle is
// the victim (40P01). One mutex guards everything; lock operations are short.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/storage/column_family.hpp"
#include "engine/txn/lock_mode.hpp"
#include "engine/txn/txn_id.hpp"

namespace basalt::engine::txn {

struct LockWaitOptions {
  std::chrono::milliseconds lock_timeout{0};         // 0 = wait forever
  std::chrono::milliseconds deadlock_timeout{1000};  // period of re-checks while waiting
  const std::atomic<bool>* cancel = nullptr;         // set -> 57014 while waiting
};

struct LockStats {
  uint64_t waits = 0;      // requests that had to wait
  uint64_t deadlocks = 0;  // 40P01 raised
  uint64_t timeouts = 0;   // lock_timeout expiries
};

class LockManager {
 public:
  LockManager() = default;
  LockManager(const LockManager&) = delete;
  LockManager& operator=(const LockManager&) = delete;

  // Acquires (or strengthens) txn's lock on (cf, key). Returns true when held;
  // false only for kSkipLocked when the lock is taken by someone else. kNoWait
  // throws 55P03 instead of waiting; kBlock waits (see the header comment).
  bool Acquire(TxnId txn, storage::Cf cf, std::string_view key, LockMode mode, LockWaitPolicy policy,
               const LockWaitOptions& opts = {});
  // Releases every lock of `txn` and grants waiters that can now proceed.
  void ReleaseAll(TxnId txn);
  // Wakes `txn` if it is waiting, so it re-checks its cancel flag now.
  void Interrupt(TxnId txn);

  // True if txn holds a lock on (cf, key) at least as strong as `mode`.
  bool Holds(TxnId txn, storage::Cf cf, std::string_view key, LockMode mode) const;
  // Number of transactions currently waiting.
  size_t WaitingCount() const;
  LockStats stats() const;

 private:
  struct Holder {
    TxnId txn;
    LockMode mode;
  };
  struct Waiter {
    TxnId txn;
    LockMode mode;
    bool upgrade = false;  // txn already holds a weaker lock here
    bool granted = false;
    std::condition_variable cv;
  };
  struct Entry {
    std::vector<Holder> holders;
    std::deque<Waiter*> queue;
  };
  struct WaitInfo {
    const std::string* key;
    Waiter* waiter;
  };

  static std::string MakeKey(storage::Cf cf, std::string_view key);
  bool Grantable(const Entry& e, TxnId txn, LockMode mode, bool upgrade, const Waiter* self) const;
  void GrantLocked(const std::string& key, Entry& e, TxnId txn, LockMode mode);
  void ProcessQueueLocked(Entry& e, const std::string& key);
  // Removes a waiter that gives up and lets others behind it proceed.
  void AbandonWaitLocked(const std::string& key, Entry& e, Waiter& w);
  bool DeadlockFromLocked(TxnId start) const;

  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<TxnId, std::vector<std::string>> held_;
  std::unordered_map<TxnId, WaitInfo> waiting_;
  LockStats stats_;
};

}  // namespace basalt::engine::txn
