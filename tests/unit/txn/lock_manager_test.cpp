#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>

#include "engine/error/db_error.hpp"
#include "engine/txn/lock_manager.hpp"
#include "txn_test_util.hpp"

using namespace basalt::engine;
using namespace basalt::engine::txn;
using basalt::test::Eventually;
using storage::Cf;

namespace {

TxnId T(uint64_t v) { return TxnId{v}; }

// Runs Acquire on another thread; the future holds the outcome or the SQLSTATE.
std::future<std::string> AcquireAsync(LockManager& lm, TxnId txn, std::string key, LockMode mode,
                                      LockWaitOptions opts = {}) {
  return std::async(std::launch::async, [&lm, txn, key, mode, opts] {
    try {
      return std::string(lm.Acquire(txn, Cf::kRows, key, mode, LockWaitPolicy::kBlock, opts) ? "granted" : "skipped");
    } catch (const DbError& e) {
      return std::string(e.code().code());
    }
  });
}

bool Ready(std::future<std::string>& f) { return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }

}  // namespace

TEST_CASE("lock mode conflict table matches PostgreSQL", "[txn][locks]") {
  using M = LockMode;
  // Rows: held; columns: requested (KEY SHARE, SHARE, NO KEY UPDATE, UPDATE).
  const bool expected[4][4] = {
      {false, false, false, true}, {false, false, true, true}, {false, true, true, true}, {true, true, true, true}};
  const M modes[4] = {M::kKeyShare, M::kShare, M::kNoKeyExclusive, M::kExclusive};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) REQUIRE(LockModesConflict(modes[i], modes[j]) == expected[i][j]);
  REQUIRE(LockMode::kShared == LockMode::kShare);
}

TEST_CASE("compatible locks share; conflicting ones wait for release", "[txn][locks]") {
  LockManager lm;
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kKeyShare, LockWaitPolicy::kBlock));
  REQUIRE(lm.Acquire(T(2), Cf::kRows, "r", LockMode::kNoKeyExclusive, LockWaitPolicy::kBlock));
  REQUIRE(lm.Acquire(T(3), Cf::kRows, "r", LockMode::kKeyShare, LockWaitPolicy::kBlock));
  REQUIRE(lm.Holds(T(2), Cf::kRows, "r", LockMode::kNoKeyExclusive));
  REQUIRE_FALSE(lm.Holds(T(1), Cf::kRows, "r", LockMode::kShare));
  // Same key in another column family is another lock.
  REQUIRE(lm.Acquire(T(4), Cf::kIndexes, "r", LockMode::kExclusive, LockWaitPolicy::kBlock));

  auto waiter = AcquireAsync(lm, T(5), "r", LockMode::kExclusive);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 1; }));
  lm.ReleaseAll(T(1));
  lm.ReleaseAll(T(2));
  REQUIRE_FALSE(Ready(waiter));
  lm.ReleaseAll(T(3));
  REQUIRE(waiter.get() == "granted");
  REQUIRE(lm.Holds(T(5), Cf::kRows, "r", LockMode::kExclusive));
  REQUIRE(lm.stats().waits == 1);
}

TEST_CASE("queued exclusive request is not starved by later sharers", "[txn][locks]") {
  LockManager lm;
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kShare, LockWaitPolicy::kBlock));
  auto writer = AcquireAsync(lm, T(2), "r", LockMode::kExclusive);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 1; }));
  // A new sharer queues behind the writer instead of jumping ahead.
  REQUIRE_FALSE(lm.Acquire(T(3), Cf::kRows, "r", LockMode::kShare, LockWaitPolicy::kSkipLocked));
  lm.ReleaseAll(T(1));
  REQUIRE(writer.get() == "granted");
}

TEST_CASE("lock upgrade and re-acquire", "[txn][locks]") {
  LockManager lm;
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kShare, LockWaitPolicy::kBlock));
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kKeyShare, LockWaitPolicy::kBlock));  // covered
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kExclusive, LockWaitPolicy::kBlock));  // upgrade, alone
  REQUIRE(lm.Holds(T(1), Cf::kRows, "r", LockMode::kExclusive));
  lm.ReleaseAll(T(1));
  REQUIRE_FALSE(lm.Holds(T(1), Cf::kRows, "r", LockMode::kKeyShare));
}

TEST_CASE("NOWAIT and SKIP LOCKED do not wait", "[txn][locks]") {
  LockManager lm;
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kExclusive, LockWaitPolicy::kBlock));
  REQUIRE_FALSE(lm.Acquire(T(2), Cf::kRows, "r", LockMode::kShare, LockWaitPolicy::kSkipLocked));
  try {
    lm.Acquire(T(2), Cf::kRows, "r", LockMode::kShare, LockWaitPolicy::kNoWait);
    FAIL("NOWAIT acquired a held lock");
  } catch (const DbError& e) {
    REQUIRE(e.code() == SqlState::kLockNotAvailable);
  }
  REQUIRE(lm.Acquire(T(2), Cf::kRows, "other", LockMode::kShare, LockWaitPolicy::kNoWait));
  REQUIRE(lm.WaitingCount() == 0);
}

