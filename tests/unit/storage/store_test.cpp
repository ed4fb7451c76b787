#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "engine/error/db_error.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/version_key.hpp"
#include "tests/unit/temp_dir.hpp"

using namespace basalt::engine::storage;
using basalt::engine::DbError;
using basalt::engine::SqlState;
using basalt::test::TempDir;

namespace {

Timestamp Ts(uint64_t v) { return Timestamp{v}; }

void Put(Store& s, Cf cf, const std::string& k, const std::string& v, uint64_t ts) {
  Mutation m{cf, k, v};
  s.Commit(std::span<const Mutation>(&m, 1), Ts(ts), false);
}

void Del(Store& s, Cf cf, const std::string& k, uint64_t ts) {
  Mutation m{cf, k, std::nullopt};
  s.Commit(std::span<const Mutation>(&m, 1), Ts(ts), false);
}

std::vector<std::pair<std::string, std::string>> ScanAll(const Store& s, Cf cf, const std::string& b,
                                                         const std::string& e, uint64_t snap) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto c = s.Scan(cf, b, e, Ts(snap)); c->Valid(); c->Next())
    out.emplace_back(std::string(c->key()), std::string(c->value()));
  return out;
}

std::unique_ptr<Store> Fresh(const TempDir& dir) {
  Store::Create(dir.path());
  return Store::Open(dir.path());
}

}  // namespace

TEST_CASE("version keys sort newest first", "[storage][keys]") {
  REQUIRE(VersionKey("k", Timestamp{9}) < VersionKey("k", Timestamp{3}));
  REQUIRE(UserKeyOf(VersionKey("key", Ts(77))) == "key");
  REQUIRE(TimestampOf(VersionKey("key", Ts(77))) == Ts(77));
}

TEST_CASE("store create, exists, open errors", "[storage][store]") {
  TempDir dir;
  REQUIRE_FALSE(Store::Exists(dir.path()));
  try {
    Store::Open(dir.path());
    FAIL("open of an empty directory succeeded");
  } catch (const DbError& e) {
    REQUIRE(e.code() == SqlState::kUndefinedFile);
    REQUIRE(e.message().find("is not a Basalt data directory (run basalt init)") != std::string::npos);
  }
  Store::Create(dir.path());
  REQUIRE(Store::Exists(dir.path()));
  REQUIRE_THROWS_AS(Store::Create(dir.path()), DbError);
  auto store = Store::Open(dir.path());
  REQUIRE(store != nullptr);
}

TEST_CASE("get sees the newest version at or below the snapshot", "[storage][store]") {
  TempDir dir;
  auto s = Fresh(dir);
  Put(*s, Cf::kRows, "a", "v10", 10);
  Put(*s, Cf::kRows, "a", "v20", 20);
  Del(*s, Cf::kRows, "a", 30);
  Put(*s, Cf::kRows, "a", "v40", 40);
  REQUIRE_FALSE(s->Get(Cf::kRows, "a", Ts(9)));
  REQUIRE(s->Get(Cf::kRows, "a", Ts(10)) == "v10");
  REQUIRE(s->Get(Cf::kRows, "a", Ts(19)) == "v10");
  REQUIRE(s->Get(Cf::kRows, "a", Ts(25)) == "v20");
  REQUIRE_FALSE(s->Get(Cf::kRows, "a", Ts(30)));
  REQUIRE_FALSE(s->Get(Cf::kRows, "a", Ts(39)));
  REQUIRE(s->Get(Cf::kRows, "a", Timestamp::Max()) == "v40");
  // Column families are separate key spaces.
  REQUIRE_FALSE(s->Get(Cf::kIndexes, "a", Timestamp::Max()));
  Timestamp ts;
  REQUIRE(s->GetLatest(Cf::kRows, "a", &ts) == "v40");
  REQUIRE(ts == Ts(40));
  Del(*s, Cf::kRows, "a", 50);
  REQUIRE_FALSE(s->GetLatest(Cf::kRows, "a", &ts));
  REQUIRE(ts == Ts(50));
  REQUIRE(s->LatestVersionTs(Cf::kRows, "a") == Ts(50));
  REQUIRE_FALSE(s->LatestVersionTs(Cf::kRows, "b"));
  // Empty value is a value, not a tombstone.
  Put(*s, Cf::kRows, "e", "", 60);
  REQUIRE(s->Get(Cf::kRows, "e", Ts(60)) == "");
}

