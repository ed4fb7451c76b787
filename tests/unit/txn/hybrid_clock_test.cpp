#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "engine/storage/store.hpp"
#include "engine/txn/hybrid_clock.hpp"
#include "tests/unit/temp_dir.hpp"

using namespace basalt::engine;
using basalt::test::TempDir;

TEST_CASE("hybrid clock is strictly increasing across threads", "[txn][clock]") {
  TempDir dir;
  storage::Store::Create(dir.path());
  auto store = storage::Store::Open(dir.path());
  txn::HybridClock clock(*store);
  std::vector<std::vector<uint64_t>> seen(4);
  std::atomic<bool> non_monotonic{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      uint64_t prev = 0;
      for (int i = 0; i < 20000; ++i) {
        uint64_t v = clock.Now().value;
        if (v <= prev) non_monotonic = true;  // Catch2 assertions are not thread-safe
        prev = v;
        seen[t].push_back(v);
      }
    });
  for (auto& th : threads) th.join();
  REQUIRE_FALSE(non_monotonic);
  std::vector<uint64_t> all;
  for (auto& v : seen) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  REQUIRE(std::adjacent_find(all.begin(), all.end()) == all.end());  // no duplicates
  REQUIRE(clock.Last().value == all.back());
  REQUIRE(clock.Reserved().value > all.back());
}

TEST_CASE("hybrid clock survives a stalled or backwards wall clock", "[txn][clock]") {
  TempDir dir;
  storage::Store::Create(dir.path());
  auto store = storage::Store::Open(dir.path());
  std::atomic<uint64_t> wall{5'000'000};
  txn::HybridClock clock(*store, [&] { return wall.load(); });
  auto a = clock.Now();
  auto b = clock.Now();  // same microsecond: logical counter
  REQUIRE(b > a);
  REQUIRE(b.WallMicros() == a.WallMicros());
  wall = 1'000'000;  // wall clock stepped back
  REQUIRE(clock.Now() > b);
  wall = 9'000'000;
  auto c = clock.Now();
  REQUIRE(c == storage::Timestamp::FromWallMicros(9'000'000));
  clock.Update(storage::Timestamp{c.value + 1000});
  REQUIRE(clock.Now().value > c.value + 1000);
  // Running past the reservation extends it before issuing.
  wall = 30'000'000;
  auto d = clock.Now();
  REQUIRE(clock.Reserved() > d);
}

TEST_CASE("hybrid clock never reissues a timestamp after restart", "[txn][clock]") {
  TempDir dir;
  storage::Store::Create(dir.path());
  storage::Timestamp last;
  {
    auto store = storage::Store::Open(dir.path());
    txn::HybridClock clock(*store, [] { return uint64_t{100'000'000}; });
    for (int i = 0; i < 10000; ++i) last = clock.Now();
  }
  // Same (stuck) wall clock after the restart: still strictly above.
  auto store = storage::Store::Open(dir.path());
  txn::HybridClock clock(*store, [] { return uint64_t{100'000'000}; });
  REQUIRE(clock.Now() > last);
  // Even a wall clock far in the past.
  txn::HybridClock early(*store, [] { return uint64_t{1}; });
  REQUIRE(early.Now() > last);
}
