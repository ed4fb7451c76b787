// engine/sql/system/derived_oids.hpp
//
// OIDs of catalog objects Basalt's catalog implies but does not store as
// objects of their own: a table's row type and its array type, and the index
// and constraint behind its primary key. They are derived from the table's OID
// (stable for the table's life, unique because each lives in its own high OID
// range that the allocator never reaches) until the catalog assigns them.
#pragma once

#include "engine/catalog/catalog_defs.hpp"

namespace basalt::engine::sql::system {

inline constexpr catalog::Oid kRowTypeBase = 0x40000000u;
inline constexpr catalog::Oid kRowArrayTypeBase = 0x50000000u;
inline constexpr catalog::Oid kPkIndexBase = 0x60000000u;
inline constexpr catalog::Oid kPkConstraintBase = 0x70000000u;
inline constexpr catalog::Oid kAttrDefBase = 0x80000000u;

inline catalog::Oid RowTypeOid(catalog::Oid table) { return kRowTypeBase + table; }
inline catalog::Oid RowArrayTypeOid(catalog::Oid table) { return kRowArrayTypeBase + table; }
inline catalog::Oid PkIndexOid(catalog::Oid table) { return kPkIndexBase + table; }
inline catalog::Oid PkConstraintOid(catalog::Oid table) { return kPkConstraintBase + table; }
// A column default: the table OID in the high bits, the column number in the low 10.
inline catalog::Oid AttrDefOid(catalog::Oid table, int attnum) {
  return kAttrDefBase + ((table << 10) & 0x7FFFFC00u) + static_cast<catalog::Oid>(attnum);
}

// The table a primary-key index/constraint OID belongs to, or 0.
inline catalog::Oid TableOfPkIndex(catalog::Oid oid) {
  return oid >= kPkIndexBase && oid < kPkConstraintBase ? oid - kPkIndexBase : 0;
}
inline catalog::Oid TableOfPkConstraint(catalog::Oid oid) {
  return oid >= kPkConstraintBase && oid < kAttrDefBase ? oid - kPkConstraintBase : 0;
}

}  // namespace basalt::engine::sql::system
