// Pure helpers behind the SQL functions: format()'s parser, the LIKE matcher,
// SIMILAR TO -> regex translation and PostgreSQL -> RE2 regex translation.
#include <catch2/catch.hpp>

#include "engine/error/db_error.hpp"
#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/functions/regex_support.hpp"

using basalt::engine::DbError;
using namespace basalt::engine::sql;

namespace {
using Args = std::vector<std::optional<std::string>>;
std::string Fmt(std::string_view f, const Args& a) { return *SqlFormat(f, a); }
std::string CodeOf(std::string_view f, const Args& a) {
  try {
    SqlFormat(f, a);
  } catch (const DbError& e) {
    return std::string(e.code().code());
  }
  return "none";
}
}  // namespace

TEST_CASE("format() conversions, positions and widths", "[sql][functions][format]") {
  REQUIRE(Fmt("Hello %s", {"World"}) == "Hello World");
  REQUIRE(Fmt("%s|%s", {"a", std::nullopt}) == "a|");
  REQUIRE(Fmt("%L|%L", {"it's", std::nullopt}) == "'it''s'|NULL");
  REQUIRE(Fmt("%L", {"a\\b"}) == "E'a\\\\b'");
  REQUIRE(Fmt("%I.%I", {"plain", "Mixed"}) == "plain.\"Mixed\"");
  REQUIRE(Fmt("%I", {"select"}) == "\"select\"");
  REQUIRE(Fmt("%2$s %1$s %s", {"a", "b"}) == "b a b");
  REQUIRE(Fmt("[%5s][%-5s]", {"x", "y"}) == "[    x][y    ]");
  REQUIRE(Fmt("[%*s]", {"3", "x"}) == "[  x]");
  REQUIRE(Fmt("[%*s]", {"-3", "x"}) == "[x  ]");
  REQUIRE(Fmt("[%1$*2$s]", {"x", "4"}) == "[   x]");
  REQUIRE(Fmt("[%3s]", {"日本"}) == "[ 日本]");
  REQUIRE(Fmt("100%%", {}) == "100%");
}

TEST_CASE("format() errors carry PostgreSQL's codes", "[sql][functions][format]") {
  REQUIRE(CodeOf("%s", {}) == "22023");
  REQUIRE(CodeOf("%x", {"1"}) == "22023");
  REQUIRE(CodeOf("abc %", {}) == "22023");
  REQUIRE(CodeOf("%0$s", {"1"}) == "22023");
  REQUIRE(CodeOf("%I", {std::nullopt}) == "22004");
  REQUIRE(CodeOf("%99999999999s", {"1"}) == "22003");
}

TEST_CASE("LIKE matching with escapes and multibyte characters", "[sql][functions][like]") {
  REQUIRE(LikeMatch("abc", "a%", false, '\\'));
  REQUIRE(LikeMatch("abc", "_b_", false, '\\'));
  REQUIRE_FALSE(LikeMatch("abc", "_b", false, '\\'));
  REQUIRE(LikeMatch("a%c", "a\\%c", false, '\\'));
  REQUIRE_FALSE(LikeMatch("abc", "a\\%c", false, '\\'));
  REQUIRE(LikeMatch("a%c", "a#%c", false, '#'));
  REQUIRE(LikeMatch("héllo", "h_llo", false, '\\'));
  REQUIRE(LikeMatch("ABC", "a%c", true, '\\'));
  REQUIRE(LikeMatch("", "%", false, '\\'));
  REQUIRE_FALSE(LikeMatch("", "_", false, '\\'));
  // Many % must not blow up (PostgreSQL's LIKE_ABORT pruning).
  std::string text(200, 'a');
  REQUIRE_FALSE(LikeMatch(text, "%a%a%a%a%a%a%a%a%a%a%a%b", false, '\\'));
}

TEST_CASE("SIMILAR TO and PostgreSQL regex translation", "[sql][functions][regex]") {
  REQUIRE(SimilarToRegex("a%b_", "\\") == "^(?:a.*b.)$");
  REQUIRE(SimilarToRegex("(a|b)*", "\\") == "^(?:(?:a|b)*)$");
  REQUIRE(SimilarToRegex("a.c", "\\") == "^(?:a\\.c)$");
  REQUIRE(SimilarToRegex("%#\"o_b#\"%", "#") == "^(?:.*){1,1}?(o.b){1,1}(?:.*)$");
  REQUIRE(TranslateRegex("\\mfoo\\M") == "\\bfoo\\b");
  REQUIRE(TranslateRegex("[[:<:]]x") == "\\bx");
  REQUIRE(TranslateRegex("[[:alpha:]]+") == "[[:alpha:]]+");
  REQUIRE_THROWS_AS(TranslateRegex("(a)\\1"), DbError);
  auto re = CompileRegex("a.b", false);
  REQUIRE(re2::RE2::PartialMatch("a\nb", *re));  // `.` matches newline by default, as in PostgreSQL
}
