#include "engine/catalog/relation_resolver.hpp"

#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/search_path.hpp"
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
  if (names.size() == 3) {
    throw DbError(SqlState::kFeatureNotSupported,
                  "cross-database references are not implemented: " + names[0] + "." + names[1] + "." + names[2]);
  }
  std::optional<TableDef> t;
  if (names.size() == 2) {
    // pg_catalog relations are virtual (engine/sql/system) and resolved before this.
    if (names[0] == "pg_catalog" || names[0] == "information_schema") return std::nullopt;
    t = catalog_.FindTable(*txn_, database_, ResolveSchemaOid(*txn_, database_, names[0]), names.back());
  } else {
    t = FindRelationOnPath(catalog_, *txn_, database_, names.back());
  }
  if (!t) return std::nullopt;
  return t->oid;
}

std::optional<std::string> CatalogRelationResolver::RelationName(uint32_t oid) {
  if (!txn_) return std::nullopt;
  auto t = FindRelationByOid(catalog_, *txn_, database_, oid);
  if (!t) return std::nullopt;
  return QualifiedIfHidden(catalog_, *txn_, database_, t->schema, t->name, t->oid);
}

}  // namespace basalt::engine::catalog
