// engine/catalog/index_codec.hpp
//
// Encoding of a table record's indexes and constraints (index_def.hpp). They
// follow the record's original fields; a record written before they existed
// simply ends there and decodes with none.
#pragma once

#include "engine/catalog/byte_io.hpp"
#include "engine/catalog/catalog_defs.hpp"

namespace basalt::engine::catalog {

void EncodeTableExtras(ByteWriter& w, const TableDef& def);
void DecodeTableExtras(ByteReader& r, TableDef& def);

}  // namespace basalt::engine::catalog
