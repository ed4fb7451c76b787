// engine/catalog/view_codec.hpp
//
// The view part of a stored TableDef (relkind 'v'): one tagged DDL section
// (ddl_codec.hpp) holding the query text and the OIDs of the relations the
// view reads.
#pragma once

#include "engine/catalog/byte_io.hpp"
#include "engine/catalog/catalog_defs.hpp"

namespace basalt::engine::catalog {

inline constexpr uint8_t kViewSectionTag = 20;

// Appends the section when `def.view` is set.
void EncodeViewSection(const TableDef& def, ByteWriter& w);
// Reads the section's payload into `def.view`.
void DecodeViewSection(ByteReader& payload, TableDef& def);

}  // namespace basalt::engine::catalog
