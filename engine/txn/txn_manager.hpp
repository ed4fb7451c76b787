// engine/txn/txn_manager.hpp
//
// TxnManager starts transactions and orders their commits.
//
// Visible watermark W: every commit with ts <= W has been applied to RocksDB,
// so a snapshot at W is stable and complete. Snapshots are W. A commit takes
// its timestamp from the HybridClock (so it exceeds every snapshot already
// handed out, all of which are <= W < clock), registers it as in flight, writes
// its batch WITHOUT holding the manager mutex (concurrent synced writes share
// one WAL fsync: RocksDB group commit), unregisters, and advances W to just
// below the oldest commit still in flight (or to the newest commit if none
// is). Commit returns only once W >= its timestamp, so a client that saw
// COMMIT succeed will see the data from any new snapshot.
//
// SERIALIZABLE commits validate their read set and write while holding a
// dedicated mutex, so validation always sees every earlier serializable
// commit (they do not share fsyncs with each other; other levels do).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <span>

#include "engine/storage/mutation.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/timestamp.hpp"
#include "engine/txn/hybrid_clock.hpp"
#include "engine/txn/isolation_level.hpp"
#include "engine/txn/lock_manager.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine::txn {

struct TxnStats {
  uint64_t committed = 0;        // commits that wrote data
  uint64_t read_only_commits = 0;
  uint64_t rolled_back = 0;
  uint64_t serialization_failures = 0;  // 40001 raised by this layer
};

class TxnManager {
 public:
  // Default limit on a transaction's buffered writes (see WriteBuffer).
  static constexpr size_t kDefaultWriteBufferLimit = size_t{512} << 20;

  explicit TxnManager(storage::Store& store);
  TxnManager(const TxnManager&) = delete;
  TxnManager& operator=(const TxnManager&) = delete;

  // A new open transaction reading at the current watermark.
  std::unique_ptr<Transaction> Begin(IsolationLevel isolation = IsolationLevel::kReadCommitted,
                                     bool read_only = false);
  // Largest ts at or below which every commit has been applied.
  storage::Timestamp VisibleWatermark() const { return storage::Timestamp{watermark_.load(std::memory_order_acquire)}; }

  storage::Store& store() { return store_; }
  LockManager& locks() { return locks_; }
  HybridClock& clock() { return clock_; }

  // Default for new transactions: fsync the WAL at commit (synchronous_commit).
  void SetSynchronousCommit(bool on) { sync_commit_.store(on); }
  bool synchronous_commit() const { return sync_commit_.load(); }
  void SetWriteBufferLimit(size_t bytes) { write_limit_.store(bytes); }
  TxnStats stats() const;

 private:
  friend class Transaction;
  // Writes a transaction's batch at a new commit timestamp (see header
  // comment); with `reads`, validates them first (40001 on conflict).
  storage::Timestamp CommitWrites(std::span<const storage::Mutation> mutations, const ReadSet* reads,
                                  storage::Timestamp read_ts, bool sync);
  void AdvanceWatermarkLocked();
  void CountRollback();
  void CountReadOnlyCommit();
  void CountSerializationFailure();

  storage::Store& store_;
  HybridClock clock_;
  LockManager locks_;
  std::atomic<uint64_t> next_txn_id_{1};
  std::atomic<bool> sync_commit_{true};
  std::atomic<size_t> write_limit_{kDefaultWriteBufferLimit};

  // Guards in_flight_, last_issued_, stats_. Held across clock_.Now(), which
  // persists its high-water mark (one synced write per ~0.5 s); never across
  // a commit batch.
  mutable std::mutex mu_;
  std::condition_variable visible_cv_;
  std::set<uint64_t> in_flight_;
  uint64_t last_issued_ = 0;
  std::atomic<uint64_t> watermark_{0};
  TxnStats stats_;

  std::mutex serializable_mu_;
};

}  // namespace basalt::engine::txn