TEST_CASE("user keys that prefix each other keep their order and versions apart", "[storage][store]") {
  TempDir dir;
  auto s = Fresh(dir);
  Put(*s, Cf::kRows, "a", "1", 10);
  Put(*s, Cf::kRows, std::string("a\0", 2), "2", 20);
  Put(*s, Cf::kRows, std::string("a\0\0\0\0\0\0\0\0", 9), "3", 30);
  Put(*s, Cf::kRows, "a\xff", "4", 40);
  Put(*s, Cf::kRows, "a", "1b", 50);
  auto rows = ScanAll(*s, Cf::kRows, "", "", 100);
  REQUIRE(rows.size() == 4);
  REQUIRE(rows[0] == std::pair<std::string, std::string>("a", "1b"));
  REQUIRE(rows[1].first == std::string("a\0", 2));
  REQUIRE(rows[2].first == std::string("a\0\0\0\0\0\0\0\0", 9));
  REQUIRE(rows[3].first == "a\xff");
  REQUIRE(s->Get(Cf::kRows, "a", Ts(45)) == "1");
  REQUIRE(s->Get(Cf::kRows, std::string("a\0", 2), Ts(45)) == "2");
}

TEST_CASE("scans respect bounds, snapshots and tombstones", "[storage][store]") {
  TempDir dir;
  auto s = Fresh(dir);
  for (int i = 0; i < 20; ++i) {
    char k[8];
    snprintf(k, sizeof k, "k%02d", i);
    Put(*s, Cf::kRows, k, "old" + std::to_string(i), 10);
    if (i % 2 == 0) Put(*s, Cf::kRows, k, "new" + std::to_string(i), 20);
    if (i % 5 == 0) Del(*s, Cf::kRows, k, 30);
  }
  auto at15 = ScanAll(*s, Cf::kRows, "", "", 15);
  REQUIRE(at15.size() == 20);
  REQUIRE(at15[4].second == "old4");
  auto at25 = ScanAll(*s, Cf::kRows, "", "", 25);
  REQUIRE(at25.size() == 20);
  REQUIRE(at25[4].second == "new4");
  REQUIRE(at25[5].second == "old5");
  auto at35 = ScanAll(*s, Cf::kRows, "", "", 35);
  REQUIRE(at35.size() == 16);  // k00 k05 k10 k15 deleted
  REQUIRE(at35[0].first == "k01");
  auto bounded = ScanAll(*s, Cf::kRows, "k03", "k08", 35);
  REQUIRE(bounded.size() == 4);  // k03 k04 k06 k07
  REQUIRE(bounded.front().first == "k03");
  REQUIRE(bounded.back().first == "k07");
  REQUIRE(ScanAll(*s, Cf::kRows, "k03", "k08", 5).empty());
  REQUIRE(ScanAll(*s, Cf::kIndexes, "", "", 35).empty());
  // Seek within the range.
  auto c = s->Scan(Cf::kRows, "k03", "k12", Ts(35));
  c->Seek("k09");
  REQUIRE(c->Valid());
  REQUIRE(c->key() == "k09");
  c->Seek("k00");  // clamped to begin
  REQUIRE(c->key() == "k03");
}

TEST_CASE("scan skips many old versions and matches a model after flush", "[storage][store]") {
  TempDir dir;
  auto s = Fresh(dir);
  std::mt19937 rng(5);
  std::map<std::string, std::map<uint64_t, std::optional<std::string>>> model;
  for (uint64_t ts = 1; ts <= 400; ++ts) {
    std::vector<Mutation> batch;
    for (int j = 0; j < 3; ++j) {
      std::string k = "key" + std::to_string(rng() % 40);
      std::optional<std::string> v;
      if (rng() % 4) v = "v" + std::to_string(ts) + "_" + std::to_string(j);
      batch.push_back(Mutation{Cf::kRows, k, v});
      model[k][ts] = v;
    }
    s->Commit(batch, Ts(ts), false);
    if (ts == 200) s->Flush();
  }
  for (uint64_t snap : {0, 1, 57, 200, 201, 399, 400, 1000}) {
    std::vector<std::pair<std::string, std::string>> expect;
    for (auto& [k, versions] : model) {
      auto it = versions.upper_bound(snap);
      if (it == versions.begin()) continue;
      --it;
      if (it->second) expect.emplace_back(k, *it->second);
    }
    REQUIRE(ScanAll(*s, Cf::kRows, "", "", snap) == expect);
    for (auto& [k, v] : expect) REQUIRE(s->Get(Cf::kRows, k, Ts(snap)) == v);
  }
  s->CompactAll();
  REQUIRE(ScanAll(*s, Cf::kRows, "key1", "key2", 400).size() > 0);
}

