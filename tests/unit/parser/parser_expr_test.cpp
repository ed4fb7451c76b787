#include "parse_helpers.hpp"

namespace basalt::engine::sql::test {
namespace {

using ast::ConstKind;
using ast::ExprKind;

TEST_CASE("constants", "[parser][expr]") {
  auto i = ParseExpr("42");
  REQUIRE(i->kind == ExprKind::kConst);
  REQUIRE(i->const_kind == ConstKind::kInteger);
  REQUIRE(i->int_value == 42);
  REQUIRE(i->text == "42");
  REQUIRE(i->location == 7);

  auto neg = ParseExpr("-7");
  REQUIRE(neg->const_kind == ConstKind::kInteger);
  REQUIRE(neg->int_value == -7);

  auto zero = ParseExpr("0");
  REQUIRE(zero->const_kind == ConstKind::kInteger);
  REQUIRE(zero->int_value == 0);

  auto f = ParseExpr("1.50");
  REQUIRE(f->const_kind == ConstKind::kNumeric);
  REQUIRE(f->text == "1.50");

  // Integers past int32 stay as digit strings, as in PostgreSQL.
  auto big = ParseExpr("9999999999");
  REQUIRE(big->const_kind == ConstKind::kNumeric);
  REQUIRE(big->text == "9999999999");

  auto s = ParseExpr("'it''s'");
  REQUIRE(s->const_kind == ConstKind::kString);
  REQUIRE(s->text == "it's");

  REQUIRE(ParseExpr("true")->const_kind == ConstKind::kBool);
  REQUIRE(ParseExpr("true")->text == "t");
  REQUIRE(ParseExpr("FALSE")->text == "f");
  REQUIRE(ParseExpr("NULL")->const_kind == ConstKind::kNull);

  auto bits = ParseExpr("B'101'");
  REQUIRE(bits->const_kind == ConstKind::kBitString);
  REQUIRE(bits->text == "b101");
  REQUIRE(ParseExpr("X'1F'")->text == "x1F");
}

TEST_CASE("column refs and params", "[parser][expr]") {
  auto c = ParseExpr("s.t.c");
  REQUIRE(c->kind == ExprKind::kColumnRef);
  REQUIRE(c->names == Names{"s", "t", "c"});
  REQUIRE_FALSE(c->star);
  auto star = ParseExpr("t.*");
  REQUIRE(star->names == Names{"t"});
  REQUIRE(star->star);
  auto q = ParseExpr("\"MixedCase\"");
  REQUIRE(q->names == Names{"MixedCase"});
  auto p = ParseExpr("$3");
  REQUIRE(p->kind == ExprKind::kParam);
  REQUIRE(p->param_number == 3);
  REQUIRE(p->location == 7);
}

TEST_CASE("operators", "[parser][expr]") {
  auto e = ParseExpr("a + b * 2");
  REQUIRE(e->kind == ExprKind::kOp);
  REQUIRE(e->names == Names{"+"});
  REQUIRE(e->location == 9);
  REQUIRE(e->args[1]->names == Names{"*"});

  auto prefix = ParseExpr("- a");
  REQUIRE(prefix->kind == ExprKind::kOp);
  REQUIRE(prefix->names == Names{"-"});
  REQUIRE(prefix->args.size() == 1);

  auto qualified = ParseExpr("1 OPERATOR(pg_catalog.+) 2");
  REQUIRE(qualified->names == Names{"pg_catalog", "+"});
  REQUIRE(qualified->args.size() == 2);

  auto any = ParseExpr("x = ANY(ARRAY[1, 2])");
  REQUIRE(any->kind == ExprKind::kOp);
  REQUIRE(any->names == Names{"="});
  REQUIRE(any->quantifier == ast::OpQuantifier::kAny);
  REQUIRE(any->args[1]->kind == ExprKind::kArray);
  REQUIRE(any->args[1]->args.size() == 2);
  REQUIRE(ParseExpr("x < ALL('{1,2}')")->quantifier == ast::OpQuantifier::kAll);
  REQUIRE(ParseExpr("x < 1")->quantifier == ast::OpQuantifier::kNone);
}

TEST_CASE("boolean logic, null tests, boolean tests", "[parser][expr]") {
  auto e = ParseExpr("a AND b AND NOT c OR d");
  REQUIRE(e->kind == ExprKind::kOr);
  REQUIRE(e->args[0]->kind == ExprKind::kAnd);
  REQUIRE(e->args[0]->args.size() == 3);  // PostgreSQL flattens AND chains
  REQUIRE(e->args[0]->args[2]->kind == ExprKind::kNot);

  REQUIRE_FALSE(ParseExpr("a IS NULL")->negated);
  REQUIRE(ParseExpr("a IS NOT NULL")->negated);
  REQUIRE(ParseExpr("a IS NOT NULL")->kind == ExprKind::kNullTest);

  auto bt = ParseExpr("a IS NOT UNKNOWN");
  REQUIRE(bt->kind == ExprKind::kBoolTest);
  REQUIRE(bt->bool_test == ast::BoolTestKind::kUnknown);
  REQUIRE(bt->negated);
  REQUIRE(ParseExpr("a IS FALSE")->bool_test == ast::BoolTestKind::kFalse);
}

TEST_CASE("IN, LIKE, SIMILAR TO, regex, BETWEEN, DISTINCT FROM, NULLIF", "[parser][expr]") {
  auto in = ParseExpr("a NOT IN (1, 2, 3)");
  REQUIRE(in->kind == ExprKind::kIn);
  REQUIRE(in->negated);
  REQUIRE(in->args.size() == 4);
  REQUIRE_FALSE(ParseExpr("a IN (1)")->negated);

  auto like = ParseExpr("a NOT ILIKE 'x%' ESCAPE '!'");
  REQUIRE(like->kind == ExprKind::kLike);
  REQUIRE(like->like_kind == ast::LikeKind::kILike);
  REQUIRE(like->negated);
  REQUIRE(like->args.size() == 3);
  REQUIRE(like->args[2]->text == "!");
  auto plain = ParseExpr("a LIKE 'x%'");
  REQUIRE(plain->like_kind == ast::LikeKind::kLike);
  REQUIRE_FALSE(plain->negated);
  REQUIRE(plain->args.size() == 2);

  auto similar = ParseExpr("a NOT SIMILAR TO 'x|y'");
  REQUIRE(similar->kind == ExprKind::kLike);
  REQUIRE(similar->like_kind == ast::LikeKind::kSimilar);
  REQUIRE(similar->negated);
  REQUIRE(similar->args.size() == 2);  // the similar_to_escape wrapper is gone
  REQUIRE(similar->args[1]->text == "x|y");
  REQUIRE(ParseExpr("a SIMILAR TO 'x' ESCAPE '#'")->args.size() == 3);

  auto re = ParseExpr("a !~* 'x'");
  REQUIRE(re->kind == ExprKind::kLike);
  REQUIRE(re->like_kind == ast::LikeKind::kRegexI);
  REQUIRE(re->negated);
  REQUIRE(ParseExpr("a ~ 'x'")->like_kind == ast::LikeKind::kRegex);

  auto between = ParseExpr("a NOT BETWEEN SYMMETRIC 1 AND 10");
  REQUIRE(between->kind == ExprKind::kBetween);
  REQUIRE(between->negated);
  REQUIRE(between->symmetric);
  REQUIRE(between->args.size() == 3);
  REQUIRE_FALSE(ParseExpr("a BETWEEN 1 AND 2")->symmetric);

  auto distinct = ParseExpr("a IS NOT DISTINCT FROM b");
  REQUIRE(distinct->kind == ExprKind::kDistinctFrom);
  REQUIRE(distinct->negated);
  REQUIRE_FALSE(ParseExpr("a IS DISTINCT FROM b")->negated);

  REQUIRE(ParseExpr("NULLIF(a, 0)")->kind == ExprKind::kNullIf);
}

TEST_CASE("casts and type names", "[parser][expr][types]") {
  auto c = ParseExpr("'1'::int");
  REQUIRE(c->kind == ExprKind::kCast);
  REQUIRE(c->type_name.names == Names{"pg_catalog", "int4"});
  REQUIRE(c->args[0]->const_kind == ConstKind::kString);

  auto v = ParseExpr("CAST(a AS varchar(20))");
  REQUIRE(v->type_name.names == Names{"pg_catalog", "varchar"});
  REQUIRE(v->type_name.modifiers == std::vector<int64_t>{20});

  auto n = ParseExpr("a::numeric(10, 2)");
  REQUIRE(n->type_name.modifiers == std::vector<int64_t>{10, 2});

  auto arr = ParseExpr("a::text[][]");
  REQUIRE(arr->type_name.names == Names{"text"});
  REQUIRE(arr->type_name.array_bounds == 2);
  REQUIRE(arr->type_name.location == 10);

  REQUIRE(ParseExpr("a::timestamp with time zone")->type_name.names ==
          Names{"pg_catalog", "timestamptz"});
  REQUIRE(ParseExpr("a::double precision")->type_name.names == Names{"pg_catalog", "float8"});
  auto lit = ParseExpr("DATE '2024-01-02'");
  REQUIRE(lit->kind == ExprKind::kCast);
  REQUIRE(lit->type_name.names == Names{"date"});
}

TEST_CASE("function calls and aggregates", "[parser][expr][func]") {
  auto f = ParseExpr("lower(name)");
  REQUIRE(f->kind == ExprKind::kFunc);
  REQUIRE(f->names == Names{"lower"});
  REQUIRE(f->args.size() == 1);

  auto star = ParseExpr("count(*)");
  REQUIRE(star->star);
  REQUIRE(star->args.empty());

  auto agg = ParseExpr("string_agg(DISTINCT x, ',' ORDER BY x DESC) FILTER (WHERE x > 0)");
  REQUIRE(agg->distinct);
  REQUIRE(agg->args.size() == 2);
  REQUIRE(agg->agg_order.size() == 1);
  REQUIRE(agg->agg_order[0].dir == ast::SortDir::kDesc);
  REQUIRE(agg->filter->kind == ExprKind::kOp);

  auto wg = ParseExpr("percentile_cont(0.5) WITHIN GROUP (ORDER BY x)");
  REQUIRE(wg->within_group);
  REQUIRE(wg->agg_order.size() == 1);

  REQUIRE(ParseExpr("extract(year from d)")->names == Names{"pg_catalog", "extract"});
  REQUIRE(ParseExpr("GROUPING(a, b)")->names == Names{"grouping"});
}

TEST_CASE("CASE, COALESCE, GREATEST, LEAST", "[parser][expr]") {
  auto c = ParseExpr("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END");
  REQUIRE(c->kind == ExprKind::kCase);
  REQUIRE(c->args.empty());
  REQUIRE(c->whens.size() == 2);
  REQUIRE(c->whens[1].result->int_value == 2);
  REQUIRE(c->else_expr->int_value == 3);

  auto simple = ParseExpr("CASE x WHEN 1 THEN 'a' END");
  REQUIRE(simple->args.size() == 1);
  REQUIRE(simple->else_expr == nullptr);

  REQUIRE(ParseExpr("COALESCE(a, b, 0)")->kind == ExprKind::kCoalesce);
  REQUIRE(ParseExpr("COALESCE(a, b, 0)")->args.size() == 3);
  REQUIRE(ParseExpr("GREATEST(a, b)")->kind == ExprKind::kGreatest);
  REQUIRE(ParseExpr("LEAST(a, b)")->kind == ExprKind::kLeast);
}

TEST_CASE("sublinks", "[parser][expr][subquery]") {
  auto ex = ParseExpr("EXISTS (SELECT 1 FROM t)");
  REQUIRE(ex->kind == ExprKind::kSubLink);
  REQUIRE(ex->sublink_kind == ast::SubLinkKind::kExists);
  REQUIRE(ex->subquery->from[0]->table.name == "t");

  auto in = ParseExpr("a IN (SELECT b FROM u)");
  REQUIRE(in->sublink_kind == ast::SubLinkKind::kAny);
  REQUIRE(in->sublink_op == Names{"="});
  REQUIRE(in->args[0]->names == Names{"a"});

  auto all = ParseExpr("a > ALL (SELECT b FROM u)");
  REQUIRE(all->sublink_kind == ast::SubLinkKind::kAll);
  REQUIRE(all->sublink_op == Names{">"});

  auto notin = ParseExpr("a NOT IN (SELECT b FROM u)");
  REQUIRE(notin->kind == ExprKind::kNot);
  REQUIRE(notin->args[0]->sublink_kind == ast::SubLinkKind::kAny);

  REQUIRE(ParseExpr("(SELECT max(b) FROM u)")->sublink_kind == ast::SubLinkKind::kExpr);
  REQUIRE(ParseExpr("ARRAY(SELECT b FROM u)")->sublink_kind == ast::SubLinkKind::kArray);
}

TEST_CASE("arrays, rows, collate, SQL value functions", "[parser][expr]") {
  auto arr = ParseExpr("ARRAY[[1, 2], [3, 4]]");
  REQUIRE(arr->kind == ExprKind::kArray);
  REQUIRE(arr->args[0]->kind == ExprKind::kArray);
  REQUIRE(ParseExpr("ROW(1, 'a')")->kind == ExprKind::kRow);
  REQUIRE(ParseExpr("(1, 'a')")->args.size() == 2);

  auto col = ParseExpr("a COLLATE \"C\"");
  REQUIRE(col->kind == ExprKind::kCollate);
  REQUIRE(col->names == Names{"C"});

  REQUIRE(ParseExpr("CURRENT_DATE")->kind == ExprKind::kSqlValue);
  REQUIRE(ParseExpr("CURRENT_DATE")->names == Names{"current_date"});
  REQUIRE(ParseExpr("current_timestamp")->names == Names{"current_timestamp"});
  REQUIRE(ParseExpr("CURRENT_USER")->names == Names{"current_user"});
  REQUIRE(ParseExpr("session_user")->names == Names{"session_user"});
  auto ts = ParseExpr("CURRENT_TIMESTAMP(3)");
  REQUIRE(ts->args.size() == 1);
  REQUIRE(ts->args[0]->int_value == 3);
}

TEST_CASE("deeply nested expressions decode", "[parser][expr]") {
  std::string sum = "1";
  for (int i = 0; i < 500; ++i) sum += " + 1";
  auto e = ParseExpr(sum);
  int depth = 0;
  for (const ast::Expr* p = e.get(); p->kind == ExprKind::kOp; p = p->args[0].get()) ++depth;
  REQUIRE(depth == 500);
}

}  // namespace
}  // namespace basalt::engine::sql::test
