// The system-relation registry: generated specs, static PostgreSQL rows and
// their parsing agree with each other.
#include <catch2/catch.hpp>

#include "engine/sql/system/row_generators.hpp"
#include "engine/sql/system/static_rows.hpp"
#include "engine/sql/system/system_relation.hpp"

using namespace basalt::engine::sql;
using namespace basalt::engine::sql::system;

TEST_CASE("system relations resolve by name, schema and OID", "[sql][system]") {
  const SystemRelation* cls = FindSystemRelation("", "pg_class");
  REQUIRE(cls != nullptr);
  CHECK(cls->spec->oid == 1259);
  CHECK(FindSystemRelation("pg_catalog", "pg_class") == cls);
  CHECK(FindSystemRelation(1259) == cls);
  CHECK(FindSystemRelation("public", "pg_class") == nullptr);
  // information_schema is not searched implicitly.
  CHECK(FindSystemRelation("", "tables") == nullptr);
  REQUIRE(FindSystemRelation("information_schema", "tables") != nullptr);
  CHECK(FindSystemRelation("information_schema", "tables")->spec->namespace_oid == kInformationSchemaNamespaceOid);
  CHECK(IsSystemRelationOid(1259));
  CHECK_FALSE(IsSystemRelationOid(16384));
}

TEST_CASE("pg_class has PostgreSQL 15's columns in order", "[sql][system]") {
  const SystemRelation* cls = FindSystemRelation("", "pg_class");
  REQUIRE(cls->columns.size() == 33);
  CHECK(cls->columns[0].name == "oid");
  CHECK(cls->columns[1].name == "relname");
  CHECK(cls->columns[1].type.id == TypeId::kName);
  CHECK(cls->columns[16].name == "relkind");
  CHECK(cls->columns[16].type.id == TypeId::kChar);
  CHECK(cls->columns[30].name == "relacl");
}

TEST_CASE("static rows split on unescaped bars, \\N is NULL", "[sql][system]") {
  auto f = SplitStaticRow("1|a\\|b|\\N|x\\\\y|");
  REQUIRE(f.size() == 5);
  CHECK(*f[0] == "1");
  CHECK(*f[1] == "a|b");
  CHECK_FALSE(f[2].has_value());
  CHECK(*f[3] == "x\\y");
  CHECK(*f[4] == "");
  auto n = SplitStaticRow("\\Nx|\\N");
  CHECK(*n[0] == "Nx");
  CHECK_FALSE(n[1].has_value());
}

TEST_CASE("every static row has its relation's column count", "[sql][system]") {
  for (const char* rel : {"pg_type", "pg_am", "pg_language", "pg_collation", "pg_tablespace", "pg_authid",
                          "pg_namespace", "pg_proc"}) {
    const SystemRelation* r = FindSystemRelation("pg_catalog", rel);
    REQUIRE(r != nullptr);
    REQUIRE_FALSE(StaticRows(rel).empty());
    for (std::string_view line : StaticRows(rel)) {
      INFO(rel << ": " << line);
      CHECK(SplitStaticRow(line).size() == r->columns.size());
    }
  }
}

TEST_CASE("built-in type facts come from PostgreSQL's pg_type", "[sql][system]") {
  CHECK(PgTypeOid("int4") == 23);
  CHECK(PgTypeOid("_aclitem") == 1034);
  CHECK(PgTypeLength("int8") == 8);
  CHECK(PgTypeAlign("int8") == 'd');
  CHECK(PgTypeStorage("numeric") == 'm');
  CHECK(PgTypeName(25) == "text");
  CHECK(PgTypeArray(23) == 1007);
  CHECK(PgTypeOid("no_such_type") == 0);
}
