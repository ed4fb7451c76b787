// engine/storage/store_options.hpp
//
// Tuning knobs for Store::Open. Defaults suit a small server; conf/ maps
// basalt.conf settings onto these fields.
#pragma once

#include <cstddef>
#include <cstdint>

namespace basalt::engine::storage {

struct StoreOptions {
  size_t block_cache_bytes = size_t{128} << 20;   // shared LRU cache over all column families
  size_t write_buffer_bytes = size_t{64} << 20;   // memtable size per column family
  int max_background_jobs = 2;                    // flush + compaction threads
  int bloom_bits_per_key = 10;                    // prefix bloom filters on versioned CFs
  bool enable_statistics = false;                 // rocksdb::Statistics for metrics
  uint64_t wal_ttl_seconds = 0;                   // keep obsolete WAL files (archive_mode = on)
};

}  // namespace basalt::engine::storage
