#include "engine/catalog/relation_resolver.hpp"

#include "engine/error/db_error.hpp"

namespace basalt::engine::catalog {

std::optional<TableDef> FindRelationByOid(Catalog& catalog, txn::Transaction& txn, Oid database, Oid oid) {
  for (TableDef& t : catalog.ListTables(txn, database)) {
    if (t.oid == oid) return std::move(t);
  }
  return std::nullopt;
}

std::optional<uint32_t> CatalogRelationResolver::RelationOid(const std::vector<std::string>& names) {
  if (!txn_) return std::nullopt;
  // Only the public schema holds user relations so far; pg_catalog relations
  // are virtual and have no regclass yet.
  // TODO(ddl): search_path once CREATE SCHEMA exists.
  Oid schema = kPublicNamespaceOid;
  if (names.size() == 3) {
    throw DbError(SqlState::kFeatureNotSupported,
                  "cross-database references are not implemented: " + names[0] + "." + names[1] + "." + names[2]);
  }
  if (names.size() == 2) {
    if (names[0] == "pg_catalog" || names[0] == "information_schema") return std::nullopt;
    if (names[0] != "public") throw DbError(SqlState::kInvalidSchemaName, "schema \"" + names[0] + "\" does not exist");
  }
  auto t = catalog_.FindTable(*txn_, database_, schema, names.back());
  if (!t) return std::nullopt;
  return t->oid;
}

std::optional<std::string> CatalogRelationResolver::RelationName(uint32_t oid) {
  if (!txn_) return std::nullopt;
  auto t = FindRelationByOid(catalog_, *txn_, database_, oid);
  if (!t) return std::nullopt;
  return sql::RegQuoteIdentifier(t->name);
}

}  // namespace basalt::engine::catalog
