// engine/storage/store_figures.cpp
#include "engine/storage/store_figures.hpp"

#include <rocksdb/db.h>
#include <rocksdb/statistics.h>

#include "engine/storage/store.hpp"

namespace basalt::engine::storage {
namespace {

uint64_t Prop(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, const char* name) {
  uint64_t v = 0;
  if (cf == nullptr || !db->GetIntProperty(cf, name, &v)) return 0;
  return v;
}

}  // namespace

StoreFigures ReadStoreFigures(const Store& store) {
  StoreFigures out;
  rocksdb::DB* db = store.raw_db();
  struct Named {
    Cf cf;
    const char* name;
  };
  constexpr Named kFamilies[] = {{Cf::kCatalog, "catalog"}, {Cf::kRows, "rows"}, {Cf::kIndexes, "indexes"},
                                 {Cf::kMeta, "meta"}};
  for (const Named& n : kFamilies) {
    rocksdb::ColumnFamilyHandle* h = store.FamilyHandle(n.cf);
    FamilyFigures f;
    f.name = n.name;
    f.memtable_bytes = Prop(db, h, "rocksdb.cur-size-all-mem-tables");
    f.sst_bytes = Prop(db, h, "rocksdb.total-sst-files-size");
    f.live_sst_bytes = Prop(db, h, "rocksdb.live-sst-files-size");
    f.pending_compaction_bytes = Prop(db, h, "rocksdb.estimate-pending-compaction-bytes");
    f.estimated_keys = Prop(db, h, "rocksdb.estimate-num-keys");
    f.running_compactions = Prop(db, h, "rocksdb.num-running-compactions");
    f.sst_files_level0 = Prop(db, h, "rocksdb.num-files-at-level0");
    out.families.push_back(std::move(f));
  }
  rocksdb::ColumnFamilyHandle* rows = store.FamilyHandle(Cf::kRows);
  out.block_cache_capacity = Prop(db, rows, "rocksdb.block-cache-capacity");
  out.block_cache_usage = Prop(db, rows, "rocksdb.block-cache-usage");
  out.write_stopped = Prop(db, rows, "rocksdb.is-write-stopped") != 0;
  out.delayed_write_rate = Prop(db, rows, "rocksdb.actual-delayed-write-rate");
  rocksdb::Statistics* stats = db->GetDBOptions().statistics.get();
  if (stats != nullptr) {
    out.statistics = true;
    out.block_cache_hits = stats->getTickerCount(rocksdb::BLOCK_CACHE_HIT);
    out.block_cache_misses = stats->getTickerCount(rocksdb::BLOCK_CACHE_MISS);
    out.stall_micros = stats->getTickerCount(rocksdb::STALL_MICROS);
    out.wal_syncs = stats->getTickerCount(rocksdb::WAL_FILE_SYNCED);
    out.wal_bytes = stats->getTickerCount(rocksdb::WAL_FILE_BYTES);
    out.bytes_written = stats->getTickerCount(rocksdb::BYTES_WRITTEN);
    out.bytes_read = stats->getTickerCount(rocksdb::BYTES_READ);
    out.compaction_read_bytes = stats->getTickerCount(rocksdb::COMPACT_READ_BYTES);
    out.compaction_write_bytes = stats->getTickerCount(rocksdb::COMPACT_WRITE_BYTES);
    out.flush_write_bytes = stats->getTickerCount(rocksdb::FLUSH_WRITE_BYTES);
  }
  return out;
}

}  // namespace basalt::engine::storage
