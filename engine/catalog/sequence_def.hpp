// engine/catalog/sequence_def.hpp
//
// The definition of a sequence (pg_sequence's columns plus OWNED BY). A
// sequence is a relation: it is stored as a TableDef with relkind 'S' and this
// definition attached, so it shares the table name space (42P07 on clashes)
// and is transactional like any catalog record. Its running state
// (last_value, is_called, log_cnt) is not transactional and lives in
// SequenceStore (sequence_store.hpp).
//
// Invariants: min_value <= start <= max_value, increment != 0, cache >= 1;
// the bounds fit `type` (int2, int4 or int8).
#pragma once

#include <cstdint>
#include <string>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::catalog {

struct SequenceDef {
  sql::TypeId type = sql::TypeId::kInt8;  // AS smallint | integer | bigint
  int64_t start = 1;
  int64_t increment = 1;
  int64_t max_value = INT64_MAX;
  int64_t min_value = 1;
  int64_t cache = 1;
  bool cycle = false;
  // OWNED BY table.column (0 = none): dropped with the table.
  uint32_t owned_by_table = 0;
  std::string owned_by_column;
};

}  // namespace basalt::engine::catalog
