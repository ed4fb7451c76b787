// engine/sql/system/statement_stats.hpp
//
// Statement statistics behind the pg_stat_statements view: per (user,
// database, normalised query text) the number of calls, execution time
// (total/min/max/mean/stddev, milliseconds as PostgreSQL reports them) and
// rows. Query text is normalised the way the pg_stat_statements extension
// shows it: every constant (string, number, dollar-quoted) becomes $n,
// numbered after the highest parameter the text already uses, so
// "SELECT * FROM t WHERE id = 42" and "... id = 7" share one entry.
//
// The store is process-wide (PostgreSQL keeps it in shared memory) and split
// into shards with one mutex each, so concurrent sessions rarely contend. At
// most kMaxEntries entries are kept (pg_stat_statements.max's default); when
// a shard is full its least-called entry is dropped, as the extension evicts.
// queryid is a 64-bit hash of the normalised text (PostgreSQL hashes the parse
// tree, so ids differ from PostgreSQL's).
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace basalt::engine::sql::system {

struct NormalizedQuery {
  std::string text;
  int64_t query_id = 0;
};

// Constants -> $n; surrounding whitespace and trailing semicolons dropped.
NormalizedQuery NormalizeQuery(std::string_view sql);

struct StatementStatsRow {
  std::string user;
  std::string database;
  int64_t query_id = 0;
  std::string query;
  int64_t calls = 0;
  double total_ms = 0;
  double min_ms = 0;
  double max_ms = 0;
  double mean_ms = 0;
  double stddev_ms = 0;
  int64_t rows = 0;
};

class StatementStats {
 public:
  static constexpr size_t kMaxEntries = 5000;

  // The process-wide store.
  static StatementStats& Global();

  // One execution of `query` (already normalised) taking `seconds` and
  // returning or affecting `rows` rows.
  void Record(std::string_view user, std::string_view database, const NormalizedQuery& query, double seconds,
              int64_t rows);
  // Every entry (order unspecified).
  std::vector<StatementStatsRow> Snapshot() const;
  // pg_stat_statements_reset(): forget everything.
  void Reset();

 private:
  struct Entry {
    std::string user;
    std::string database;
    int64_t query_id = 0;
    std::string query;
    int64_t calls = 0;
    double total_ms = 0;
    double min_ms = 0;
    double max_ms = 0;
    double mean_ms = 0;  // Welford's running mean and sum of squared deviations
    double sum_var_ms = 0;
    int64_t rows = 0;
  };
  static constexpr size_t kShards = 16;
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, Entry> entries;  // key: user \0 database \0 queryid
  };
  std::array<Shard, kShards> shards_;
};

}  // namespace basalt::engine::sql::system
