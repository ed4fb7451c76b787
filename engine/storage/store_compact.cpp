// Store::CompactRange: VACUUM's storage step. Compacting a table's key range
// rewrites its SST files, dropping overwritten RocksDB entries and (once the
// MVCC compaction filter exists) versions older than the GC horizon.
#include <rocksdb/db.h>

#include "engine/storage/rocks_status.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/version_key.hpp"

namespace basalt::engine::storage {

void Store::CompactRange(Cf cf, std::string_view begin, std::string_view end) {
  // Timestamp::Max() gives the smallest version suffix, so these bound every
  // version of keys in [begin, end) and no version of `end` itself.
  std::string lo = VersionKey(begin, Timestamp::Max());
  std::string hi = VersionKey(end, Timestamp::Max());
  rocksdb::Slice lo_slice(lo);
  rocksdb::Slice hi_slice(hi);
  rocksdb::CompactRangeOptions cro;
  cro.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  ThrowIfError(db_->CompactRange(cro, VersionedHandle(cf), &lo_slice, &hi_slice), "could not compact");
}

}  // namespace basalt::engine::storage
