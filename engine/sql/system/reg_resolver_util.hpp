// engine/sql/system/reg_resolver_util.hpp
//
// Helpers shared by the reg* resolver files (reg_object_resolver.cpp,
// reg_proc_resolver.cpp): reading generated catalog rows by column name and
// the schemas unqualified names are looked up in.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "engine/catalog/search_path.hpp"
#include "engine/error/db_error.hpp"
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql::system {

// Index of column `name` in the rows of pg_catalog.`relation`.
inline size_t RegCol(std::string_view relation, std::string_view name) {
  const SystemRelation* rel = FindSystemRelation("pg_catalog", relation);
  for (size_t i = 0; rel != nullptr && i < rel->columns.size(); ++i) {
    if (rel->columns[i].name == name) return i;
  }
  throw DbError(SqlState::kInternalError, fmt::format("internal error: no column {}.{}", relation, name));
}

// An OID column's value (0 for NULL).
inline uint32_t RegOidAt(const Row& row, size_t col) {
  return row[col].is_null() ? 0 : static_cast<uint32_t>(row[col].as_int());
}

// The search path with pg_catalog (PostgreSQL's namespace search order).
inline std::vector<uint32_t> RegSearchPath(txn::Transaction* txn, catalog::Oid database) {
  if (txn == nullptr) return {catalog::kPgCatalogNamespaceOid, catalog::kPublicNamespaceOid};
  std::vector<catalog::Oid> path = catalog::ActiveSearchPath(*txn, database, /*implicit=*/true);
  return std::vector<uint32_t>(path.begin(), path.end());
}

inline bool RegOnPath(const std::vector<uint32_t>& path, uint32_t nsp) {
  return std::find(path.begin(), path.end(), nsp) != path.end();
}

}  // namespace basalt::engine::sql::system
