// engine/catalog/catalog_codec.hpp
//
// Binary encodings of catalog definitions (values of the `catalog` column
// family). Each record starts with a format version byte so later releases can
// add fields; readers reject versions they do not know (XX001).
#pragma once

#include <string>
#include <string_view>

#include "engine/catalog/catalog_defs.hpp"

namespace basalt::engine::catalog {

std::string EncodeDatabase(const DatabaseDef& def);
DatabaseDef DecodeDatabase(std::string_view bytes);

std::string EncodeRole(const RoleDef& def);
RoleDef DecodeRole(std::string_view bytes);

std::string EncodeTable(const TableDef& def);
TableDef DecodeTable(std::string_view bytes);

}  // namespace basalt::engine::catalog
