// engine/catalog/catalog_defs.hpp
//
// The schema objects Basalt stores in its `catalog` column family. Every
// definition is a plain value: the Catalog reads and writes them through the
// current transaction, so DDL is versioned like data and therefore
// transactional (a CREATE TABLE inside BEGIN is invisible to others until
// COMMIT and vanishes on ROLLBACK).
//
// OIDs are allocated from a counter that is not transactional (as in
// PostgreSQL) and are never reused; user objects start at 16384.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::catalog {

using Oid = uint32_t;

inline constexpr Oid kFirstUserOid = 16384;
inline constexpr Oid kPgCatalogNamespaceOid = 11;
inline constexpr Oid kPublicNamespaceOid = 2200;
inline constexpr Oid kBootstrapSuperuserOid = 10;

struct DatabaseDef {
  Oid oid = 0;
  std::string name;
  Oid owner = 0;
};

struct RoleDef {
  Oid oid = 0;
  std::string name;
  bool superuser = false;
  bool can_login = true;
  std::optional<std::string> password_verifier;
};

struct ColumnDef {
  std::string name;
  sql::Type type;
  bool not_null = false;
  // DEFAULT expression as SQL text (re-parsed and bound when used); empty = none.
  std::string default_sql;
};

struct TableDef {
  Oid oid = 0;
  Oid database = 0;
  Oid schema = kPublicNamespaceOid;
  std::string name;
  Oid owner = 0;
  std::vector<ColumnDef> columns;
  // Primary-key columns (indexes into `columns`), in key order. Empty: rows are
  // keyed by a hidden, never-reused row id.
  std::vector<int> primary_key;
  std::string primary_key_name;  // constraint name, e.g. "t_pkey"

  bool has_primary_key() const { return !primary_key.empty(); }
  // Index of the column named `name`, or -1.
  int FindColumn(std::string_view column_name) const;
};

}  // namespace basalt::engine::catalog
