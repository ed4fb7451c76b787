// engine/engine_figures.cpp
//
// EngineImpl::Figures: the transaction manager's and lock manager's counters
// plus the store's RocksDB figures, for the server's /metrics endpoint.
#include "engine/engine_impl.hpp"

namespace basalt::engine {

EngineFigures EngineImpl::Figures() {
  EngineFigures f;
  txn::TxnStats t = txns_->stats();
  f.commits = t.committed;
  f.read_only_commits = t.read_only_commits;
  f.rollbacks = t.rolled_back;
  f.serialization_failures = t.serialization_failures;
  txn::LockStats l = txns_->locks().stats();
  f.lock_waits = l.waits;
  f.deadlocks = l.deadlocks;
  f.lock_timeouts = l.timeouts;
  f.lock_waiters = txns_->locks().WaitingCount();
  f.store = storage::ReadStoreFigures(*store_);
  return f;
}

}  // namespace basalt::engine
