// engine/storage/store_figures.hpp
//
// RocksDB figures for monitoring, read from DB properties (per column family)
// and the statistics tickers (when StoreOptions::enable_statistics). Plain
// numbers, so callers above storage/ need no RocksDB header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace basalt::engine::storage {

class Store;

struct FamilyFigures {
  std::string name;                   // "rows", "indexes", ...
  uint64_t memtable_bytes = 0;        // rocksdb.cur-size-all-mem-tables
  uint64_t sst_bytes = 0;             // rocksdb.total-sst-files-size
  uint64_t live_sst_bytes = 0;        // rocksdb.live-sst-files-size
  uint64_t pending_compaction_bytes = 0;  // rocksdb.estimate-pending-compaction-bytes
  uint64_t estimated_keys = 0;        // rocksdb.estimate-num-keys (versions, not rows)
  uint64_t running_compactions = 0;   // rocksdb.num-running-compactions (DB-wide)
  uint64_t sst_files_level0 = 0;      // rocksdb.num-files-at-level0
};

struct StoreFigures {
  std::vector<FamilyFigures> families;
  uint64_t block_cache_capacity = 0;  // rocksdb.block-cache-capacity
  uint64_t block_cache_usage = 0;     // rocksdb.block-cache-usage
  bool write_stopped = false;         // rocksdb.is-write-stopped
  uint64_t delayed_write_rate = 0;    // rocksdb.actual-delayed-write-rate (bytes/s, 0 = not delayed)
  bool statistics = false;            // the tickers below are real
  uint64_t block_cache_hits = 0;
  uint64_t block_cache_misses = 0;
  uint64_t stall_micros = 0;          // time writers were stalled
  uint64_t wal_syncs = 0;             // WAL fsyncs
  uint64_t wal_bytes = 0;
  uint64_t bytes_written = 0;         // user bytes written (keys + values)
  uint64_t bytes_read = 0;
  uint64_t compaction_read_bytes = 0;
  uint64_t compaction_write_bytes = 0;
  uint64_t flush_write_bytes = 0;
};

// Reads every figure; never throws (an unknown property reads as 0).
StoreFigures ReadStoreFigures(const Store& store);

}  // namespace basalt::engine::storage
