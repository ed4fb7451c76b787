// engine/catalog/relation_resolver.hpp
//
// regclass conversions over the catalog (sql/types/regclass.hpp): names to
// relation OIDs and back, at the snapshot of the session's current
// transaction. The session owns one and installs it for each statement.
#pragma once

#include <memory>

#include "engine/catalog/catalog.hpp"
#include "engine/sql/types/regclass.hpp"

namespace basalt::engine::catalog {

// The relation with this OID in `database`, or nullopt (scans the catalog).
std::optional<TableDef> FindRelationByOid(Catalog& catalog, txn::Transaction& txn, Oid database, Oid oid);

class CatalogRelationResolver final : public sql::RelationResolver {
 public:
  // `txn` is the session's transaction slot: read at each call, may be empty.
  CatalogRelationResolver(Catalog& catalog, const std::unique_ptr<txn::Transaction>& txn, Oid database)
      : catalog_(catalog), txn_(txn), database_(database) {}

  std::optional<uint32_t> RelationOid(const std::vector<std::string>& names) override;
  std::optional<std::string> RelationName(uint32_t oid) override;

 private:
  Catalog& catalog_;
  const std::unique_ptr<txn::Transaction>& txn_;
  Oid database_;
};

}  // namespace basalt::engine::catalog
