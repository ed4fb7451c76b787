// engine/sql/system/operator_rows.hpp
//
// PostgreSQL 15's built-in pg_operator rows (the identifying columns only),
// for regoper and regoperator.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace basalt::engine::sql::system {

struct OperatorRow {
  uint32_t oid;
  std::string_view name;
  uint32_t left;   // 0 for a prefix operator
  uint32_t right;
};

std::span<const OperatorRow> PgOperatorRows();

}  // namespace basalt::engine::sql::system
