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

#include "engine/catalog/sequence_def.hpp"
#include "engine/catalog/index_def.hpp"
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
  // pg_authid's other attributes (CREATE/ALTER ROLE options).
  bool inherit = true;
  bool create_role = false;
  bool create_db = false;
  bool replication = false;
  bool bypass_rls = false;
  int32_t connection_limit = -1;       // -1: no limit
  std::optional<int64_t> valid_until;  // timestamptz microseconds since 2000-01-01 UTC
};

struct ColumnDef {
  std::string name;
  sql::Type type;
  bool not_null = false;
  // DEFAULT expression as SQL text (re-parsed and bound when used); empty = none.
  std::string default_sql;
  // GENERATED ... AS IDENTITY: 'a' ALWAYS, 'd' BY DEFAULT, 0 none (pg_attribute.attidentity).
  char identity = 0;
};

// A view (TableDef with relkind 'v'; `columns` are its output columns): the
// defining query as SQL text (deparsed by libpg_query at CREATE VIEW), re-parsed
// and bound at each use, and the relations it reads (for DROP dependencies).
struct ViewDef {
  std::string query_sql;
  std::vector<Oid> depends_on;
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
  // Secondary indexes, CHECK and FOREIGN KEY constraints (engine/catalog/index_def.hpp).
  std::vector<IndexDef> indexes;
  std::vector<CheckDef> checks;
  std::vector<ForeignKeyDef> foreign_keys;
  std::vector<ForeignKeyRef> referenced_by;
  // pg_class.relkind: 'r' table, 'S' sequence (then `sequence` is set).
  char relkind = 'r';
  std::optional<SequenceDef> sequence;
  std::optional<ViewDef> view;  // relkind 'v' (engine/catalog/view_codec.hpp)
  // WITH (name = value, ...) storage parameters, as pg_class.reloptions shows them.
  std::vector<std::string> reloptions;
  // Row count from the last ANALYZE/VACUUM (pg_class.reltuples); -1 = never.
  double reltuples = -1;

  bool has_primary_key() const { return !primary_key.empty(); }
  // Index of the column named `name`, or -1.
  int FindColumn(std::string_view column_name) const;
};

}  // namespace basalt::engine::catalog
