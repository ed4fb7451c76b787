// engine/catalog/schema_store.hpp
//
// Schemas (pg_namespace) of a database. The built-in ones are fixed and never
// stored: pg_catalog (11), public (2200), information_schema and pg_toast
// (PostgreSQL 15's OIDs). User schemas (CREATE SCHEMA) live in the `catalog`
// column family, versioned like every other catalog record, so CREATE/DROP/
// ALTER SCHEMA are transactional:
//   <105><database><name>  -> SchemaDef
// (kind 105 keeps clear of catalog.cpp's 1..3 and user_objects.cpp's 101..104).
//
// Invariants: a schema's OID never changes (ALTER SCHEMA RENAME rewrites the
// record under the new name with the same OID), so objects refer to their
// schema by OID only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine::catalog {

inline constexpr Oid kInformationSchemaOid = 13207;  // as engine/sql/system serves it
inline constexpr Oid kPgToastNamespaceOid = 99;
inline constexpr Oid kPgDatabaseOwnerRoleOid = 6171;

struct SchemaDef {
  Oid oid = 0;
  Oid database = 0;
  std::string name;
  Oid owner = 0;
  bool builtin = false;  // pg_catalog, public, information_schema, pg_toast: not stored
};

// The built-in schema named `name`, or nullopt.
std::optional<SchemaDef> BuiltinSchema(std::string_view name);
std::optional<SchemaDef> BuiltinSchemaByOid(Oid oid);

// A schema by name or OID (built-in or user), as the transaction sees it.
std::optional<SchemaDef> FindSchema(txn::Transaction& txn, Oid database, std::string_view name);
std::optional<SchemaDef> FindSchemaByOid(txn::Transaction& txn, Oid database, Oid oid);
// Throws 3F000 `schema "x" does not exist` when there is none.
Oid ResolveSchemaOid(txn::Transaction& txn, Oid database, std::string_view name);
// The schema's name ("" when unknown, which a consistent catalog never has).
std::string SchemaName(txn::Transaction& txn, Oid database, Oid oid);
// User schemas of the database, ordered by name.
std::vector<SchemaDef> ListUserSchemas(txn::Transaction& txn, Oid database);

// The name of a schema by OID without a transaction, for the system-catalog row
// generators: built-in names, else the name last read or written in this process
// (every record read or written is remembered, and each connect reads its
// database's schemas), else the OID as text. A rename not yet committed shows
// early; the OID a name belongs to is always right.
std::string KnownSchemaName(Oid oid);

void PutSchema(txn::Transaction& txn, const SchemaDef& def);
void DeleteSchema(txn::Transaction& txn, const SchemaDef& def);

// Encodings (exposed for unit tests).
std::string EncodeSchema(const SchemaDef& def);
SchemaDef DecodeSchema(std::string_view bytes);

}  // namespace basalt::engine::catalog
