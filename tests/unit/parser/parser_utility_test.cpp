#include "parse_helpers.hpp"

namespace basalt::engine::sql::test {
namespace {

using ast::TransactionKind;

TEST_CASE("transaction control", "[parser][txn]") {
  auto b = ParseOne<ast::TransactionStmt>(
      "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY, NOT DEFERRABLE");
  REQUIRE(b.kind == TransactionKind::kBegin);
  REQUIRE(b.options.size() == 3);
  REQUIRE(b.options[0].name == "transaction_isolation");
  REQUIRE(b.options[0].value == "repeatable read");
  REQUIRE(b.options[1].name == "transaction_read_only");
  REQUIRE(b.options[1].value == "true");
  REQUIRE(b.options[2].name == "transaction_deferrable");
  REQUIRE(b.options[2].value == "false");

  auto st = ParseOne<ast::TransactionStmt>("START TRANSACTION READ WRITE");
  REQUIRE(st.kind == TransactionKind::kStart);
  REQUIRE(st.options[0].value == "false");

  REQUIRE(ParseOne<ast::TransactionStmt>("BEGIN").options.empty());
  REQUIRE(ParseOne<ast::TransactionStmt>("COMMIT").kind == TransactionKind::kCommit);
  REQUIRE(ParseOne<ast::TransactionStmt>("END").kind == TransactionKind::kCommit);
  REQUIRE(ParseOne<ast::TransactionStmt>("ABORT").kind == TransactionKind::kRollback);
  REQUIRE(ParseOne<ast::TransactionStmt>("COMMIT AND CHAIN").chain);

  auto sp = ParseOne<ast::TransactionStmt>("SAVEPOINT s1");
  REQUIRE(sp.kind == TransactionKind::kSavepoint);
  REQUIRE(sp.savepoint_name == "s1");
  auto rel = ParseOne<ast::TransactionStmt>("RELEASE SAVEPOINT s1");
  REQUIRE(rel.kind == TransactionKind::kRelease);
  REQUIRE(rel.savepoint_name == "s1");
  auto rt = ParseOne<ast::TransactionStmt>("ROLLBACK TO SAVEPOINT s1");
  REQUIRE(rt.kind == TransactionKind::kRollbackTo);
  REQUIRE(rt.savepoint_name == "s1");

  auto prep = ParseOne<ast::TransactionStmt>("PREPARE TRANSACTION 'g1'");
  REQUIRE(prep.kind == TransactionKind::kPrepare);
  REQUIRE(prep.gid == "g1");
}

TEST_CASE("SET and RESET", "[parser][set]") {
  auto v = ParseOne<ast::VariableSetStmt>("SET search_path TO app, 'public'");
  REQUIRE(v.kind == ast::SetKind::kValue);
  REQUIRE(v.name == "search_path");
  REQUIRE(v.values == Names{"app", "public"});
  REQUIRE_FALSE(v.is_local);

  auto n = ParseOne<ast::VariableSetStmt>("SET LOCAL statement_timeout = 500");
  REQUIRE(n.is_local);
  REQUIRE(n.values == Names{"500"});
  REQUIRE(ParseOne<ast::VariableSetStmt>("SET extra_float_digits = 1.5").values == Names{"1.5"});
  REQUIRE(ParseOne<ast::VariableSetStmt>("SET Work_Mem = '64MB'").name == "work_mem");

  auto tz = ParseOne<ast::VariableSetStmt>("SET TIME ZONE 'UTC'");
  REQUIRE(tz.name == "timezone");
  REQUIRE(tz.values == Names{"UTC"});
  REQUIRE(ParseOne<ast::VariableSetStmt>("SET NAMES 'UTF8'").name == "client_encoding");

  REQUIRE(ParseOne<ast::VariableSetStmt>("SET datestyle TO DEFAULT").kind == ast::SetKind::kDefault);
  REQUIRE(ParseOne<ast::VariableSetStmt>("SET datestyle FROM CURRENT").kind == ast::SetKind::kCurrent);
  auto reset = ParseOne<ast::VariableSetStmt>("RESET work_mem");
  REQUIRE(reset.kind == ast::SetKind::kReset);
  REQUIRE(reset.name == "work_mem");
  auto all = ParseOne<ast::VariableSetStmt>("RESET ALL");
  REQUIRE(all.kind == ast::SetKind::kResetAll);
  REQUIRE(all.name.empty());

  auto tx = ParseOne<ast::VariableSetStmt>("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY");
  REQUIRE(tx.kind == ast::SetKind::kMulti);
  REQUIRE(tx.name == "transaction");
  REQUIRE(tx.transaction_options.size() == 2);
  REQUIRE(tx.transaction_options[0].value == "serializable");
  REQUIRE(tx.transaction_options[1].name == "transaction_read_only");
  auto sess = ParseOne<ast::VariableSetStmt>(
      "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
  REQUIRE(sess.name == "session characteristics");
  REQUIRE(sess.transaction_options[0].value == "read committed");
}

TEST_CASE("SHOW", "[parser][set]") {
  REQUIRE(ParseOne<ast::VariableShowStmt>("SHOW search_path").name == "search_path");
  REQUIRE(ParseOne<ast::VariableShowStmt>("SHOW ALL").name == "all");
  REQUIRE(ParseOne<ast::VariableShowStmt>("SHOW TIME ZONE").name == "timezone");
  REQUIRE(ParseOne<ast::VariableShowStmt>("SHOW TRANSACTION ISOLATION LEVEL").name ==
          "transaction_isolation");
}

TEST_CASE("EXPLAIN", "[parser][explain]") {
  auto e = ParseOne<ast::ExplainStmt>("EXPLAIN SELECT 1");
  REQUIRE_FALSE(e.analyze);
  REQUIRE(e.costs);
  REQUIRE(e.format == "text");
  REQUIRE(std::holds_alternative<ast::SelectStmt>(e.query->body));

  auto a = ParseOne<ast::ExplainStmt>("EXPLAIN ANALYZE VERBOSE DELETE FROM t");
  REQUIRE(a.analyze);
  REQUIRE(a.verbose);
  REQUIRE(std::holds_alternative<ast::DeleteStmt>(a.query->body));

  auto o = ParseOne<ast::ExplainStmt>("EXPLAIN (COSTS OFF, FORMAT JSON, ANALYZE true) SELECT 1");
  REQUIRE_FALSE(o.costs);
  REQUIRE(o.format == "json");
  REQUIRE(o.analyze);
}

TEST_CASE("unknown statements keep their node name", "[parser][unsupported]") {
  auto s = ParseOne<ast::UnsupportedStmt>("CREATE TRIGGER trg AFTER INSERT ON t EXECUTE FUNCTION f()");
  REQUIRE(s.node_name == "CreateTrigStmt");
  REQUIRE(ParseOne<ast::UnsupportedStmt>("CREATE RULE r AS ON INSERT TO t DO NOTHING").node_name == "RuleStmt");
  REQUIRE(ParseOne<ast::UnsupportedStmt>("REINDEX TABLE t").node_name == "ReindexStmt");
}

}  // namespace
}  // namespace basalt::engine::sql::test
