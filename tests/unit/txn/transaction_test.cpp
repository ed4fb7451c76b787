#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "engine/error/db_error.hpp"
#include "engine/storage/key_encoder.hpp"
#include "txn_test_util.hpp"

using namespace basalt::engine;
using namespace basalt::engine::txn;
using basalt::test::TxnFixture;
using storage::Cf;

namespace {

std::vector<std::pair<std::string, std::string>> ScanAll(Transaction& t, Cf cf, std::string_view b = "",
                                                         std::string_view e = "") {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto c = t.Scan(cf, b, e); c->Valid(); c->Next()) out.emplace_back(std::string(c->key()), std::string(c->value()));
  return out;
}

using KV = std::vector<std::pair<std::string, std::string>>;

void Seed(TxnManager& m, const KV& rows) {
  auto t = m.Begin();
  for (auto& [k, v] : rows) t->Put(Cf::kRows, k, v);
  t->Commit();
}

SqlState CodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const DbError& e) {
    return e.code();
  }
  return SqlState::kSuccessfulCompletion;
}

}  // namespace

TEST_CASE("reads see own writes in Get and Scan, including deletes", "[txn]") {
  TxnFixture f;
  Seed(*f.mgr, {{"a", "1"}, {"c", "3"}, {"e", "5"}, {"g", "7"}});
  auto t = f.mgr->Begin();
  t->BeginStatement();
  t->Put(Cf::kRows, "b", "2");    // insert between
  t->Put(Cf::kRows, "c", "33");   // overwrite
  t->Delete(Cf::kRows, "e");      // delete committed
  t->Put(Cf::kRows, "h", "8");    // after the end of the snapshot
  t->Put(Cf::kRows, "x", "tmp");  // insert then delete
  t->Delete(Cf::kRows, "x");
  REQUIRE(t->Get(Cf::kRows, "a") == "1");
  REQUIRE(t->Get(Cf::kRows, "b") == "2");
  REQUIRE(t->Get(Cf::kRows, "c") == "33");
  REQUIRE_FALSE(t->Get(Cf::kRows, "e"));
  REQUIRE_FALSE(t->Get(Cf::kRows, "x"));
  REQUIRE(ScanAll(*t, Cf::kRows) == KV{{"a", "1"}, {"b", "2"}, {"c", "33"}, {"g", "7"}, {"h", "8"}});
  REQUIRE(ScanAll(*t, Cf::kRows, "b", "g") == KV{{"b", "2"}, {"c", "33"}});
  REQUIRE(ScanAll(*t, Cf::kIndexes).empty());
  // Others do not see uncommitted writes.
  auto other = f.mgr->Begin();
  other->BeginStatement();
  REQUIRE(ScanAll(*other, Cf::kRows) == KV{{"a", "1"}, {"c", "3"}, {"e", "5"}, {"g", "7"}});
  t->Commit();
  other->BeginStatement();  // READ COMMITTED: new snapshot per statement
  REQUIRE(ScanAll(*other, Cf::kRows) == KV{{"a", "1"}, {"b", "2"}, {"c", "33"}, {"g", "7"}, {"h", "8"}});
}

TEST_CASE("a cursor sees writes made ahead of it while it is open", "[txn]") {
  TxnFixture f;
  Seed(*f.mgr, {{"a", "1"}, {"c", "3"}});
  auto t = f.mgr->Begin();
  auto c = t->Scan(Cf::kRows, "", "");
  REQUIRE(c->key() == "a");
  t->Put(Cf::kRows, "a", "updated");  // current row
  t->Put(Cf::kRows, "b", "2");        // ahead
  c->Next();
  REQUIRE(c->key() == "b");
  c->Next();
  REQUIRE(c->key() == "c");
  c->Seek("a");
  REQUIRE(c->value() == "updated");
  c->Next();
  c->Next();
  c->Next();
  REQUIRE_FALSE(c->Valid());
}

