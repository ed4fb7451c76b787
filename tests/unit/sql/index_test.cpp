#include <catch2/catch.hpp>

#include "engine/sql/binder/binder.hpp"
#include "tests/unit/sql/engine_fixture.hpp"

using basalt::test::EngineFixture;
using Lines = std::vector<std::string>;
namespace sql = basalt::engine::sql;
namespace catalog = basalt::engine::catalog;

namespace {

catalog::TableDef TwoColumnTable() {
  catalog::TableDef t;
  t.oid = 20000;
  t.name = "t";
  t.columns.push_back(catalog::ColumnDef{"id", sql::Type{sql::TypeId::kInt4, -1}, true, ""});
  t.columns.push_back(catalog::ColumnDef{"a", sql::Type{sql::TypeId::kInt4, -1}, false, ""});
  t.primary_key = {0};
  catalog::IndexDef ix;
  ix.oid = 20001;
  ix.name = "t_a_idx";
  ix.keys.push_back(catalog::IndexKey{1, "", false, false});
  t.indexes.push_back(ix);
  return t;
}

sql::BoundExprPtr Compare(const char* op, int column, int64_t value) {
  auto e = std::make_unique<sql::BoundExpr>(sql::BoundKind::kBinary, sql::Type{sql::TypeId::kBool, -1});
  e->name = op;
  e->args.push_back(sql::BoundExpr::Column(column, sql::Type{sql::TypeId::kInt4, -1}));
  e->args.push_back(sql::BoundExpr::Const(sql::Value::Int(value), sql::Type{sql::TypeId::kInt4, -1}));
  return e;
}

}  // namespace

TEST_CASE("the access path prefers a point key, then an index, then a full scan", "[sql][index]") {
  sql::TableScanPlan scan;
  scan.table = TwoColumnTable();
  SECTION("equality on the indexed column reads the index") {
    scan.filter = Compare("=", 1, 5);
    sql::PushKeyRange(scan);
    REQUIRE(scan.uses_index());
    REQUIRE(scan.index_name == "t_a_idx");
    REQUIRE(scan.index_ranges.size() == 1);
  }
  SECTION("a primary-key point lookup beats the index") {
    auto both = std::make_unique<sql::BoundExpr>(sql::BoundKind::kAnd, sql::Type{sql::TypeId::kBool, -1});
    both->args.push_back(Compare("=", 1, 5));
    both->args.push_back(Compare("=", 0, 7));
    scan.filter = std::move(both);
    sql::PushKeyRange(scan);
    REQUIRE_FALSE(scan.uses_index());
    REQUIRE(scan.point_key.has_value());
  }
  SECTION("a range on the indexed column reads one index range") {
    scan.filter = Compare(">", 1, 5);
    sql::PushKeyRange(scan);
    REQUIRE(scan.uses_index());
    REQUIRE(scan.index_ranges.size() == 1);
    REQUIRE(scan.index_ranges[0].begin < scan.index_ranges[0].end);
  }
  SECTION("a filter on an unindexed expression scans the table") {
    scan.filter = Compare("<>", 1, 5);
    sql::PushKeyRange(scan);
    REQUIRE_FALSE(scan.uses_index());
    REQUIRE_FALSE(scan.point_key.has_value());
  }
}

TEST_CASE("index entries follow inserts, updates, deletes and rollbacks", "[sql][index]") {
  EngineFixture f;
  f.Run("CREATE TABLE t (id int PRIMARY KEY, a int, b text)");
  f.Run("INSERT INTO t VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 10, NULL)");
  REQUIRE(f.Run("CREATE INDEX ON t (a)") == Lines{"CREATE INDEX"});
  REQUIRE(f.Run("SELECT id FROM t WHERE a = 10 ORDER BY id") == Lines{"cols: id", "1", "3", "SELECT 2"});
  f.Run("UPDATE t SET a = 30 WHERE id = 1");
  REQUIRE(f.Run("SELECT id FROM t WHERE a = 10") == Lines{"cols: id", "3", "SELECT 1"});
  REQUIRE(f.Run("SELECT id FROM t WHERE a = 30") == Lines{"cols: id", "1", "SELECT 1"});
  f.Run("UPDATE t SET id = 4 WHERE id = 3");
  REQUIRE(f.Run("SELECT id, a FROM t WHERE a = 10") == Lines{"cols: id a", "4|10", "SELECT 1"});
  f.Run("DELETE FROM t WHERE a = 20");
  REQUIRE(f.Run("SELECT id FROM t WHERE a = 20") == Lines{"cols: id", "SELECT 0"});
  f.Run("BEGIN");
  f.Run("INSERT INTO t VALUES (9, 99, 'z')");
  REQUIRE(f.Run("SELECT id FROM t WHERE a = 99") == Lines{"cols: id", "9", "SELECT 1"});
  f.Run("ROLLBACK");
  REQUIRE(f.Run("SELECT id FROM t WHERE a = 99") == Lines{"cols: id", "SELECT 0"});
  REQUIRE(f.Run("SELECT id FROM t WHERE a > 5 ORDER BY a DESC LIMIT 1") == Lines{"cols: id", "1", "SELECT 1"});
}

TEST_CASE("unique indexes and constraints reject duplicates, NULLs are distinct", "[sql][index]") {
  EngineFixture f;
  f.Run("CREATE TABLE u (id int PRIMARY KEY, a int UNIQUE, b int CHECK (b > 0))");
  REQUIRE(f.Run("INSERT INTO u VALUES (1, 1, 1), (2, NULL, 1), (3, NULL, 1)") == Lines{"INSERT 0 3"});
  REQUIRE(f.Run("INSERT INTO u VALUES (4, 1, 1)") ==
          Lines{"ERROR 23505: duplicate key value violates unique constraint \"u_a_key\""});
  REQUIRE(f.Run("INSERT INTO u VALUES (4, 4, 0)") ==
          Lines{"ERROR 23514: new row for relation \"u\" violates check constraint \"u_b_check\""});
  REQUIRE(f.Run("UPDATE u SET a = 1 WHERE id = 2") ==
          Lines{"ERROR 23505: duplicate key value violates unique constraint \"u_a_key\""});
  f.Run("DELETE FROM u WHERE id = 1");
  REQUIRE(f.Run("INSERT INTO u VALUES (4, 1, 1)") == Lines{"INSERT 0 1"});
  REQUIRE(f.Run("CREATE UNIQUE INDEX ON u (b)") ==
          Lines{"ERROR 23505: could not create unique index \"u_b_idx\""});
}
