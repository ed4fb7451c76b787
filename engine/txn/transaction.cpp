#include "engine/txn/transaction.hpp"

#include <algorithm>

#include "engine/error/db_error.hpp"
#include "engine/txn/txn_manager.hpp"

namespace basalt::engine::txn {

Transaction::Transaction(TxnManager& manager, TxnId id, IsolationLevel isolation, bool read_only,
                         storage::Timestamp read_ts, size_t write_limit, bool sync_commit)
    : manager_(manager),
      id_(id),
      isolation_(isolation),
      read_only_(read_only),
      read_ts_(read_ts),
      buffer_(write_limit),
      sync_commit_(sync_commit) {}

Transaction::~Transaction() {
  try {
    Rollback();
  } catch (...) {
    // Destructors must not throw; rollback touches only memory and locks.
  }
}

void Transaction::CheckOpen() const {
  if (state_ != State::kOpen)
    throw DbError(SqlState::kInternalError, "internal error: transaction " + std::to_string(id_.value) +
                                                " used after commit or rollback");
}

void Transaction::SetIsolation(IsolationLevel level) {
  CheckOpen();
  if (statements_ > 0 && level != isolation_)
    throw DbError(SqlState::kActiveSqlTransaction, "SET TRANSACTION ISOLATION LEVEL must be called before any query");
  isolation_ = level;
}

void Transaction::SetReadOnly(bool read_only) {
  CheckOpen();
  if (!read_only && read_only_ && statements_ > 0)
    throw DbError(SqlState::kActiveSqlTransaction,
                  "transaction read-write mode must be set before any query");
  read_only_ = read_only;
}

void Transaction::BeginStatement(std::string_view command) {
  CheckOpen();
  // PostgreSQL takes a REPEATABLE READ / SERIALIZABLE snapshot at the first
  // statement, not at BEGIN, and a new one per statement in READ COMMITTED.
  if (statements_ == 0 || isolation_ == IsolationLevel::kReadCommitted) read_ts_ = manager_.VisibleWatermark();
  ++statements_;
  command_.assign(command);
}

std::optional<std::string> Transaction::Get(storage::Cf cf, std::string_view user_key) {
  CheckOpen();
  if (const auto* own = buffer_.Find(cf, user_key)) return *own;
  if (isolation_ == IsolationLevel::kSerializable) reads_.AddKey(cf, user_key);
  return manager_.store().Get(cf, user_key, read_ts_);
}

std::unique_ptr<Cursor> Transaction::Scan(storage::Cf cf, std::string_view begin, std::string_view end,
                                          OwnWrites own) {
  CheckOpen();
  if (isolation_ == IsolationLevel::kSerializable) reads_.AddRange(cf, begin, end);
  std::optional<uint64_t> hide;
  if (own == OwnWrites::kBeforeStatement) hide = statements_;
  return std::make_unique<Cursor>(manager_.store().Scan(cf, begin, end, read_ts_), buffer_.map(cf),
                                  std::string(begin), std::string(end), hide);
}

void Transaction::CheckWritable(std::string_view command) const {
  if (!read_only_) return;
  std::string cmd = command.empty() ? (command_.empty() ? std::string("write") : command_) : std::string(command);
  throw DbError(SqlState::kReadOnlySqlTransaction, "cannot execute " + cmd + " in a read-only transaction");
}

namespace {
// Transactions version their writes; meta/default are not versioned.
void CheckVersioned(storage::Cf cf) {
  if (!storage::IsVersioned(cf))
    throw DbError(SqlState::kInternalError, "internal error: transactional write to unversioned column family \"" +
                                                std::string(storage::CfName(cf)) + "\"");
}
}  // namespace

void Transaction::Put(storage::Cf cf, std::string_view user_key, std::string value) {
  CheckOpen();
  CheckWritable({});
  CheckVersioned(cf);
  buffer_.Write(cf, user_key, std::move(value), statements_);
}

void Transaction::Delete(storage::Cf cf, std::string_view user_key) {
  CheckOpen();
  CheckWritable({});
  CheckVersioned(cf);
  buffer_.Write(cf, user_key, std::nullopt, statements_);
}

bool Transaction::LockRow(storage::Cf cf, std::string_view user_key, LockMode mode, LockWaitPolicy policy) {
  CheckOpen();
  return manager_.locks().Acquire(id_, cf, user_key, mode, policy, wait_);
}

std::optional<std::string> Transaction::GetForUpdate(storage::Cf cf, std::string_view user_key) {
  CheckOpen();
  if (const auto* own = buffer_.Find(cf, user_key)) return *own;
  storage::Timestamp latest_ts;
  auto latest = manager_.store().GetLatest(cf, user_key, &latest_ts);
  if (isolation_ != IsolationLevel::kReadCommitted && latest_ts > read_ts_) {
    manager_.CountSerializationFailure();
    throw DbError(SqlState::kTRSerializationFailure, latest ? "could not serialize access due to concurrent update"
                                                            : "could not serialize access due to concurrent delete");
  }
  if (isolation_ == IsolationLevel::kSerializable) reads_.AddKey(cf, user_key);
  return latest;
}

SavepointId Transaction::Savepoint() {
  CheckOpen();
  SavepointId id{next_savepoint_++};
  savepoints_.push_back(ActiveSavepoint{id, buffer_.Mark()});
  return id;
}

void Transaction::RollbackTo(SavepointId sp) {
  CheckOpen();
  auto it = std::find_if(savepoints_.begin(), savepoints_.end(), [&](const auto& s) { return s.id == sp; });
  if (it == savepoints_.end())
    throw DbError(SqlState::kInternalError, "internal error: unknown savepoint " + std::to_string(sp.value));
  buffer_.RollbackTo(it->undo_mark);
  savepoints_.erase(it + 1, savepoints_.end());
}

void Transaction::Release(SavepointId sp) {
  CheckOpen();
  auto it = std::find_if(savepoints_.begin(), savepoints_.end(), [&](const auto& s) { return s.id == sp; });
  if (it == savepoints_.end())
    throw DbError(SqlState::kInternalError, "internal error: unknown savepoint " + std::to_string(sp.value));
  savepoints_.erase(it, savepoints_.end());
  if (savepoints_.empty()) buffer_.DropUndo();
}

storage::Timestamp Transaction::Commit() {
  CheckOpen();
  if (buffer_.empty()) {
    // Nothing to write: no WAL record, no commit timestamp. Read-only
    // serializable transactions need no validation: their snapshot is a prefix
    // of the serializable commit order.
    manager_.CountReadOnlyCommit();
    Finish(State::kCommitted);
    return read_ts_;
  }
  try {
    std::vector<storage::Mutation> mutations = buffer_.Drain();
    const ReadSet* reads = isolation_ == IsolationLevel::kSerializable ? &reads_ : nullptr;
    storage::Timestamp ts = manager_.CommitWrites(mutations, reads, read_ts_, sync_commit_);
    Finish(State::kCommitted);
    return ts;
  } catch (...) {
    Finish(State::kRolledBack);
    manager_.CountRollback();
    throw;
  }
}

void Transaction::Rollback() {
  if (state_ != State::kOpen) return;
  Finish(State::kRolledBack);
  manager_.CountRollback();
}

void Transaction::Finish(State state) {
  state_ = state;
  buffer_.Clear();
  reads_.Clear();
  savepoints_.clear();
  manager_.locks().ReleaseAll(id_);
}

}  // namespace basalt::engine::txn
