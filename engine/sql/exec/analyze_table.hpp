// engine/sql/exec/analyze_table.hpp
//
// ANALYZE and VACUUM's catalog work (PostgreSQL's analyze.c, simplified).
// ANALYZE reads every row of the table once (counting them for
// pg_class.reltuples) and keeps a reservoir sample of up to 30000 rows
// (PostgreSQL's 300 x default_statistics_target), from which it computes per
// column the null fraction, average stored width, the number of distinct
// values (PostgreSQL's Haas-Stokes estimator and its rules for unique and
// fully-sampled columns) and the most common values. A table smaller than the
// sample is analyzed exactly, which is what makes the numbers match
// PostgreSQL's. The result goes to catalog::TableStats and
// TableDef::reltuples through the running transaction.
#pragma once

#include <cstdint>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// timestamptz microseconds (since 2000-01-01 UTC) of the wall clock.
int64_t NowTimestampTz();

// Computes and stores the statistics of `table` (a user table, relkind 'r').
void AnalyzeTable(const catalog::TableDef& table, ExecContext& ctx);

// Records a VACUUM of `table` (pg_stat_user_tables.last_vacuum, vacuum_count).
void RecordVacuum(const catalog::TableDef& table, ExecContext& ctx);

}  // namespace basalt::engine::sql
