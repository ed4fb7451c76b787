#include "parse_helpers.hpp"

namespace basalt::engine::sql::test {
namespace {

using ast::ExprKind;

TEST_CASE("INSERT ... VALUES with columns and RETURNING", "[parser][insert]") {
  auto s = ParseOne<ast::InsertStmt>(
      "INSERT INTO s.t AS x (a, b) VALUES (1, 'one'), (2, DEFAULT) RETURNING a, b AS bee");
  REQUIRE(s.table.schema == "s");
  REQUIRE(s.table.name == "t");
  REQUIRE(s.alias == "x");
  REQUIRE(s.columns == Names{"a", "b"});
  REQUIRE(s.column_locations == std::vector<int>{22, 25});
  REQUIRE(s.source);
  REQUIRE(s.source->values.size() == 2);
  REQUIRE(s.source->values[0][0]->int_value == 1);
  REQUIRE(s.source->values[0][1]->text == "one");
  REQUIRE(s.source->values[1][1]->kind == ExprKind::kDefault);
  REQUIRE(s.returning.size() == 2);
  REQUIRE(s.returning[1].alias == "bee");
  REQUIRE_FALSE(s.has_on_conflict);
}

TEST_CASE("INSERT ... SELECT and DEFAULT VALUES", "[parser][insert]") {
  auto s = ParseOne<ast::InsertStmt>("INSERT INTO t SELECT * FROM u WHERE a > 0");
  REQUIRE(s.columns.empty());
  REQUIRE(s.source->values.empty());
  REQUIRE(s.source->from[0]->table.name == "u");
  auto d = ParseOne<ast::InsertStmt>("INSERT INTO t DEFAULT VALUES");
  REQUIRE(d.source == nullptr);
}

TEST_CASE("INSERT ... ON CONFLICT", "[parser][insert]") {
  auto nothing = ParseOne<ast::InsertStmt>("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING");
  REQUIRE(nothing.has_on_conflict);
  REQUIRE_FALSE(nothing.on_conflict_do_update);
  REQUIRE(nothing.conflict_columns.empty());

  auto upd = ParseOne<ast::InsertStmt>(
      "INSERT INTO t (k, v) VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v + t.v "
      "WHERE t.v < 10");
  REQUIRE(upd.on_conflict_do_update);
  REQUIRE(upd.conflict_columns == Names{"k"});
  REQUIRE(upd.conflict_set.size() == 1);
  REQUIRE(upd.conflict_set[0].alias == "v");
  REQUIRE(upd.conflict_set[0].expr->args[0]->names == Names{"excluded", "v"});
  REQUIRE(upd.conflict_where->names == Names{"<"});

  auto con = ParseOne<ast::InsertStmt>("INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING");
  REQUIRE(con.conflict_constraint == "t_pkey");
}

TEST_CASE("UPDATE with FROM, WHERE, RETURNING and multi-column SET", "[parser][update]") {
  auto s = ParseOne<ast::UpdateStmt>(
      "WITH w AS (SELECT 1) UPDATE t AS x SET a = a + 1, (b, c) = (2, 3) FROM u "
      "WHERE x.id = u.id RETURNING *");
  REQUIRE(s.with.size() == 1);
  REQUIRE(s.table.name == "t");
  REQUIRE(s.alias == "x");
  REQUIRE(s.set.size() == 3);
  REQUIRE(s.set[0].alias == "a");
  REQUIRE(s.set[0].expr->names == Names{"+"});
  REQUIRE(s.set[1].alias == "b");
  REQUIRE(s.set[1].expr->int_value == 2);
  REQUIRE(s.set[2].alias == "c");
  REQUIRE(s.set[2].expr->int_value == 3);
  REQUIRE(s.from.size() == 1);
  REQUIRE(s.where->kind == ExprKind::kOp);
  REQUIRE(s.returning[0].expr->star);
}

TEST_CASE("pgbench statements", "[parser][update]") {
  auto u = ParseOne<ast::UpdateStmt>(
      "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2");
  REQUIRE(u.set[0].expr->args[1]->param_number == 1);
  REQUIRE(u.where->args[1]->param_number == 2);
  auto sel = ParseOne<ast::SelectStmt>("SELECT abalance FROM pgbench_accounts WHERE aid = 48213");
  REQUIRE(sel.where->args[1]->int_value == 48213);
}

TEST_CASE("DELETE with USING and RETURNING", "[parser][delete]") {
  auto s = ParseOne<ast::DeleteStmt>("DELETE FROM t AS x USING u WHERE x.a = u.a RETURNING x.a");
  REQUIRE(s.table.name == "t");
  REQUIRE(s.alias == "x");
  REQUIRE(s.using_tables.size() == 1);
  REQUIRE(s.using_tables[0]->table.name == "u");
  REQUIRE(s.where);
  REQUIRE(s.returning.size() == 1);
  auto all = ParseOne<ast::DeleteStmt>("DELETE FROM t");
  REQUIRE(all.where == nullptr);
  REQUIRE_FALSE(all.alias.has_value());
}

}  // namespace
}  // namespace basalt::engine::sql::test
