// engine/sql/system/system_relation.hpp
//
// pg_catalog and information_schema relations, generated from Basalt's own
// catalog when a query reads them (PostgreSQL's DESIGN: "virtual relations").
// Each relation has PostgreSQL 15's complete column list (names, types, order:
// system_relation_specs.cpp) and a row generator that reads the catalog
// through the statement's transaction, so a query sees exactly the objects its
// snapshot sees (including its own uncommitted DDL).
//
// The binder resolves `pg_catalog.x`, `information_schema.x` and unqualified
// names (pg_catalog is searched first, as in PostgreSQL) to a TableDef whose OID
// is the relation's PostgreSQL OID (always below kFirstUserOid); the executor
// factory sends scans of such tables to SystemScanExecutor. Nothing keys on
// query text: a system relation joins, filters and nests like a table.
//
// Column types: PostgreSQL types Basalt does not have yet (pg_node_tree, xid,
// ...) are served as the nearest Basalt type (text, or oid) until the type
// exists; ColumnType() holds that mapping in one place. The reg* and aclitem[]
// columns have their own types (types/reg_types.hpp, types/acl_item.hpp).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql::system {

// information_schema's namespace OID as PostgreSQL 15's initdb assigns it.
inline constexpr catalog::Oid kInformationSchemaNamespaceOid = 13207;
inline constexpr catalog::Oid kPgToastNamespaceOid = 99;

// One relation as PostgreSQL 15 defines it (generated data).
struct RelationSpec {
  catalog::Oid oid;
  catalog::Oid namespace_oid;
  std::string_view name;
  char relkind;               // 'r' table, 'v' view
  std::string_view columns;   // "name:pg_typname name:pg_typname ..."
};
std::span<const RelationSpec> RelationSpecs();

struct SystemColumn {
  std::string name;
  std::string pg_type;  // PostgreSQL's typname ("_aclitem", "char", "regproc")
  Type type;            // what Basalt serves it as
};

// What a row generator reads: the statement's transaction, catalog and session,
// and the database the session is connected to.
struct SystemScan {
  ExecContext& exec;
  catalog::Oid database;
};

using Row = std::vector<Value>;
using RowGenerator = void (*)(SystemScan& scan, std::vector<Row>& out);

struct SystemRelation {
  const RelationSpec* spec = nullptr;
  std::vector<SystemColumn> columns;
  RowGenerator generate = nullptr;  // null: the relation is always empty
};

// Every relation, in spec order.
std::span<const SystemRelation> AllSystemRelations();

// `schema` "" means the implicit search (pg_catalog only). nullptr if none.
const SystemRelation* FindSystemRelation(std::string_view schema, std::string_view name);
const SystemRelation* FindSystemRelation(catalog::Oid oid);

// System relations carry PostgreSQL's OIDs, all below the first user OID.
inline bool IsSystemRelationOid(catalog::Oid oid) { return oid != 0 && oid < catalog::kFirstUserOid; }

// The relation as a table definition the binder can scan (columns typed as served).
catalog::TableDef ToTableDef(const SystemRelation& rel, catalog::Oid database);

// Throws 42501 when `table` is a system relation (they are read-only).
void CheckWritable(const catalog::TableDef& table);

// The Basalt type a PostgreSQL column type is served as (see header comment).
Type ColumnType(std::string_view pg_typname);

// The generator registered for `name` (row_generators.cpp); nullptr if none.
RowGenerator FindRowGenerator(std::string_view name);

}  // namespace basalt::engine::sql::system
