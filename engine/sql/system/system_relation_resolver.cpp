#include "engine/sql/system/system_relation_resolver.hpp"

#include <algorithm>

#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/search_path.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/system/object_definitions.hpp"
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql::system {

std::optional<uint32_t> SystemRelationResolver::RelationOid(const std::vector<std::string>& names) {
  if (names.size() == 1 || names.size() == 2) {
    std::string schema = names.size() == 2 ? names[0] : "";
    if (const SystemRelation* rel = FindSystemRelation(schema, names.back())) return rel->spec->oid;
    if (txn_ && schema != "pg_catalog" && schema != "information_schema") {
      // Indexes live in their table's schema: the named one, else the search_path's.
      std::vector<catalog::Oid> path;
      if (schema.empty()) {
        path = catalog::ActiveSearchPath(*txn_, database_, /*implicit=*/false);
      } else {
        path.push_back(catalog::ResolveSchemaOid(*txn_, database_, schema));
      }
      for (const catalog::TableDef& t : catalog_.ListTables(*txn_, database_)) {
        if (std::find(path.begin(), path.end(), t.schema) == path.end()) continue;
        if (t.has_primary_key() && t.primary_key_name == names.back()) return IndexOid(t, -1);
        for (const auto& idx : t.indexes) {
          if (idx.name == names.back()) return idx.oid;
        }
      }
    }
  }
  return inner_.RelationOid(names);
}

std::optional<std::string> SystemRelationResolver::RelationName(uint32_t oid) {
  if (const SystemRelation* rel = FindSystemRelation(oid)) {
    std::string name = RegQuoteIdentifier(rel->spec->name);
    // Only pg_catalog is on the search path implicitly.
    return rel->spec->namespace_oid == kInformationSchemaNamespaceOid ? "information_schema." + name : name;
  }
  if (txn_) {
    for (const catalog::TableDef& t : catalog_.ListTables(*txn_, database_)) {
      if (t.has_primary_key() && IndexOid(t, -1) == oid) return RegQuoteIdentifier(t.primary_key_name);
      for (const auto& idx : t.indexes) {
        if (idx.oid == oid) return RegQuoteIdentifier(idx.name);
      }
    }
  }
  return inner_.RelationName(oid);
}

}  // namespace basalt::engine::sql::system
