#include "engine/txn/txn_manager.hpp"

#include "engine/error/db_error.hpp"

namespace basalt::engine::txn {

TxnManager::TxnManager(storage::Store& store) : store_(store), clock_(store) {
  // Everything in the store committed in an earlier run, below the clock's
  // persisted mark; a fresh timestamp is a valid first watermark.
  last_issued_ = clock_.Now().value;
  watermark_.store(last_issued_);
}

std::unique_ptr<Transaction> TxnManager::Begin(IsolationLevel isolation, bool read_only) {
  TxnId id{next_txn_id_.fetch_add(1)};
  return std::unique_ptr<Transaction>(
      new Transaction(*this, id, isolation, read_only, VisibleWatermark(), write_limit_.load(), sync_commit_.load()));
}

void TxnManager::AdvanceWatermarkLocked() {
  uint64_t w = in_flight_.empty() ? last_issued_ : *in_flight_.begin() - 1;
  if (w > watermark_.load(std::memory_order_relaxed)) watermark_.store(w, std::memory_order_release);
}

storage::Timestamp TxnManager::CommitWrites(std::span<const storage::Mutation> mutations, const ReadSet* reads,
                                            storage::Timestamp read_ts, bool sync) {
  std::unique_lock<std::mutex> serial;
  if (reads) {
    serial = std::unique_lock(serializable_mu_);
    if (!reads->Validate(store_, read_ts)) {
      CountSerializationFailure();
      throw DbError(SqlState::kTRSerializationFailure,
                    "could not serialize access due to read/write dependencies among transactions")
          .WithDetail("Reason code: Canceled on commit attempt, a row read by this transaction was changed.")
          .WithHint("The transaction might succeed if retried.");
    }
  }
  uint64_t ts;
  {
    std::lock_guard lock(mu_);
    ts = clock_.Now().value;
    last_issued_ = ts;
    in_flight_.insert(ts);
  }
  try {
    store_.Commit(mutations, storage::Timestamp{ts}, sync);
  } catch (...) {
    std::lock_guard lock(mu_);
    in_flight_.erase(ts);
    AdvanceWatermarkLocked();
    visible_cv_.notify_all();
    throw;
  }
  std::unique_lock lock(mu_);
  in_flight_.erase(ts);
  AdvanceWatermarkLocked();
  ++stats_.committed;
  visible_cv_.notify_all();
  // Earlier commits still writing hold the watermark below us; wait for them
  // so "COMMIT returned" implies "visible to every new snapshot".
  visible_cv_.wait(lock, [&] { return watermark_.load(std::memory_order_relaxed) >= ts; });
  return storage::Timestamp{ts};
}

TxnStats TxnManager::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

void TxnManager::CountRollback() {
  std::lock_guard lock(mu_);
  ++stats_.rolled_back;
}

void TxnManager::CountReadOnlyCommit() {
  std::lock_guard lock(mu_);
  ++stats_.read_only_commits;
}

void TxnManager::CountSerializationFailure() {
  std::lock_guard lock(mu_);
  ++stats_.serialization_failures;
}

}  // namespace basalt::engine::txn
