// Window frame bounds (exec/window_frame.hpp) and the hash join's table
// (exec/hash_join_executor.hpp): pure logic behind window functions and joins.
#include <catch2/catch.hpp>

#include "engine/sql/exec/hash_join_executor.hpp"
#include "engine/sql/exec/window_frame.hpp"

using namespace basalt::engine::sql;

namespace {
using Bounds = std::pair<size_t, size_t>;
}

TEST_CASE("default frame covers the partition start through the current row's peers", "[sql][window]") {
  FrameSpec f;  // RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  // 5 rows, peers {0}, {1, 2}, {3, 4}
  REQUIRE(FrameBounds(f, 5, 0, 0, 1) == Bounds{0, 1});
  REQUIRE(FrameBounds(f, 5, 1, 1, 3) == Bounds{0, 3});
  REQUIRE(FrameBounds(f, 5, 2, 1, 3) == Bounds{0, 3});
  REQUIRE(FrameBounds(f, 5, 4, 3, 5) == Bounds{0, 5});
  // No ORDER BY: every row is a peer, so the frame is the whole partition.
  REQUIRE(FrameBounds(f, 5, 0, 0, 5) == Bounds{0, 5});
}

TEST_CASE("ROWS frames count physical rows and clamp at the partition edges", "[sql][window]") {
  FrameSpec f;
  f.rows = true;
  f.start = FrameBoundKind::kOffsetPreceding;
  f.start_offset = 1;
  f.end = FrameBoundKind::kOffsetFollowing;
  f.end_offset = 1;
  REQUIRE(FrameBounds(f, 4, 0, 0, 4) == Bounds{0, 2});
  REQUIRE(FrameBounds(f, 4, 2, 0, 4) == Bounds{1, 4});
  REQUIRE(FrameBounds(f, 4, 3, 0, 4) == Bounds{2, 4});
  f.start_offset = INT64_MAX;
  f.end_offset = INT64_MAX;
  REQUIRE(FrameBounds(f, 4, 2, 0, 4) == Bounds{0, 4});
}

TEST_CASE("ROWS CURRENT ROW ignores peers; empty frames stay empty", "[sql][window]") {
  FrameSpec f;
  f.rows = true;
  f.start = FrameBoundKind::kCurrentRow;
  f.end = FrameBoundKind::kUnboundedFollowing;
  REQUIRE(FrameBounds(f, 5, 1, 1, 3) == Bounds{1, 5});
  FrameSpec g;
  g.rows = true;
  g.start = FrameBoundKind::kOffsetPreceding;
  g.start_offset = 3;
  g.end = FrameBoundKind::kOffsetPreceding;
  g.end_offset = 2;
  REQUIRE(FrameBounds(g, 5, 1, 0, 5).first >= FrameBounds(g, 5, 1, 0, 5).second);  // rows -2..-1: none
  REQUIRE(FrameBounds(g, 5, 4, 0, 5) == Bounds{1, 3});
  FrameSpec h;
  h.rows = true;
  h.start = FrameBoundKind::kOffsetFollowing;
  h.start_offset = 2;
  h.end = FrameBoundKind::kUnboundedFollowing;
  REQUIRE(FrameBounds(h, 5, 3, 0, 5).first >= FrameBounds(h, 5, 3, 0, 5).second);
}

TEST_CASE("RANGE CURRENT ROW to UNBOUNDED FOLLOWING starts at the first peer", "[sql][window]") {
  FrameSpec f;
  f.start = FrameBoundKind::kCurrentRow;
  f.end = FrameBoundKind::kUnboundedFollowing;
  REQUIRE(FrameBounds(f, 5, 2, 1, 3) == Bounds{1, 5});
}

TEST_CASE("join hash table groups build rows by key with SQL equality", "[sql][join]") {
  std::vector<Type> types{Type{TypeId::kInt8, -1}, Type{TypeId::kText, -1}};
  JoinHashTable t(types);
  t.Insert({Value::Int(1), Value::String("a")}, 0);
  t.Insert({Value::Int(1), Value::String("a")}, 2);
  t.Insert({Value::Int(2), Value::String("a")}, 1);
  const auto* hits = t.Find({Value::Int(1), Value::String("a")});
  REQUIRE(hits != nullptr);
  REQUIRE(*hits == std::vector<size_t>{0, 2});
  REQUIRE(t.Find({Value::Int(1), Value::String("b")}) == nullptr);
  REQUIRE(t.size() == 2);
}