TEST_CASE("lock_timeout ends a wait with 55P03", "[txn][locks]") {
  LockManager lm;
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kExclusive, LockWaitPolicy::kBlock));
  LockWaitOptions opts;
  opts.lock_timeout = std::chrono::milliseconds(50);
  auto start = std::chrono::steady_clock::now();
  try {
    lm.Acquire(T(2), Cf::kRows, "r", LockMode::kExclusive, LockWaitPolicy::kBlock, opts);
    FAIL("acquired a held lock");
  } catch (const DbError& e) {
    REQUIRE(e.code() == SqlState::kLockNotAvailable);
    REQUIRE(e.message() == "canceling statement due to lock timeout");
  }
  REQUIRE(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(50));
  REQUIRE(lm.WaitingCount() == 0);
  REQUIRE(lm.stats().timeouts == 1);
  lm.ReleaseAll(T(1));
  REQUIRE(lm.Acquire(T(2), Cf::kRows, "r", LockMode::kExclusive, LockWaitPolicy::kNoWait));
}

TEST_CASE("cancel flag interrupts a wait with 57014", "[txn][locks]") {
  LockManager lm;
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kExclusive, LockWaitPolicy::kBlock));
  std::atomic<bool> cancel{false};
  LockWaitOptions opts;
  opts.cancel = &cancel;
  auto waiter = AcquireAsync(lm, T(2), "r", LockMode::kExclusive, opts);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 1; }));
  cancel = true;
  lm.Interrupt(T(2));
  REQUIRE(waiter.get() == "57014");
  REQUIRE(lm.WaitingCount() == 0);
}

TEST_CASE("deadlock of two transactions: one victim gets 40P01", "[txn][locks]") {
  LockManager lm;
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "a", LockMode::kExclusive, LockWaitPolicy::kBlock));
  REQUIRE(lm.Acquire(T(2), Cf::kRows, "b", LockMode::kExclusive, LockWaitPolicy::kBlock));
  auto w1 = AcquireAsync(lm, T(1), "b", LockMode::kExclusive);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 1; }));
  auto w2 = AcquireAsync(lm, T(2), "a", LockMode::kExclusive);
  // T2 closes the cycle and is the victim; its rollback lets T1 through.
  REQUIRE(w2.get() == "40P01");
  lm.ReleaseAll(T(2));
  REQUIRE(w1.get() == "granted");
  REQUIRE(lm.stats().deadlocks == 1);
}

TEST_CASE("deadlock of three transactions: exactly one victim", "[txn][locks]") {
  LockManager lm;
  for (uint64_t i = 1; i <= 3; ++i)
    REQUIRE(lm.Acquire(T(i), Cf::kRows, "k" + std::to_string(i), LockMode::kExclusive, LockWaitPolicy::kBlock));
  auto w1 = AcquireAsync(lm, T(1), "k2", LockMode::kExclusive);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 1; }));
  auto w2 = AcquireAsync(lm, T(2), "k3", LockMode::kExclusive);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 2; }));
  auto w3 = AcquireAsync(lm, T(3), "k1", LockMode::kExclusive);
  REQUIRE(w3.get() == "40P01");
  REQUIRE_FALSE(Ready(w1));
  REQUIRE_FALSE(Ready(w2));
  lm.ReleaseAll(T(3));
  REQUIRE(w2.get() == "granted");
  lm.ReleaseAll(T(2));
  REQUIRE(w1.get() == "granted");
}

TEST_CASE("upgrade deadlock between two sharers is detected", "[txn][locks]") {
  LockManager lm;
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "r", LockMode::kShare, LockWaitPolicy::kBlock));
  REQUIRE(lm.Acquire(T(2), Cf::kRows, "r", LockMode::kShare, LockWaitPolicy::kBlock));
  auto w1 = AcquireAsync(lm, T(1), "r", LockMode::kExclusive);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 1; }));
  auto w2 = AcquireAsync(lm, T(2), "r", LockMode::kExclusive);
  REQUIRE(w2.get() == "40P01");
  lm.ReleaseAll(T(2));
  REQUIRE(w1.get() == "granted");
}

TEST_CASE("deadlock through a lock handed over by a grant is detected", "[txn][locks]") {
  // T3 and then T2 queue for "a" held by T1. T1 leaves and "a" is granted to
  // T3, so T2 now waits for T3 as a holder. T3 then waits for "c", held by T2:
  // the cycle T3 -> T2 -> T3 runs through an edge created by the grant.
  LockManager lm;
  LockWaitOptions fast;
  fast.deadlock_timeout = std::chrono::milliseconds(20);
  REQUIRE(lm.Acquire(T(1), Cf::kRows, "a", LockMode::kExclusive, LockWaitPolicy::kBlock));
  REQUIRE(lm.Acquire(T(2), Cf::kRows, "c", LockMode::kExclusive, LockWaitPolicy::kBlock));
  auto w3 = AcquireAsync(lm, T(3), "a", LockMode::kExclusive, fast);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 1; }));
  auto w2 = AcquireAsync(lm, T(2), "a", LockMode::kExclusive, fast);
  REQUIRE(Eventually([&] { return lm.WaitingCount() == 2; }));
  // T1 goes away: T3 gets "a"; T2 now waits on T3 (holder).
  lm.ReleaseAll(T(1));
  REQUIRE(w3.get() == "granted");
  // T3 now waits on "c" held by T2: this wait closes the cycle.
  auto w3b = AcquireAsync(lm, T(3), "c", LockMode::kExclusive, fast);
  std::string r3 = w3b.get();
  REQUIRE(r3 == "40P01");
  lm.ReleaseAll(T(3));
  REQUIRE(w2.get() == "granted");
}
