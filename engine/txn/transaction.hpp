// engine/txn/transaction.hpp
//
// A Transaction reads a snapshot (read_ts, a visible watermark) merged with its
// own buffered writes, buffers writes in memory, takes row locks, and at
// Commit writes everything as one batch at a fresh commit timestamp.
//
// Isolation, as PostgreSQL defines it:
//   READ COMMITTED   every BeginStatement() takes a fresh snapshot. After a
//                    row lock, GetForUpdate returns the newest committed
//                    version so the caller re-checks its WHERE clause
//                    (PostgreSQL's EvalPlanQual). Never 40001.
//   REPEATABLE READ  one snapshot, taken at the first statement. GetForUpdate
//                    of a row committed by someone else after it: 40001.
//   SERIALIZABLE     as REPEATABLE READ, plus keys and ranges read are
//                    validated at commit (read_set.hpp): 40001 on overlap.
//
// A transaction is used by one thread at a time. Locks are released only when
// the commit is durable and visible to new snapshots, or on rollback. The
// destructor rolls back an open transaction.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/column_family.hpp"
#include "engine/storage/timestamp.hpp"
#include "engine/txn/cursor.hpp"
#include "engine/txn/isolation_level.hpp"
#include "engine/txn/lock_manager.hpp"
#include "engine/txn/lock_mode.hpp"
#include "engine/txn/read_set.hpp"
#include "engine/txn/txn_id.hpp"
#include "engine/txn/write_buffer.hpp"

namespace basalt::engine::txn {

class TxnManager;

struct SavepointId {
  uint64_t value = 0;
  auto operator<=>(const SavepointId&) const = default;
};

class Transaction {
 public:
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  TxnId id() const { return id_; }
  IsolationLevel isolation() const { return isolation_; }
  bool read_only() const { return read_only_; }
  storage::Timestamp read_ts() const { return read_ts_; }
  bool is_open() const { return state_ == State::kOpen; }
  bool has_writes() const { return !buffer_.empty(); }
  size_t write_count() const { return buffer_.count(); }
  // Statements begun so far (BeginStatement calls); writes are tagged with it.
  uint64_t statement() const { return statements_; }

  // SET TRANSACTION ... before the first statement; later: 25001.
  void SetIsolation(IsolationLevel level);
  void SetReadOnly(bool read_only);

  // Call before each statement. The first call (any level) and every call
  // under READ COMMITTED take a fresh snapshot at the visible watermark.
  // `command` (e.g. "UPDATE") names the statement in read-only errors.
  void BeginStatement(std::string_view command = {});

  // Own buffered write first, then the snapshot. nullopt = absent or deleted.
  std::optional<std::string> Get(storage::Cf cf, std::string_view user_key);
  // Keys in [begin, end) (end empty = unbounded): snapshot merged with own
  // writes. kBeforeStatement hides writes of the current statement (use it for
  // the scans feeding UPDATE, DELETE and INSERT ... SELECT).
  std::unique_ptr<Cursor> Scan(storage::Cf cf, std::string_view begin, std::string_view end,
                               OwnWrites own = OwnWrites::kAll);

  // Throws 25006 "cannot execute <command> in a read-only transaction".
  void CheckWritable(std::string_view command) const;
  // Buffer a write (25006 if read-only, 54000 past the write-buffer limit).
  void Put(storage::Cf cf, std::string_view user_key, std::string value);
  void Delete(storage::Cf cf, std::string_view user_key);

  // Takes a row lock held until the transaction ends. False only with
  // kSkipLocked when someone else holds a conflicting lock. Throws 55P03
  // (NOWAIT, lock_timeout), 40P01 (deadlock), 57014 (cancel flag).
  bool LockRow(storage::Cf cf, std::string_view user_key, LockMode mode,
               LockWaitPolicy policy = LockWaitPolicy::kBlock);
  // After LockRow: own write if any, else the newest committed version
  // (nullopt if deleted/absent). Under REPEATABLE READ / SERIALIZABLE, throws
  // 40001 if that version committed after read_ts.
  std::optional<std::string> GetForUpdate(storage::Cf cf, std::string_view user_key);

  // Savepoints nest; RollbackTo undoes buffered writes made after the
  // savepoint and keeps it (as ROLLBACK TO does); Release drops it and every
  // later one. Row locks taken after a savepoint are kept until the end.
  SavepointId Savepoint();
  void RollbackTo(SavepointId sp);
  void Release(SavepointId sp);

  // Makes the writes durable (if synchronous commit) and visible, releases
  // locks, and returns the commit timestamp (read_ts if nothing was written:
  // no WAL write then). On error (40001, I/O) the transaction is rolled back
  // and the DbError propagates.
  storage::Timestamp Commit();
  // Discards writes and releases locks. No-op if already finished.
  void Rollback();

  // Per-transaction settings (from the session's GUCs).
  void SetLockTimeout(std::chrono::milliseconds timeout) { wait_.lock_timeout = timeout; }
  void SetDeadlockTimeout(std::chrono::milliseconds timeout) { wait_.deadlock_timeout = timeout; }
  void SetCancelFlag(const std::atomic<bool>* cancel) { wait_.cancel = cancel; }
  void SetSynchronousCommit(bool sync) { sync_commit_ = sync; }

 private:
  friend class TxnManager;
  enum class State { kOpen, kCommitted, kRolledBack };

  Transaction(TxnManager& manager, TxnId id, IsolationLevel isolation, bool read_only, storage::Timestamp read_ts,
              size_t write_limit, bool sync_commit);
  void CheckOpen() const;
  void Finish(State state);

  TxnManager& manager_;
  TxnId id_;
  IsolationLevel isolation_;
  bool read_only_;
  storage::Timestamp read_ts_;
  State state_ = State::kOpen;
  uint64_t statements_ = 0;
  std::string command_;
  WriteBuffer buffer_;
  ReadSet reads_;
  struct ActiveSavepoint {
    SavepointId id;
    size_t undo_mark;
  };
  std::vector<ActiveSavepoint> savepoints_;
  uint64_t next_savepoint_ = 1;
  LockWaitOptions wait_;
  bool sync_commit_;
};

}  // namespace basalt::engine::txn
