// engine/catalog/table_stats.hpp
//
// Planner statistics and maintenance counters of one table, written by
// ANALYZE and VACUUM (engine/sql/exec/analyze_table.hpp) and read by pg_stats,
// pg_stat_user_tables and pg_class. One record per table in the `catalog`
// column family, versioned like every catalog record (so ANALYZE inside a
// transaction block rolls back with it):
//   <kTableStatsKind><table oid>  ->  TableStats
// The record is separate from the TableDef so that every table lookup does not
// decode most-common-value lists. Column statistics are keyed by column name,
// so stale entries of dropped or renamed columns are simply ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine::catalog {

struct ColumnStats {
  std::string column;
  float null_frac = 0;
  int32_t avg_width = 0;
  float n_distinct = 0;              // PostgreSQL's stadistinct: > 0 a count, < 0 a fraction of the rows
  std::vector<std::string> mcv;      // most common values, as text, most frequent first
  std::vector<float> mcv_freqs;
};

struct TableStats {
  Oid table = 0;
  double reltuples = -1;
  int64_t relpages = 0;
  // timestamptz microseconds since 2000-01-01 UTC.
  std::optional<int64_t> last_vacuum;
  std::optional<int64_t> last_analyze;
  int64_t vacuum_count = 0;
  int64_t analyze_count = 0;
  std::vector<ColumnStats> columns;

  // The statistics of column `name`, or nullptr.
  const ColumnStats* Find(const std::string& name) const;
};

std::optional<TableStats> LoadTableStats(txn::Transaction& txn, Oid table);
void StoreTableStats(txn::Transaction& txn, const TableStats& stats);
void DeleteTableStats(txn::Transaction& txn, Oid table);

}  // namespace basalt::engine::catalog
