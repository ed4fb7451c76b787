// pg_stat_statements' normaliser and store, and the pg_stat_activity registry.
#include <catch2/catch.hpp>

#include "engine/sql/system/backend_activity.hpp"
#include "engine/sql/system/statement_stats.hpp"

using namespace basalt::engine::sql::system;

TEST_CASE("constants become $n as pg_stat_statements shows them", "[sql][stats]") {
  REQUIRE(NormalizeQuery("SELECT * FROM t WHERE id = 42").text == "SELECT * FROM t WHERE id = $1");
  REQUIRE(NormalizeQuery("  INSERT INTO t VALUES (1, 'a'), (2.5e3, E'b\\'c');  ").text ==
          "INSERT INTO t VALUES ($1, $2), ($3, $4)");
  REQUIRE(NormalizeQuery("SELECT $1::int + 1").text == "SELECT $1::int + $2");
  REQUIRE(NormalizeQuery("SELECT t1.a, \"x1\" FROM t1 -- 5\n").text == "SELECT t1.a, \"x1\" FROM t1 -- 5");
  REQUIRE(NormalizeQuery("SELECT $$a$$ || $q$b$q$").text == "SELECT $1 || $2");
  REQUIRE(NormalizeQuery("SELECT x'ff', .5").text == "SELECT $1, $2");
  REQUIRE(NormalizeQuery("SELECT 1").query_id == NormalizeQuery("SELECT 2").query_id);
  REQUIRE(NormalizeQuery("SELECT 1").query_id != NormalizeQuery("SELECT 1 + 1").query_id);
}

TEST_CASE("statement stats aggregate calls, times and rows", "[sql][stats]") {
  StatementStats stats;
  NormalizedQuery q = NormalizeQuery("SELECT 1");
  stats.Record("u", "db", q, 0.001, 1);
  stats.Record("u", "db", q, 0.003, 1);
  stats.Record("v", "db", q, 0.005, 1);
  auto rows = stats.Snapshot();
  REQUIRE(rows.size() == 2);
  const StatementStatsRow& r = rows[0].user == "u" ? rows[0] : rows[1];
  REQUIRE(r.calls == 2);
  REQUIRE(r.rows == 2);
  REQUIRE(r.total_ms == Approx(4.0));
  REQUIRE(r.min_ms == Approx(1.0));
  REQUIRE(r.max_ms == Approx(3.0));
  REQUIRE(r.mean_ms == Approx(2.0));
  REQUIRE(r.stddev_ms == Approx(1.0));
  REQUIRE(r.query == "SELECT $1");
  stats.Reset();
  REQUIRE(stats.Snapshot().empty());
}

TEST_CASE("activity registry tracks live connections and their state", "[sql][stats]") {
  ActivityRegistry registry;
  ActivityFacts facts;
  facts.pid = 7;
  facts.user = "u";
  auto a = registry.Register(facts);
  a->StatementStarted("BEGIN", 'I');
  a->StatementFinished('T');
  auto snap = registry.Snapshot();
  REQUIRE(snap.size() == 1);
  REQUIRE(snap[0].state == "idle in transaction");
  REQUIRE(snap[0].xact_start != 0);
  a->StatementStarted("COMMIT", 'T');
  REQUIRE(registry.Snapshot()[0].state == "active");
  a->StatementFinished('I');
  REQUIRE(registry.Snapshot()[0].xact_start == 0);
  a.reset();
  REQUIRE(registry.Snapshot().empty());
}
