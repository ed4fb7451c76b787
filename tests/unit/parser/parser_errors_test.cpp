#include "parse_helpers.hpp"

namespace basalt::engine::sql::test {
namespace {

void RequireCode(const DbError& e, const SqlState& code) {
  INFO("message: " << e.message());
  REQUIRE(std::string(e.code().code()) == std::string(code.code()));
}

// Expected positions and messages were checked against PostgreSQL 15.
TEST_CASE("syntax errors carry PostgreSQL's message and position", "[parser][errors]") {
  auto e = ParseError("SELECT * FORM t");
  RequireCode(e, SqlState::kSyntaxError);
  REQUIRE(e.message() == "syntax error at or near \"FORM\"");
  REQUIRE(e.position() == 10);

  auto end = ParseError("SELECT 1 +");
  RequireCode(end, SqlState::kSyntaxError);
  REQUIRE(end.message() == "syntax error at end of input");
  REQUIRE(end.position() == 11);

  auto quote = ParseError("SELECT 'abc");
  REQUIRE(quote.message() == "unterminated quoted string at or near \"'abc\"");
  REQUIRE(quote.position() == 8);
}

TEST_CASE("error positions count characters, not bytes", "[parser][errors]") {
  auto e = ParseError("SELECT 'é' FORM t");
  REQUIRE(e.message() == "syntax error at or near \"t\"");
  REQUIRE(e.position() == 17);
  auto end = ParseError("SELECT 'é' FROM t WHERE 'ü' = 1 +");
  REQUIRE(end.position() == 34);
}

TEST_CASE("unsupported expressions are 0A000 with a position", "[parser][errors]") {
  // `a` starts at byte 13, but 'é' is two bytes and one character.
  auto e = ParseError("SELECT 'é', XMLELEMENT(NAME foo) FROM t");
  RequireCode(e, SqlState::kFeatureNotSupported);
  REQUIRE(e.message() == "XmlExpr is not supported");
  REQUIRE(e.position() == 13);

  auto named = ParseError("SELECT f(x => 1)");
  RequireCode(named, SqlState::kFeatureNotSupported);
  REQUIRE(named.message() == "NamedArgExpr is not supported");

  RequireCode(ParseError("SELECT * FROM t TABLESAMPLE SYSTEM (1)"), SqlState::kFeatureNotSupported);
  RequireCode(ParseError("SELECT * FROM t ORDER BY a USING <"), SqlState::kFeatureNotSupported);
}

TEST_CASE("multiple statements keep their locations", "[parser]") {
  auto stmts = Parser::Parse("SELECT 1; INSERT INTO t VALUES (2);\n  COMMIT");
  REQUIRE(stmts.size() == 3);
  REQUIRE(stmts[0].stmt_location == 0);
  REQUIRE(stmts[0].stmt_len == 8);
  REQUIRE(stmts[1].stmt_location == 9);
  REQUIRE(stmts[1].stmt_len == 25);
  REQUIRE(std::holds_alternative<ast::InsertStmt>(stmts[1].body));
  REQUIRE(stmts[2].stmt_location == 35);
  REQUIRE(stmts[2].stmt_len == 0);  // last statement runs to the end of the string
  REQUIRE(std::holds_alternative<ast::TransactionStmt>(stmts[2].body));
}

TEST_CASE("empty input yields no statements", "[parser]") {
  REQUIRE(Parser::Parse("").empty());
  REQUIRE(Parser::Parse("  ;  ; ").empty());
  REQUIRE(Parser::Parse("-- only a comment\n/* and another */").empty());
}

}  // namespace
}  // namespace basalt::engine::sql::test
