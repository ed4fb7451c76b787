#include <catch2/catch.hpp>

#include "tests/unit/sql/engine_fixture.hpp"

using basalt::test::EngineFixture;
using Lines = std::vector<std::string>;

TEST_CASE("create, insert, select with where/order/limit", "[sql][session]") {
  EngineFixture f;
  REQUIRE(f.Run("CREATE TABLE t (id int PRIMARY KEY, name text, score double precision)") == Lines{"CREATE TABLE"});
  REQUIRE(f.Run("INSERT INTO t VALUES (1, 'a', 1.5), (2, 'b', NULL), (3, 'c', 3)") == Lines{"INSERT 0 3"});
  REQUIRE(f.Run("SELECT id, name FROM t WHERE id >= 2 ORDER BY id DESC LIMIT 1") ==
          Lines{"cols: id name", "3|c", "SELECT 1"});
  REQUIRE(f.Run("SELECT score FROM t ORDER BY score NULLS FIRST") ==
          Lines{"cols: score", "<null>", "1.5", "3", "SELECT 3"});
  REQUIRE(f.Run("SELECT * FROM t WHERE id = 2") == Lines{"cols: id name score", "2|b|<null>", "SELECT 1"});
}

TEST_CASE("update, delete and counts", "[sql][session]") {
  EngineFixture f;
  f.Run("CREATE TABLE t (k int PRIMARY KEY, v int NOT NULL DEFAULT 7)");
  REQUIRE(f.Run("INSERT INTO t (k) VALUES (1), (2), (3)") == Lines{"INSERT 0 3"});
  REQUIRE(f.Run("UPDATE t SET v = v + k WHERE k > 1") == Lines{"UPDATE 2"});
  REQUIRE(f.Run("SELECT k, v FROM t ORDER BY k") == Lines{"cols: k v", "1|7", "2|9", "3|10", "SELECT 3"});
  REQUIRE(f.Run("DELETE FROM t WHERE v > 8") == Lines{"DELETE 2"});
  REQUIRE(f.Run("SELECT count(*), sum(v) FROM t") == Lines{"cols: count sum", "1|7", "SELECT 1"});
}

TEST_CASE("aggregates with group by and having", "[sql][session]") {
  EngineFixture f;
  f.Run("CREATE TABLE s (g text, x int)");
  f.Run("INSERT INTO s VALUES ('a', 1), ('a', 2), ('b', 5), ('b', NULL), ('c', 4)");
  REQUIRE(f.Run("SELECT g, count(x), sum(x), min(x), max(x), avg(x) FROM s GROUP BY g HAVING count(*) > 1 ORDER BY g") ==
          Lines{"cols: g count sum min max avg", "a|2|3|1|2|1.5000000000000000", "b|1|5|5|5|5.0000000000000000",
                "SELECT 2"});
  REQUIRE(f.Run("SELECT DISTINCT g FROM s ORDER BY 1") == Lines{"cols: g", "a", "b", "c", "SELECT 3"});
}

TEST_CASE("errors carry PostgreSQL's SQLSTATEs", "[sql][session]") {
  EngineFixture f;
  f.Run("CREATE TABLE t (id int PRIMARY KEY, n int NOT NULL)");
  REQUIRE(f.Run("SELECT * FROM missing") == Lines{"ERROR 42P01: relation \"missing\" does not exist"});
  REQUIRE(f.Run("SELECT nope FROM t") == Lines{"ERROR 42703: column \"nope\" does not exist"});
  REQUIRE(f.Run("CREATE TABLE t (x int)") == Lines{"ERROR 42P07: relation \"t\" already exists"});
  f.Run("INSERT INTO t VALUES (1, 1)");
  REQUIRE(f.Run("INSERT INTO t VALUES (1, 2)") ==
          Lines{"ERROR 23505: duplicate key value violates unique constraint \"t_pkey\""});
  REQUIRE(f.Run("INSERT INTO t VALUES (2, NULL)") ==
          Lines{"ERROR 23502: null value in column \"n\" of relation \"t\" violates not-null constraint"});
  REQUIRE(f.Run("SELECT 1/0") == Lines{"ERROR 22012: division by zero"});
  REQUIRE(f.Run("SELECT 'abc'::int") == Lines{"ERROR 22P02: invalid input syntax for type integer: \"abc\""});
  REQUIRE(f.Run("SELECT 2147483647 + 1") == Lines{"ERROR 22003: integer out of range"});
  REQUIRE(f.Run("INSERT INTO t VALUES (3, true)") ==
          Lines{"ERROR 42804: column \"n\" is of type integer but expression is of type boolean"});
  REQUIRE(f.Run("SELEC 1") == Lines{"ERROR 42601: syntax error at or near \"SELEC\""});
}

TEST_CASE("transactions: rollback, failed block, implicit multi-statement", "[sql][session]") {
  EngineFixture f;
  f.Run("CREATE TABLE t (id int PRIMARY KEY)");
  REQUIRE(f.Run("BEGIN") == Lines{"BEGIN"});
  REQUIRE(f.session().TransactionStatus() == 'T');
  f.Run("INSERT INTO t VALUES (1)");
  REQUIRE(f.Run("SELECT 1/0") == Lines{"ERROR 22012: division by zero"});
  REQUIRE(f.session().TransactionStatus() == 'E');
  REQUIRE(f.Run("SELECT 1") ==
          Lines{"ERROR 25P02: current transaction is aborted, commands ignored until end of transaction block"});
  REQUIRE(f.Run("ROLLBACK") == Lines{"ROLLBACK"});
  REQUIRE(f.Run("SELECT count(*) FROM t") == Lines{"cols: count", "0", "SELECT 1"});
  // One implicit transaction: the error rolls back the earlier insert.
  REQUIRE(f.Run("INSERT INTO t VALUES (5); SELECT 1/0") == Lines{"INSERT 0 1", "ERROR 22012: division by zero"});
  REQUIRE(f.Run("SELECT count(*) FROM t") == Lines{"cols: count", "0", "SELECT 1"});
}