TEST_CASE("repeatable read keeps one snapshot; read committed moves", "[txn]") {
  TxnFixture f;
  Seed(*f.mgr, {{"k", "v1"}});
  auto rr = f.mgr->Begin(IsolationLevel::kRepeatableRead);
  auto rc = f.mgr->Begin(IsolationLevel::kReadCommitted);
  rr->BeginStatement();
  rc->BeginStatement();
  Seed(*f.mgr, {{"k", "v2"}});
  rr->BeginStatement();
  rc->BeginStatement();
  REQUIRE(rr->Get(Cf::kRows, "k") == "v1");
  REQUIRE(rc->Get(Cf::kRows, "k") == "v2");
}

TEST_CASE("commit makes data durable and visible after reopen", "[txn]") {
  TxnFixture f;
  storage::Timestamp ts;
  {
    auto t = f.mgr->Begin();
    t->Put(Cf::kRows, "durable", "yes");
    t->Put(Cf::kIndexes, "idx", "");
    ts = t->Commit();
  }
  REQUIRE(f.mgr->VisibleWatermark() >= ts);
  f.Reopen();
  auto t = f.mgr->Begin();
  t->BeginStatement();
  REQUIRE(t->read_ts() > ts);
  REQUIRE(t->Get(Cf::kRows, "durable") == "yes");
  REQUIRE(t->Get(Cf::kIndexes, "idx") == "");
  // A new commit after restart gets a larger timestamp.
  t->Put(Cf::kRows, "later", "1");
  REQUIRE(t->Commit() > ts);
}

TEST_CASE("rollback, destructor and read-only transactions write nothing", "[txn]") {
  TxnFixture f;
  {
    auto t = f.mgr->Begin();
    t->Put(Cf::kRows, "a", "1");
    t->Rollback();
    REQUIRE_FALSE(t->is_open());
  }
  {
    auto t = f.mgr->Begin();
    t->Put(Cf::kRows, "b", "1");
  }  // destructor rolls back
  auto ro = f.mgr->Begin(IsolationLevel::kReadCommitted, /*read_only=*/true);
  ro->BeginStatement("UPDATE");
  REQUIRE_FALSE(ro->Get(Cf::kRows, "a"));
  REQUIRE_FALSE(ro->Get(Cf::kRows, "b"));
  try {
    ro->Put(Cf::kRows, "c", "1");
    FAIL("read-only put succeeded");
  } catch (const DbError& e) {
    REQUIRE(e.code() == SqlState::kReadOnlySqlTransaction);
    REQUIRE(e.message() == "cannot execute UPDATE in a read-only transaction");
  }
  REQUIRE(CodeOf([&] { ro->CheckWritable("INSERT"); }) == SqlState::kReadOnlySqlTransaction);
  REQUIRE(CodeOf([&] { ro->Delete(Cf::kRows, "c"); }) == SqlState::kReadOnlySqlTransaction);
  auto ts = ro->Commit();
  REQUIRE(ts == ro->read_ts());
  REQUIRE(CodeOf([&] { ro->Get(Cf::kRows, "a"); }) == SqlState::kInternalError);
}

TEST_CASE("savepoints undo later writes only", "[txn]") {
  TxnFixture f;
  Seed(*f.mgr, {{"a", "0"}});
  auto t = f.mgr->Begin();
  t->Put(Cf::kRows, "a", "1");
  auto sp1 = t->Savepoint();
  t->Put(Cf::kRows, "a", "2");
  t->Put(Cf::kRows, "b", "2");
  auto sp2 = t->Savepoint();
  t->Delete(Cf::kRows, "a");
  t->Put(Cf::kRows, "c", "3");
  t->RollbackTo(sp2);
  REQUIRE(t->Get(Cf::kRows, "a") == "2");
  REQUIRE_FALSE(t->Get(Cf::kRows, "c"));
  t->Put(Cf::kRows, "d", "4");
  t->RollbackTo(sp1);  // also discards sp2
  REQUIRE(t->Get(Cf::kRows, "a") == "1");
  REQUIRE_FALSE(t->Get(Cf::kRows, "b"));
  REQUIRE_FALSE(t->Get(Cf::kRows, "d"));
  REQUIRE(CodeOf([&] { t->RollbackTo(sp2); }) == SqlState::kInternalError);
  t->Put(Cf::kRows, "e", "5");
  t->Release(sp1);
  t->Put(Cf::kRows, "f", "6");
  t->Commit();
  auto r = f.mgr->Begin();
  REQUIRE(ScanAll(*r, Cf::kRows) == KV{{"a", "1"}, {"e", "5"}, {"f", "6"}});
}

