// engine/catalog/row_codec.hpp
//
// How a table row becomes RocksDB bytes.
//   key:   <table oid><primary-key columns, order-preserving>   (tables with a key)
//          <table oid><hidden row id>                            (tables without)
//   value: <varint column count><null bitmap><non-null values in column order>
// Values are written by physical kind: bool 1 byte, integers as zigzag varints,
// floats as 8 raw bytes, strings length-prefixed. The column count lets rows
// written before ALTER TABLE ADD COLUMN read the new columns as NULL/default.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::catalog {

using Row = std::vector<sql::Value>;

// <table oid>: every row key of the table starts with this.
std::string RowKeyPrefix(Oid table);
// The first key after all of the table's rows.
std::string RowKeyPrefixEnd(Oid table);

// Appends one value of `type` to an order-preserving key.
void AppendKeyValue(std::string& key, const sql::Value& v, sql::TypeId type);

// Key of `row` in a table with a primary key.
std::string EncodePrimaryKey(const TableDef& table, const Row& row);
// Key of a row in a table without a primary key.
std::string EncodeRowIdKey(Oid table, int64_t row_id);

std::string EncodeRowValue(const TableDef& table, const Row& row);
// Decodes into `out` (resized to the table's column count).
void DecodeRowValue(const TableDef& table, std::string_view bytes, Row& out);

}  // namespace basalt::engine::catalog
