// engine/catalog/index_keys.hpp
//
// Secondary index entries in the `indexes` column family, versioned like rows:
//   <index oid><key columns><row key>  ->  <row key>
// Key columns use the row key encoding (row_codec.hpp) with the index's
// direction: a DESC column's payload bytes are inverted; the NULL / not-null
// marker is written in final order (0x00 NULLS FIRST, 0x01 value, 0x02 NULLS
// LAST) and never inverted, so NULL placement is independent of direction.
// Unique indexes omit the row-key suffix when no key column is NULL, so one
// key value is one storage key: the uniqueness check is a locked point read
// (NULLs are distinct, so entries with a NULL keep the suffix). The value is
// always the row's storage key, so scans never decode index keys.
#pragma once

#include <string>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/types/value.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine::catalog {

// <index oid>: every entry of the index starts with this.
std::string IndexKeyPrefix(Oid index);

// Appends one key column of an index entry (see above).
void AppendIndexKeyValue(std::string& key, const sql::Value& v, sql::TypeId type, bool descending, bool nulls_first);

// Tombstones every entry of one index / of every index of `table` (DROP
// INDEX, DROP TABLE, TRUNCATE).
void DeleteIndexEntries(txn::Transaction& txn, Oid index);
void DeleteIndexEntries(txn::Transaction& txn, const TableDef& table);

}  // namespace basalt::engine::catalog