TEST_CASE("buffered writes past the limit fail with 54000", "[txn]") {
  TxnFixture f;
  f.mgr->SetWriteBufferLimit(10'000);
  auto t = f.mgr->Begin();
  REQUIRE(CodeOf([&] {
            for (int i = 0; i < 1000; ++i) t->Put(Cf::kRows, "k" + std::to_string(i), std::string(100, 'x'));
          }) == SqlState::kProgramLimitExceeded);
}

TEST_CASE("repeatable read: concurrent update of a locked row is 40001", "[txn][isolation]") {
  TxnFixture f;
  Seed(*f.mgr, {{"acct", "100"}});
  auto t1 = f.mgr->Begin(IsolationLevel::kRepeatableRead);
  t1->BeginStatement();
  REQUIRE(t1->Get(Cf::kRows, "acct") == "100");
  {
    auto t2 = f.mgr->Begin(IsolationLevel::kRepeatableRead);
    t2->BeginStatement();
    REQUIRE(t2->LockRow(Cf::kRows, "acct", LockMode::kNoKeyExclusive));
    REQUIRE(t2->GetForUpdate(Cf::kRows, "acct") == "100");
    t2->Put(Cf::kRows, "acct", "90");
    t2->Commit();
  }
  REQUIRE(t1->LockRow(Cf::kRows, "acct", LockMode::kNoKeyExclusive));
  try {
    t1->GetForUpdate(Cf::kRows, "acct");
    FAIL("no serialization failure");
  } catch (const DbError& e) {
    REQUIRE(e.code() == SqlState::kTRSerializationFailure);
    REQUIRE(e.message() == "could not serialize access due to concurrent update");
  }
  // A row deleted concurrently reports a delete.
  auto t3 = f.mgr->Begin(IsolationLevel::kRepeatableRead);
  t3->BeginStatement();
  {
    auto t4 = f.mgr->Begin();
    t4->Delete(Cf::kRows, "acct");
    t4->Commit();
  }
  try {
    t3->GetForUpdate(Cf::kRows, "acct");
    FAIL("no serialization failure");
  } catch (const DbError& e) {
    REQUIRE(e.message() == "could not serialize access due to concurrent delete");
  }
}

TEST_CASE("read committed: waiting updater gets the newest version", "[txn][isolation]") {
  TxnFixture f;
  Seed(*f.mgr, {{"acct", "100"}});
  auto t1 = f.mgr->Begin();
  t1->BeginStatement();
  REQUIRE(t1->LockRow(Cf::kRows, "acct", LockMode::kNoKeyExclusive));
  t1->Put(Cf::kRows, "acct", "150");

  std::optional<std::string> seen;
  std::thread waiter([&] {
    auto t2 = f.mgr->Begin();
    t2->BeginStatement();
    t2->LockRow(Cf::kRows, "acct", LockMode::kNoKeyExclusive);  // blocks until t1 commits
    seen = t2->GetForUpdate(Cf::kRows, "acct");
    t2->Put(Cf::kRows, "acct", std::to_string(std::stoi(*seen) + 1));
    t2->Commit();
  });
  REQUIRE(basalt::test::Eventually([&] { return f.mgr->locks().WaitingCount() == 1; }));
  t1->Commit();
  waiter.join();
  REQUIRE(seen == "150");
  auto r = f.mgr->Begin();
  r->BeginStatement();
  REQUIRE(r->Get(Cf::kRows, "acct") == "151");
}

TEST_CASE("serializable: write skew is rejected", "[txn][isolation]") {
  TxnFixture f;
  // Two doctors on call; each may go off call if the other is still on.
  Seed(*f.mgr, {{"alice", "on"}, {"bob", "on"}});
  auto t1 = f.mgr->Begin(IsolationLevel::kSerializable);
  auto t2 = f.mgr->Begin(IsolationLevel::kSerializable);
  t1->BeginStatement();
  t2->BeginStatement();
  REQUIRE(ScanAll(*t1, Cf::kRows).size() == 2);
  REQUIRE(ScanAll(*t2, Cf::kRows).size() == 2);
  t1->Put(Cf::kRows, "alice", "off");
  t2->Put(Cf::kRows, "bob", "off");
  t1->Commit();
  REQUIRE(CodeOf([&] { t2->Commit(); }) == SqlState::kTRSerializationFailure);
  REQUIRE_FALSE(t2->is_open());
  auto r = f.mgr->Begin();
  REQUIRE(r->Get(Cf::kRows, "bob") == "on");
  REQUIRE(f.mgr->stats().serialization_failures == 1);
}

TEST_CASE("serializable: point-read skew and phantoms are rejected", "[txn][isolation]") {
  TxnFixture f;
  Seed(*f.mgr, {{"x", "1"}, {"y", "1"}});
  {
    auto t1 = f.mgr->Begin(IsolationLevel::kSerializable);
    auto t2 = f.mgr->Begin(IsolationLevel::kSerializable);
    t1->BeginStatement();
    t2->BeginStatement();
    t1->Get(Cf::kRows, "x");
    t2->Get(Cf::kRows, "y");
    t1->Put(Cf::kRows, "y", "0");
    t2->Put(Cf::kRows, "x", "0");
    t1->Commit();
    REQUIRE(CodeOf([&] { t2->Commit(); }) == SqlState::kTRSerializationFailure);
  }
  {
    // t1 counts rows in [p, q); t2 inserts into that range and commits first.
    auto t1 = f.mgr->Begin(IsolationLevel::kSerializable);
    auto t2 = f.mgr->Begin(IsolationLevel::kSerializable);
    t1->BeginStatement();
    t2->BeginStatement();
    REQUIRE(ScanAll(*t1, Cf::kRows, "p", "q").empty());
    t1->Put(Cf::kRows, "summary", "0 rows");
    t2->Put(Cf::kRows, "p1", "new");
    t2->Commit();
    REQUIRE(CodeOf([&] { t1->Commit(); }) == SqlState::kTRSerializationFailure);
  }
  {
    // Disjoint reads and writes commit fine; read-only transactions never fail.
    auto t1 = f.mgr->Begin(IsolationLevel::kSerializable);
    auto t2 = f.mgr->Begin(IsolationLevel::kSerializable);
    auto ro = f.mgr->Begin(IsolationLevel::kSerializable, true);
    t1->BeginStatement();
    t2->BeginStatement();
    ro->BeginStatement();
    ScanAll(*ro, Cf::kRows);
    t1->Get(Cf::kRows, "a1");
    t2->Get(Cf::kRows, "b1");
    t1->Put(Cf::kRows, "a1", "1");
    t2->Put(Cf::kRows, "b1", "1");
    t1->Commit();
    t2->Commit();
    ro->Commit();
  }
}

TEST_CASE("serializable: concurrent write skew attempts never both commit", "[txn][isolation]") {
  TxnFixture f;
  f.mgr->SetSynchronousCommit(false);
  for (int round = 0; round < 30; ++round) {
    char prefix[8];
    snprintf(prefix, sizeof prefix, "r%03d", round);
    std::string a = std::string(prefix) + "a", b = std::string(prefix) + "b";
    Seed(*f.mgr, {{a, "on"}, {b, "on"}});
    std::atomic<int> committed{0};
    auto worker = [&](const std::string& mine) {
      auto t = f.mgr->Begin(IsolationLevel::kSerializable);
      t->BeginStatement();
      int on = 0;
      for (auto c = t->Scan(Cf::kRows, prefix, storage::PrefixSuccessor(prefix)); c->Valid(); c->Next()) on += c->value() == "on";
      if (on == 2) t->Put(Cf::kRows, mine, "off");
      try {
        t->Commit();
        if (on == 2) ++committed;
      } catch (const DbError&) {
      }
    };
    std::thread t1(worker, a), t2(worker, b);
    t1.join();
    t2.join();
    auto r = f.mgr->Begin();
    int on = (r->Get(Cf::kRows, a) == "on") + (r->Get(Cf::kRows, b) == "on");
    REQUIRE(on >= 1);
  }
}

TEST_CASE("watermark never passes an in-flight commit", "[txn][watermark]") {
  TxnFixture f;
  std::mutex mu;
  std::vector<std::pair<uint64_t, std::string>> commits;  // (ts, key)
  std::vector<std::pair<uint64_t, std::set<std::string>>> samples;
  std::atomic<bool> done{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 40; ++i) {
        std::string key = "w" + std::to_string(w) + "_" + std::to_string(i);
        auto t = f.mgr->Begin();
        t->Put(Cf::kRows, key, "v");
        auto ts = t->Commit();
        std::lock_guard lock(mu);
        commits.emplace_back(ts.value, key);
      }
    });
  }
  std::thread reader([&] {
    while (!done) {
      auto t = f.mgr->Begin();
      t->BeginStatement();
      std::set<std::string> keys;
      for (auto c = t->Scan(Cf::kRows, "", ""); c->Valid(); c->Next()) keys.insert(std::string(c->key()));
      std::lock_guard lock(mu);
      samples.emplace_back(t->read_ts().value, std::move(keys));
    }
  });
  for (auto& th : writers) th.join();
  done = true;
  reader.join();
  REQUIRE(commits.size() == 160);
  REQUIRE(!samples.empty());
  for (auto& [snap, keys] : samples)
    for (auto& [ts, key] : commits)
      if (ts <= snap) REQUIRE(keys.count(key) == 1);
  // Every commit is visible once its Commit() returned.
  auto t = f.mgr->Begin();
  REQUIRE(ScanAll(*t, Cf::kRows).size() == 160);
  for (auto& [ts, key] : commits) REQUIRE(f.mgr->VisibleWatermark().value >= ts);
}

