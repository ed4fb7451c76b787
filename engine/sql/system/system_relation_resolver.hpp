// engine/sql/system/system_relation_resolver.hpp
//
// regclass over every relation a query can name: the system relations
// (pg_catalog first for unqualified names, as in PostgreSQL), user indexes
// (including the primary key's index, whose OID derived_oids.hpp defines) and
// then the user tables and sequences CatalogRelationResolver finds. A drop-in
// replacement for catalog::CatalogRelationResolver (same constructor), so the
// session installs this one and '...'::regclass, ::regclass output and
// pg_catalog relations agree on OIDs.
#pragma once

#include <memory>

#include "engine/catalog/relation_resolver.hpp"

namespace basalt::engine::sql::system {

class SystemRelationResolver final : public RelationResolver {
 public:
  SystemRelationResolver(catalog::Catalog& catalog, const std::unique_ptr<txn::Transaction>& txn,
                         catalog::Oid database)
      : catalog_(catalog), txn_(txn), database_(database), inner_(catalog, txn, database) {}

  std::optional<uint32_t> RelationOid(const std::vector<std::string>& names) override;
  std::optional<std::string> RelationName(uint32_t oid) override;

 private:
  catalog::Catalog& catalog_;
  const std::unique_ptr<txn::Transaction>& txn_;
  catalog::Oid database_;
  catalog::CatalogRelationResolver inner_;
};

}  // namespace basalt::engine::sql::system
