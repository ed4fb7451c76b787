#include "parse_helpers.hpp"

namespace basalt::engine::sql::test {
namespace {

using ast::ConstraintKind;

TEST_CASE("CREATE TABLE with column constraints", "[parser][ddl]") {
  auto s = ParseOne<ast::CreateTableStmt>(
      "CREATE TABLE IF NOT EXISTS app.users ("
      " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
      " email varchar(200) NOT NULL UNIQUE,"
      " age int NULL CHECK (age >= 0) DEFAULT 18,"
      " team_id int REFERENCES teams (id) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,"
      " name text COLLATE \"C\","
      " tags text[])");
  REQUIRE(s.if_not_exists);
  REQUIRE_FALSE(s.temporary);
  REQUIRE(s.table.schema == "app");
  REQUIRE(s.table.name == "users");
  REQUIRE(s.columns.size() == 6);

  const auto& id = s.columns[0];
  REQUIRE(id.name == "id");
  REQUIRE(id.type.names == Names{"pg_catalog", "int8"});
  REQUIRE(id.constraints.size() == 2);
  REQUIRE(id.constraints[0].kind == ConstraintKind::kIdentity);
  REQUIRE(id.constraints[0].identity_kind == 'a');
  REQUIRE(id.constraints[1].kind == ConstraintKind::kPrimaryKey);
  REQUIRE(id.constraints[1].columns.empty());

  const auto& email = s.columns[1];
  REQUIRE(email.type.names == Names{"pg_catalog", "varchar"});
  REQUIRE(email.type.modifiers == std::vector<int64_t>{200});
  REQUIRE(email.constraints[0].kind == ConstraintKind::kNotNull);
  REQUIRE(email.constraints[1].kind == ConstraintKind::kUnique);

  const auto& age = s.columns[2];
  REQUIRE(age.constraints[0].kind == ConstraintKind::kNull);
  REQUIRE(age.constraints[1].kind == ConstraintKind::kCheck);
  REQUIRE(age.constraints[1].expr->names == Names{">="});
  REQUIRE(age.constraints[2].kind == ConstraintKind::kDefault);
  REQUIRE(age.constraints[2].expr->int_value == 18);

  const auto& team = s.columns[3];
  REQUIRE(team.constraints.size() == 1);
  const auto& fk = team.constraints[0];
  REQUIRE(fk.kind == ConstraintKind::kForeignKey);
  REQUIRE(fk.ref_table.name == "teams");
  REQUIRE(fk.ref_columns == Names{"id"});
  REQUIRE(fk.on_delete == 'c');
  REQUIRE(fk.on_update == 'n');
  REQUIRE(fk.deferrable);
  REQUIRE(fk.initially_deferred);

  REQUIRE(s.columns[4].collation == Names{"C"});
  REQUIRE(s.columns[5].type.names == Names{"text"});
  REQUIRE(s.columns[5].type.array_bounds == 1);
}

TEST_CASE("CREATE TABLE with table constraints", "[parser][ddl]") {
  auto s = ParseOne<ast::CreateTableStmt>(
      "CREATE TEMP TABLE t (a int, b int, c int,"
      " CONSTRAINT t_pk PRIMARY KEY (a, b),"
      " UNIQUE (c),"
      " CHECK (a < b),"
      " FOREIGN KEY (c) REFERENCES u (x) ON DELETE RESTRICT)");
  REQUIRE(s.temporary);
  REQUIRE(s.constraints.size() == 4);
  REQUIRE(s.constraints[0].kind == ConstraintKind::kPrimaryKey);
  REQUIRE(s.constraints[0].name == "t_pk");
  REQUIRE(s.constraints[0].columns == Names{"a", "b"});
  REQUIRE(s.constraints[1].kind == ConstraintKind::kUnique);
  REQUIRE(s.constraints[1].columns == Names{"c"});
  REQUIRE(s.constraints[2].kind == ConstraintKind::kCheck);
  REQUIRE(s.constraints[3].kind == ConstraintKind::kForeignKey);
  REQUIRE(s.constraints[3].columns == Names{"c"});
  REQUIRE(s.constraints[3].ref_columns == Names{"x"});
  REQUIRE(s.constraints[3].on_delete == 'r');
  REQUIRE(s.constraints[3].on_update == 'a');
}

TEST_CASE("pgbench's CREATE TABLE with fillfactor", "[parser][ddl]") {
  auto s = ParseOne<ast::CreateTableStmt>(
      "create table pgbench_tellers(tid int not null,bid int,tbalance int,filler char(84)) "
      "with (fillfactor=100)");
  REQUIRE(s.columns.size() == 4);
  REQUIRE(s.columns[3].type.names == Names{"pg_catalog", "bpchar"});
  REQUIRE(s.columns[3].type.modifiers == std::vector<int64_t>{84});
  auto unlogged = ParseOne<ast::CreateTableStmt>("CREATE UNLOGGED TABLE t (a int)");
  REQUIRE(unlogged.unlogged);
}

TEST_CASE("CREATE TABLE AS", "[parser][ddl]") {
  auto s = ParseOne<ast::CreateTableStmt>("CREATE TABLE t2 (x, y) AS SELECT a, b FROM t WITH NO DATA");
  REQUIRE(s.table.name == "t2");
  REQUIRE(s.as_columns == Names{"x", "y"});
  REQUIRE(s.skip_data);
  REQUIRE(s.as_query);
  REQUIRE(s.as_query->targets.size() == 2);
  REQUIRE(s.columns.empty());
}

TEST_CASE("DROP statements", "[parser][ddl]") {
  auto t = ParseOne<ast::DropStmt>("DROP TABLE IF EXISTS a, s.b CASCADE");
  REQUIRE(t.kind == ast::ObjectKind::kTable);
  REQUIRE(t.if_exists);
  REQUIRE(t.cascade);
  REQUIRE(t.objects.size() == 2);
  REQUIRE(t.objects[0].name == "a");
  REQUIRE(t.objects[1].schema == "s");
  REQUIRE(t.objects[1].name == "b");
  REQUIRE(ParseOne<ast::DropStmt>("DROP INDEX i").kind == ast::ObjectKind::kIndex);
  REQUIRE(ParseOne<ast::DropStmt>("DROP VIEW v").kind == ast::ObjectKind::kView);
  REQUIRE(ParseOne<ast::DropStmt>("DROP SEQUENCE q").kind == ast::ObjectKind::kSequence);
  auto schema = ParseOne<ast::DropStmt>("DROP SCHEMA sch RESTRICT");
  REQUIRE(schema.kind == ast::ObjectKind::kSchema);
  REQUIRE(schema.objects[0].name == "sch");
  REQUIRE_FALSE(schema.cascade);
  auto role = ParseOne<ast::DropStmt>("DROP ROLE IF EXISTS alice, bob");
  REQUIRE(role.kind == ast::ObjectKind::kRole);
  REQUIRE(role.objects.size() == 2);
  REQUIRE(role.objects[1].name == "bob");
  auto fn = ParseOne<ast::DropUserObjectStmt>("DROP FUNCTION f(int)");
  REQUIRE(fn.kind == ast::DropUserObjectStmt::Kind::kFunction);
  REQUIRE(fn.objects.size() == 1);
}

TEST_CASE("CREATE INDEX", "[parser][ddl]") {
  auto s = ParseOne<ast::CreateIndexStmt>(
      "CREATE UNIQUE INDEX IF NOT EXISTS idx ON t (a DESC NULLS FIRST, lower(b)) WHERE c > 0");
  REQUIRE(s.name == "idx");
  REQUIRE(s.table.name == "t");
  REQUIRE(s.unique);
  REQUIRE(s.if_not_exists);
  REQUIRE(s.elems.size() == 2);
  REQUIRE(s.elems[0].column == "a");
  REQUIRE(s.elems[0].dir == ast::SortDir::kDesc);
  REQUIRE(s.elems[0].nulls == ast::NullsOrder::kFirst);
  REQUIRE(s.elems[1].column.empty());
  REQUIRE(s.elems[1].expr->names == Names{"lower"});
  REQUIRE(s.where);
  auto plain = ParseOne<ast::CreateIndexStmt>("CREATE INDEX ON t USING btree (a)");
  REQUIRE(plain.name.empty());
  REQUIRE_FALSE(plain.unique);
}

TEST_CASE("CREATE and DROP DATABASE", "[parser][ddl]") {
  auto c = ParseOne<ast::CreateDatabaseStmt>(
      "CREATE DATABASE shop WITH OWNER = alice ENCODING 'UTF8' CONNECTION LIMIT 5");
  REQUIRE(c.name == "shop");
  REQUIRE(c.options.size() == 3);
  REQUIRE(c.options[0] == std::pair<std::string, std::string>{"owner", "alice"});
  REQUIRE(c.options[1] == std::pair<std::string, std::string>{"encoding", "UTF8"});
  REQUIRE(c.options[2] == std::pair<std::string, std::string>{"connection_limit", "5"});
  auto d = ParseOne<ast::DropDatabaseStmt>("DROP DATABASE IF EXISTS shop");
  REQUIRE(d.name == "shop");
  REQUIRE(d.if_exists);
  REQUIRE_FALSE(ParseOne<ast::DropDatabaseStmt>("DROP DATABASE shop").if_exists);
}

}  // namespace
}  // namespace basalt::engine::sql::test