TEST_CASE("statement-start scans do not see the statement's own writes", "[txn]") {
  TxnFixture f;
  Seed(*f.mgr, {{"k1", "a"}, {"k2", "b"}, {"k3", "c"}});
  auto t = f.mgr->Begin();
  t->BeginStatement("INSERT");
  t->Put(Cf::kRows, "k2", "b-stmt1");
  t->Put(Cf::kRows, "k9", "new-stmt1");
  t->Delete(Cf::kRows, "k3");
  t->BeginStatement("UPDATE");
  // "UPDATE ... SET key = key + 10": moves every row ahead of the scan.
  std::vector<std::string> visited;
  for (auto c = t->Scan(Cf::kRows, "", "", OwnWrites::kBeforeStatement); c->Valid(); c->Next()) {
    visited.emplace_back(c->key());
    std::string moved = "m" + std::string(c->key());
    std::string v(c->value());
    t->Delete(Cf::kRows, c->key());
    t->Put(Cf::kRows, moved, v);
  }
  // Each row once, with statement 1's effects and without statement 2's.
  REQUIRE(visited == std::vector<std::string>{"k1", "k2", "k9"});
  // The default view sees everything, including this statement's writes.
  REQUIRE(ScanAll(*t, Cf::kRows) == KV{{"mk1", "a"}, {"mk2", "b-stmt1"}, {"mk9", "new-stmt1"}});
  // Overwriting a key twice in one statement keeps its pre-statement state.
  t->BeginStatement("UPDATE");
  t->Put(Cf::kRows, "mk1", "x");
  t->Put(Cf::kRows, "mk1", "y");
  auto c = t->Scan(Cf::kRows, "mk1", "mk2", OwnWrites::kBeforeStatement);
  REQUIRE(c->value() == "a");
  REQUIRE(t->Get(Cf::kRows, "mk1") == "y");
  t->Commit();
}
