#include "parse_helpers.hpp"

namespace basalt::engine::sql::test {
namespace {

using ast::ExprKind;

TEST_CASE("select list, from, where, order by, limit", "[parser][select]") {
  auto s = ParseOne<ast::SelectStmt>(
      "SELECT a, t.b AS bee, * FROM public.t AS x WHERE a > 1 ORDER BY a DESC NULLS LAST, b "
      "LIMIT 10 OFFSET 5");
  REQUIRE(s.op == ast::SetOpKind::kNone);
  REQUIRE(s.targets.size() == 3);
  REQUIRE(s.targets[0].expr->kind == ExprKind::kColumnRef);
  REQUIRE(s.targets[0].expr->names == Names{"a"});
  REQUIRE(s.targets[0].location == 7);
  REQUIRE(s.targets[1].expr->names == Names{"t", "b"});
  REQUIRE(s.targets[1].alias == "bee");
  REQUIRE(s.targets[2].expr->star);
  REQUIRE(s.targets[2].expr->names.empty());

  REQUIRE(s.from.size() == 1);
  const auto& from = *s.from[0];
  REQUIRE(from.kind == ast::TableRef::Kind::kTable);
  REQUIRE(from.table.schema == "public");
  REQUIRE(from.table.name == "t");
  REQUIRE(from.alias->name == "x");
  REQUIRE(from.location == 29);

  REQUIRE(s.where->kind == ExprKind::kOp);
  REQUIRE(s.where->names == Names{">"});
  REQUIRE(s.where->args.size() == 2);
  REQUIRE(s.where->args[1]->int_value == 1);

  REQUIRE(s.order_by.size() == 2);
  REQUIRE(s.order_by[0].dir == ast::SortDir::kDesc);
  REQUIRE(s.order_by[0].nulls == ast::NullsOrder::kLast);
  REQUIRE(s.order_by[1].dir == ast::SortDir::kDefault);
  REQUIRE(s.order_by[1].nulls == ast::NullsOrder::kDefault);
  REQUIRE(s.limit->int_value == 10);
  REQUIRE(s.offset->int_value == 5);
}

TEST_CASE("LIMIT ALL is no limit; FETCH FIRST is a limit", "[parser][select]") {
  REQUIRE(ParseOne<ast::SelectStmt>("SELECT 1 LIMIT ALL").limit == nullptr);
  REQUIRE(ParseOne<ast::SelectStmt>("SELECT 1").limit == nullptr);
  auto s = ParseOne<ast::SelectStmt>("SELECT 1 FETCH FIRST 3 ROWS ONLY");
  REQUIRE(s.limit->int_value == 3);
}

TEST_CASE("DISTINCT versus DISTINCT ON", "[parser][select]") {
  auto plain = ParseOne<ast::SelectStmt>("SELECT DISTINCT a FROM t");
  REQUIRE(plain.distinct);
  REQUIRE(plain.distinct_on.empty());
  auto on = ParseOne<ast::SelectStmt>("SELECT DISTINCT ON (a, b) a, c FROM t");
  REQUIRE_FALSE(on.distinct);
  REQUIRE(on.distinct_on.size() == 2);
  REQUIRE(on.distinct_on[1]->names == Names{"b"});
  REQUIRE_FALSE(ParseOne<ast::SelectStmt>("SELECT a FROM t").distinct);
}

TEST_CASE("group by, having, grouping sets", "[parser][select]") {
  auto s = ParseOne<ast::SelectStmt>(
      "SELECT a, count(*) FROM t GROUP BY a, ROLLUP (b, c), CUBE (d), GROUPING SETS ((e), ()) "
      "HAVING count(*) > 1");
  REQUIRE(s.group_by.size() == 4);
  REQUIRE(s.group_by[0]->kind == ExprKind::kColumnRef);
  REQUIRE(s.group_by[1]->kind == ExprKind::kFunc);
  REQUIRE(s.group_by[1]->names == Names{"rollup"});
  REQUIRE(s.group_by[1]->args.size() == 2);
  REQUIRE(s.group_by[2]->names == Names{"cube"});
  REQUIRE(s.group_by[3]->names == Names{"grouping sets"});
  REQUIRE(s.group_by[3]->args[1]->names == Names{"empty grouping set"});
  REQUIRE(s.having->kind == ExprKind::kOp);
}

TEST_CASE("set operations", "[parser][select]") {
  auto s = ParseOne<ast::SelectStmt>(
      "SELECT a FROM t UNION ALL SELECT b FROM u EXCEPT SELECT 3 ORDER BY 1 LIMIT 2");
  REQUIRE(s.op == ast::SetOpKind::kExcept);
  REQUIRE_FALSE(s.all);
  REQUIRE(s.larg->op == ast::SetOpKind::kUnion);
  REQUIRE(s.larg->all);
  REQUIRE(s.larg->larg->targets[0].expr->names == Names{"a"});
  REQUIRE(s.rarg->targets[0].expr->int_value == 3);
  REQUIRE(s.order_by.size() == 1);
  REQUIRE(s.limit->int_value == 2);
  REQUIRE(ParseOne<ast::SelectStmt>("SELECT 1 INTERSECT SELECT 2").op == ast::SetOpKind::kIntersect);
}

TEST_CASE("VALUES lists", "[parser][select]") {
  auto s = ParseOne<ast::SelectStmt>("VALUES (1, 'a'), (2, DEFAULT)");
  REQUIRE(s.values.size() == 2);
  REQUIRE(s.values[0][1]->const_kind == ast::ConstKind::kString);
  REQUIRE(s.values[1][1]->kind == ExprKind::kDefault);
}

TEST_CASE("WITH and WITH RECURSIVE", "[parser][select]") {
  auto s = ParseOne<ast::SelectStmt>(
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5), "
      "q AS MATERIALIZED (SELECT 2) SELECT * FROM r");
  REQUIRE(s.with_recursive);
  REQUIRE(s.with.size() == 2);
  REQUIRE(s.with[0].name == "r");
  REQUIRE(s.with[0].columns == Names{"n"});
  REQUIRE(s.with[0].query->op == ast::SetOpKind::kUnion);
  REQUIRE(s.with[1].name == "q");
  REQUIRE(s.with[1].location == 77);
}

TEST_CASE("joins", "[parser][select][from]") {
  auto s = ParseOne<ast::SelectStmt>(
      "SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id) CROSS JOIN d "
      "NATURAL FULL JOIN e, f");
  REQUIRE(s.from.size() == 2);
  const auto& full = *s.from[0];
  REQUIRE(full.kind == ast::TableRef::Kind::kJoin);
  REQUIRE(full.join_kind == ast::JoinKind::kFull);
  REQUIRE(full.natural);
  const auto& cross = *full.left;
  REQUIRE(cross.join_kind == ast::JoinKind::kCross);
  const auto& left = *cross.left;
  REQUIRE(left.join_kind == ast::JoinKind::kLeft);
  REQUIRE(left.using_columns == Names{"id"});
  const auto& inner = *left.left;
  REQUIRE(inner.join_kind == ast::JoinKind::kInner);
  REQUIRE(inner.on->names == Names{"="});
  REQUIRE(inner.left->table.name == "a");
  REQUIRE(s.from[1]->table.name == "f");
  auto r = ParseOne<ast::SelectStmt>("SELECT * FROM a RIGHT OUTER JOIN b ON true");
  REQUIRE(r.from[0]->join_kind == ast::JoinKind::kRight);
  // JOIN ... ON TRUE is an inner join with a condition, not a cross join.
  REQUIRE(ParseOne<ast::SelectStmt>("SELECT * FROM a JOIN b ON true").from[0]->join_kind ==
          ast::JoinKind::kInner);
}

TEST_CASE("subqueries, VALUES and functions in FROM", "[parser][select][from]") {
  auto s = ParseOne<ast::SelectStmt>(
      "SELECT * FROM (SELECT 1) AS s(x), LATERAL (VALUES (1), (2)) v(y), "
      "generate_series(1, 10) AS g(i)");
  REQUIRE(s.from.size() == 3);
  REQUIRE(s.from[0]->kind == ast::TableRef::Kind::kSubquery);
  REQUIRE(s.from[0]->alias->name == "s");
  REQUIRE(s.from[0]->alias->columns == Names{"x"});
  REQUIRE(s.from[1]->kind == ast::TableRef::Kind::kValues);
  REQUIRE(s.from[1]->lateral);
  REQUIRE(s.from[1]->subquery->values.size() == 2);
  REQUIRE(s.from[2]->kind == ast::TableRef::Kind::kFunction);
  REQUIRE(s.from[2]->function->names == Names{"generate_series"});
  REQUIRE(s.from[2]->alias->columns == Names{"i"});
}

TEST_CASE("locking clauses and SELECT INTO", "[parser][select]") {
  auto s = ParseOne<ast::SelectStmt>("SELECT * FROM t, u FOR UPDATE OF t SKIP LOCKED FOR SHARE NOWAIT");
  REQUIRE(s.locking.size() == 2);
  REQUIRE(s.locking[0].strength == ast::LockStrength::kForUpdate);
  REQUIRE(s.locking[0].wait == ast::LockWait::kSkipLocked);
  REQUIRE(s.locking[0].tables.size() == 1);
  REQUIRE(s.locking[0].tables[0].name == "t");
  REQUIRE(s.locking[1].strength == ast::LockStrength::kForShare);
  REQUIRE(s.locking[1].wait == ast::LockWait::kNoWait);
  auto n = ParseOne<ast::SelectStmt>("SELECT 1 FOR NO KEY UPDATE FOR KEY SHARE");
  REQUIRE(n.locking[0].strength == ast::LockStrength::kForNoKeyUpdate);
  REQUIRE(n.locking[1].strength == ast::LockStrength::kForKeyShare);
  auto into = ParseOne<ast::SelectStmt>("SELECT a INTO newt FROM t");
  REQUIRE(into.into.has_value());
  REQUIRE(into.into->name == "newt");
}

TEST_CASE("window functions and WINDOW clause", "[parser][select][window]") {
  auto s = ParseOne<ast::SelectStmt>(
      "SELECT sum(x) OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), "
      "rank() OVER w, count(*) OVER (w ORDER BY c) FROM t WINDOW w AS (PARTITION BY d)");
  const auto& sum = *s.targets[0].expr;
  REQUIRE(sum.over);
  REQUIRE(sum.over->partition_by.size() == 1);
  REQUIRE(sum.over->order_by[0].dir == ast::SortDir::kDesc);
  REQUIRE(sum.over->frame_options != 0);
  REQUIRE(sum.over->frame_start->int_value == 1);
  REQUIRE(sum.over->frame_end == nullptr);
  REQUIRE(s.targets[1].expr->over->name == "w");
  REQUIRE(s.targets[2].expr->over->ref_name == "w");
  REQUIRE(s.targets[2].expr->star);
  REQUIRE(s.windows.size() == 1);
  REQUIRE(s.windows[0]->name == "w");
  REQUIRE(s.windows[0]->partition_by[0]->names == Names{"d"});
}

}  // namespace
}  // namespace basalt::engine::sql::test
