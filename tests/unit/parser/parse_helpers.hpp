// Helpers for the parser unit tests: parse exactly one statement of an
// expected kind, or pull the single target expression out of `SELECT <expr>`.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <variant>

#include "engine/error/db_error.hpp"
#include "engine/sql/parser/parser.hpp"

namespace basalt::engine::sql::test {

template <typename T>
T ParseOne(const std::string& sql) {
  auto stmts = Parser::Parse(sql);
  REQUIRE(stmts.size() == 1);
  REQUIRE(std::holds_alternative<T>(stmts[0].body));
  return std::move(std::get<T>(stmts[0].body));
}

// The expression of `SELECT <expr>`.
inline ast::ExprPtr ParseExpr(const std::string& expr) {
  auto select = ParseOne<ast::SelectStmt>("SELECT " + expr);
  REQUIRE(select.targets.size() == 1);
  return std::move(select.targets[0].expr);
}

// The DbError thrown while parsing `sql` (fails the test if none is thrown).
inline DbError ParseError(const std::string& sql) {
  try {
    Parser::Parse(sql);
  } catch (const DbError& e) {
    return e;
  }
  FAIL("expected a DbError for: " << sql);
  return DbError(SqlState::kInternalError, "unreachable");
}

using Names = std::vector<std::string>;

}  // namespace basalt::engine::sql::test
