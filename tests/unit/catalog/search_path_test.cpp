#include <catch2/catch.hpp>

#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/search_path.hpp"
#include "engine/error/db_error.hpp"
#include "tests/unit/txn/txn_test_util.hpp"

namespace cat = basalt::engine::catalog;
using basalt::test::TxnFixture;
using Names = std::vector<std::string>;

TEST_CASE("search_path values split like PostgreSQL's SplitIdentifierString", "[catalog][schema]") {
  REQUIRE(cat::ParseSearchPath("\"$user\", public") == Names{"$user", "public"});
  REQUIRE(cat::ParseSearchPath("  S1 ,\"My \"\"S\"\"\",x") == Names{"s1", "My \"S\"", "x"});
  REQUIRE(cat::ParseSearchPath("").empty());
  REQUIRE(cat::ParseSearchPath("\"\"").empty());
}

TEST_CASE("SET search_path quotes items as identifiers", "[catalog][schema]") {
  REQUIRE(cat::FormatSearchPath({"$user", "public"}) == "\"$user\", public");
  REQUIRE(cat::FormatSearchPath({"S 3", "s2"}) == "\"S 3\", s2");
  REQUIRE(cat::FormatSearchPath({""}) == "\"\"");
}

TEST_CASE("schema records survive the codec", "[catalog][schema]") {
  cat::SchemaDef def;
  def.oid = 16500;
  def.database = 5;
  def.name = "sales";
  def.owner = 10;
  cat::SchemaDef back = cat::DecodeSchema(cat::EncodeSchema(def));
  REQUIRE(back.oid == def.oid);
  REQUIRE(back.database == def.database);
  REQUIRE(back.name == def.name);
  REQUIRE(back.owner == def.owner);
  REQUIRE_FALSE(back.builtin);
  REQUIRE(cat::KnownSchemaName(16500) == "sales");
}

TEST_CASE("the search path skips missing schemas and puts pg_catalog first", "[catalog][schema]") {
  TxnFixture f;
  auto txn = f.mgr->Begin();
  cat::SchemaDef s;
  s.oid = 17000;
  s.database = 1;
  s.name = "alice";
  cat::PutSchema(*txn, s);
  std::string value = "\"$user\", nosuch, public";
  std::string user = "alice";
  cat::ScopedSearchPath guard([&] { return value; }, [&] { return user; });
  REQUIRE(cat::ActiveSearchPath(*txn, 1, false) == std::vector<cat::Oid>{17000, cat::kPublicNamespaceOid});
  REQUIRE(cat::ActiveSearchPathNames(*txn, 1, true) == Names{"pg_catalog", "alice", "public"});
  REQUIRE(cat::CreationSchema(*txn, 1) == std::optional<cat::Oid>(17000));
  user = "bob";
  REQUIRE(cat::CreationSchema(*txn, 1) == std::optional<cat::Oid>(cat::kPublicNamespaceOid));
  value = "public, pg_catalog";
  REQUIRE(cat::ActiveSearchPathNames(*txn, 1, true) == Names{"public", "pg_catalog"});
  value = "";
  REQUIRE_FALSE(cat::CreationSchema(*txn, 1));
  REQUIRE_THROWS_AS(cat::RequireCreationSchema(*txn, 1), basalt::engine::DbError);
  REQUIRE(cat::ResolveSchemaOid(*txn, 1, "alice") == 17000);
  REQUIRE_THROWS_AS(cat::ResolveSchemaOid(*txn, 1, "nosuch"), basalt::engine::DbError);
  REQUIRE(cat::FindSchemaByOid(*txn, 1, 17000)->name == "alice");
  cat::DeleteSchema(*txn, s);
  REQUIRE_FALSE(cat::FindSchema(*txn, 1, "alice"));
}
