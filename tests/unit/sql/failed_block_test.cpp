// A failed statement in an explicit block releases the transaction's row locks
// at the error (PostgreSQL's AbortTransaction), not at the client's ROLLBACK;
// with a savepoint the block stays resumable. Regression test for
// Session::FailBlock (found by tests/server/anomalies.py: deadlock winner and
// locks_released_at_error waited for the loser's ROLLBACK).
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "engine_fixture.hpp"

namespace {

using basalt::test::CaptureSink;

struct TwoSessions {
  TwoSessions() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("basalt-unit-" + std::to_string(rd()));
    basalt::engine::Engine::InitDataDir(dir, basalt::engine::InitOptions{});
    engine = basalt::engine::Engine::Open(dir, settings);
    a = engine->Connect("basalt", "basalt", settings);
    b = engine->Connect("basalt", "basalt", settings);
  }
  ~TwoSessions() {
    a.reset();
    b.reset();
    engine.reset();
    std::filesystem::remove_all(dir);
  }
  static std::string Run(basalt::engine::SqlSession& s, std::string_view sql) {
    CaptureSink sink;
    try {
      s.ExecuteSimple(sql, sink);
    } catch (const basalt::engine::DbError& e) {
      return "ERROR " + std::string(e.code().code());
    }
    return sink.lines.empty() ? "" : sink.lines.back();
  }
  std::filesystem::path dir;
  basalt::conf::Settings settings;
  std::unique_ptr<basalt::engine::Engine> engine;
  std::unique_ptr<basalt::engine::SqlSession> a;
  std::unique_ptr<basalt::engine::SqlSession> b;
};

}  // namespace

TEST_CASE("a failed block releases its row locks at the error", "[sql][session][txn]") {
  TwoSessions t;
  REQUIRE(t.Run(*t.a, "CREATE TABLE t (id integer PRIMARY KEY, v integer)") == "CREATE TABLE");
  REQUIRE(t.Run(*t.a, "INSERT INTO t VALUES (1, 10)") == "INSERT 0 1");
  REQUIRE(t.Run(*t.a, "BEGIN") == "BEGIN");
  REQUIRE(t.Run(*t.a, "UPDATE t SET v = 11 WHERE id = 1") == "UPDATE 1");
  REQUIRE(t.Run(*t.a, "SELECT 1 / 0") == "ERROR 22012");
  REQUIRE(t.a->TransactionStatus() == 'E');
  // Before the fix this waited for A's lock and failed with 55P03.
  REQUIRE(t.Run(*t.b, "SET lock_timeout = '2s'") == "SET");
  REQUIRE(t.Run(*t.b, "UPDATE t SET v = 12 WHERE id = 1") == "UPDATE 1");
  REQUIRE(t.Run(*t.a, "SELECT 1") == "ERROR 25P02");
  REQUIRE(t.Run(*t.a, "COMMIT") == "ROLLBACK");
  REQUIRE(t.Run(*t.a, "SELECT v FROM t") == "SELECT 1");
  CaptureSink sink;
  t.a->ExecuteSimple("SELECT v FROM t", sink);
  REQUIRE(sink.lines.at(1) == "12");
}

TEST_CASE("a failed block with a savepoint stays resumable", "[sql][session][txn]") {
  TwoSessions t;
  REQUIRE(t.Run(*t.a, "CREATE TABLE t (id integer PRIMARY KEY, v integer)") == "CREATE TABLE");
  REQUIRE(t.Run(*t.a, "INSERT INTO t VALUES (1, 10)") == "INSERT 0 1");
  REQUIRE(t.Run(*t.a, "BEGIN") == "BEGIN");
  REQUIRE(t.Run(*t.a, "UPDATE t SET v = 20 WHERE id = 1") == "UPDATE 1");
  REQUIRE(t.Run(*t.a, "SAVEPOINT s") == "SAVEPOINT");
  REQUIRE(t.Run(*t.a, "SELECT 1 / 0") == "ERROR 22012");
  REQUIRE(t.Run(*t.a, "ROLLBACK TO SAVEPOINT s") == "ROLLBACK");
  REQUIRE(t.Run(*t.a, "COMMIT") == "COMMIT");
  CaptureSink sink;
  t.b->ExecuteSimple("SELECT v FROM t", sink);
  REQUIRE(sink.lines.at(1) == "20");
}
