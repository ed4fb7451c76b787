// engine/sql/system/io_proc_rows.hpp
//
// The type support functions of the built-in types (array_in, int4out, ...):
// pg_proc facts regproc/regprocedure need beyond the pg_proc relation's rows.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace basalt::engine::sql::system {

struct IoProcRow {
  uint32_t oid;
  std::string_view name;
  std::string_view arg_types;  // space-separated type OIDs (proargtypes)
};

std::span<const IoProcRow> IoProcRows();

}  // namespace basalt::engine::sql::system
