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

#include <map>
#include <memory>

#include "engine/catalog/relation_resolver.hpp"
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql::system {

class SystemRelationResolver final : public RelationResolver {
 public:
  SystemRelationResolver(catalog::Catalog& catalog, const std::unique_ptr<txn::Transaction>& txn,
                         catalog::Oid database)
      : catalog_(catalog), txn_(txn), database_(database), inner_(catalog, txn, database) {}

  std::optional<uint32_t> RelationOid(const std::vector<std::string>& names) override;
  std::optional<std::string> RelationName(uint32_t oid) override;
  // regtype, regproc, regprocedure, regoper, regoperator, regnamespace and
  // regrole over the rows pg_type, pg_proc, pg_namespace and pg_authid show
  // (reg_object_resolver.cpp).
  uint32_t ObjectOid(TypeId reg_type, std::string_view text) override;
  std::optional<std::string> ObjectName(TypeId reg_type, uint32_t oid) override;

 private:
  // The rows of pg_catalog.`relation` as a scan at the current transaction
  // sees them; kept for the rest of the statement (a catalog query may print
  // thousands of reg* values, and a statement does not change the catalog
  // while it reads it).
  const std::vector<Row>& CatalogRows(std::string_view relation);
  uint32_t TypeOidOf(std::string_view text);
  uint32_t NamespaceOid(const std::string& name);
  uint32_t ProcOid(TypeId reg_type, std::string_view text);
  uint32_t OperOid(TypeId reg_type, std::string_view text);

  struct RowCache {
    uint64_t txn = 0;
    uint64_t statement = 0;
    std::map<std::string, std::vector<Row>, std::less<>> rows;
  };
  RowCache cache_;

  catalog::Catalog& catalog_;
  const std::unique_ptr<txn::Transaction>& txn_;
  catalog::Oid database_;
  catalog::CatalogRelationResolver inner_;
};

}  // namespace basalt::engine::sql::system
