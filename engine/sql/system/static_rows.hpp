// engine/sql/system/static_rows.hpp
//
// Built-in catalog rows copied from PostgreSQL 15 (static_rows.cpp): one text
// line per row, fields separated by '|', "\N" for NULL, '\' escaping '|' and
// '\'. SplitStaticRow turns a line into fields that ParseText reads with the
// column's type.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace basalt::engine::sql::system {

// The rows for `relation` ("pg_type", "pg_am", ...); empty when there are none.
std::span<const std::string_view> StaticRows(std::string_view relation);

// Fields of one line; nullopt = NULL.
std::vector<std::optional<std::string>> SplitStaticRow(std::string_view line);

}  // namespace basalt::engine::sql::system