TEST_CASE("has-version-after finds newer versions in a range", "[storage][store]") {
  TempDir dir;
  auto s = Fresh(dir);
  Put(*s, Cf::kRows, "a", "1", 10);
  Put(*s, Cf::kRows, "b", "1", 20);
  Del(*s, Cf::kRows, "c", 30);
  REQUIRE(s->HasVersionAfter(Cf::kRows, "", "", Ts(25)));
  REQUIRE_FALSE(s->HasVersionAfter(Cf::kRows, "", "", Ts(30)));
  REQUIRE_FALSE(s->HasVersionAfter(Cf::kRows, "a", "c", Ts(20)));
  REQUIRE(s->HasVersionAfter(Cf::kRows, "a", "c", Ts(19)));
  REQUIRE(s->HasVersionAfter(Cf::kRows, "c", "", Ts(29)));
}

TEST_CASE("meta family, sizes and batches across families", "[storage][store]") {
  TempDir dir;
  auto s = Fresh(dir);
  REQUIRE_FALSE(s->GetMeta("x"));
  s->PutMeta("x", "1", true);
  REQUIRE(s->GetMeta("x") == "1");
  s->DeleteMeta("x", false);
  REQUIRE_FALSE(s->GetMeta("x"));
  std::vector<Mutation> batch = {{Cf::kRows, "r", "row"}, {Cf::kIndexes, "i", "idx"}, {Cf::kCatalog, "c", "cat"},
                                 {Cf::kMeta, "seq", "5"}};
  s->Commit(batch, Ts(100), true);
  REQUIRE(s->Get(Cf::kIndexes, "i", Ts(100)) == "idx");
  REQUIRE(s->Get(Cf::kCatalog, "c", Ts(100)) == "cat");
  REQUIRE(s->GetMeta("seq") == "5");
  REQUIRE_THROWS_AS(s->Get(Cf::kMeta, "seq", Ts(100)), DbError);
  std::string big(1000, 'x');
  for (int i = 0; i < 1000; ++i) Put(*s, Cf::kRows, "big" + std::to_string(i), big, 200 + i);
  s->Flush();
  REQUIRE(s->ApproximateSize(Cf::kRows, "big", "bih") > 0);
  REQUIRE(s->ApproximateSize(Cf::kRows, "", "") > 0);
}

TEST_CASE("synced commits survive reopen", "[storage][store]") {
  TempDir dir;
  {
    auto s = Fresh(dir);
    Put(*s, Cf::kRows, "durable", "yes", 10);
    Mutation m{Cf::kRows, "synced", "yes"};
    s->Commit(std::span<const Mutation>(&m, 1), Ts(11), true);
  }
  auto s = Store::Open(dir.path());
  REQUIRE(s->Get(Cf::kRows, "synced", Ts(11)) == "yes");
  REQUIRE(s->Get(Cf::kRows, "durable", Ts(11)) == "yes");
}

TEST_CASE("synced commits survive a killed process", "[storage][store][durability]") {
  TempDir dir;
  Store::Create(dir.path());
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Child: commit with sync, then die without closing the DB (no flush).
    auto s = Store::Open(dir.path());
    for (int i = 0; i < 50; ++i) {
      Mutation m{Cf::kRows, "k" + std::to_string(i), "v" + std::to_string(i)};
      s->Commit(std::span<const Mutation>(&m, 1), Ts(100 + i), true);
    }
    _exit(0);  // skips destructors: like kill -9 after the last commit returned
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  auto s = Store::Open(dir.path());
  for (int i = 0; i < 50; ++i) REQUIRE(s->Get(Cf::kRows, "k" + std::to_string(i), Ts(1000)) == "v" + std::to_string(i));
}

TEST_CASE("concurrent synced commits all land", "[storage][store]") {
  TempDir dir;
  auto s = Fresh(dir);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        Mutation m{Cf::kRows, "t" + std::to_string(t) + "_" + std::to_string(i), "v"};
        s->Commit(std::span<const Mutation>(&m, 1), Ts(1 + t * 100 + i), true);
      }
    });
  }
  for (auto& th : threads) th.join();
  REQUIRE(ScanAll(*s, Cf::kRows, "", "", 10000).size() == 200);
}
