// engine/catalog/ddl_codec.hpp
//
// The DDL features' part of a stored TableDef: a run of tagged sections
// (`<tag U8><length-prefixed payload>`) at the very end of the record, so new
// fields never shift old ones and readers skip tags they do not know.
// Tags: 10 relkind + sequence parameters, 11 identity columns, 12 reloptions,
// 13 reltuples.
#pragma once

#include "engine/catalog/byte_io.hpp"
#include "engine/catalog/catalog_defs.hpp"

namespace basalt::engine::catalog {

void EncodeDdlSections(const TableDef& def, ByteWriter& w);
// Reads sections until the end of the record.
void DecodeDdlSections(ByteReader& r, TableDef& def);

}  // namespace basalt::engine::catalog
