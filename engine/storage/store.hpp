// engine/storage/store.hpp
//
// Store is Basalt's RocksDB database: one DB with the column families default,
// catalog, rows, indexes and meta. It knows keys, versions and bytes, never
// schemas.
//
// Versioned families (catalog, rows, indexes) keep every version of a user key
// as <user key><~commit_ts> -> <tag><bytes> (see version_key.hpp); reads take a
// snapshot timestamp and see the newest version at or below it, tombstones
// hiding the key. Commit writes one WriteBatch with every version stamped with
// the same commit timestamp; with sync=true the WAL is fsynced before Commit
// returns, so the data survives kill -9. No lock is held across the write, so
// concurrent synced commits share fsyncs (RocksDB's write-group leader syncs
// for the whole group). The meta family is unversioned.
//
// Thread-safety: every method may be called concurrently. Errors from RocksDB
// become DbError (58030 io_error, XX001 data_corrupted).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/column_family.hpp"
#include "engine/storage/mutation.hpp"
#include "engine/storage/store_options.hpp"
#include "engine/storage/timestamp.hpp"
#include "engine/storage/version_cursor.hpp"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class Statistics;
}  // namespace rocksdb

namespace basalt::engine::storage {

class Store {
 public:
  // Creates a new store at `dir` (the directory may exist, the store may not:
  // DbError 58P02 if one does).
  static void Create(const std::filesystem::path& dir);
  // True if `dir` holds a Basalt store.
  static bool Exists(const std::filesystem::path& dir);
  // Opens an existing store; DbError 58P01 if `dir` is not a Basalt store.
  static std::unique_ptr<Store> Open(const std::filesystem::path& dir, const StoreOptions& opts = {});

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Value of the newest version of `user_key` with ts <= snapshot; nullopt if
  // there is none or it is a tombstone.
  std::optional<std::string> Get(Cf cf, std::string_view user_key, Timestamp snapshot) const;
  // Newest committed version regardless of snapshot (write-conflict checks).
  // Sets *ts_out (if given) to its timestamp, also for a tombstone (then the
  // result is nullopt); *ts_out is Timestamp{0} if the key has no version.
  std::optional<std::string> GetLatest(Cf cf, std::string_view user_key, Timestamp* ts_out = nullptr) const;
  // Timestamp of the newest version (tombstones included), nullopt if none.
  std::optional<Timestamp> LatestVersionTs(Cf cf, std::string_view user_key) const;

  // User keys in [begin, end) (empty end = unbounded) at their newest version
  // visible at `snapshot`, tombstones skipped.
  std::unique_ptr<VersionCursor> Scan(Cf cf, std::string_view begin, std::string_view end, Timestamp snapshot) const;
  // True if any key in [begin, end) has a version (tombstones included) with
  // ts > after. Used for SERIALIZABLE read validation.
  bool HasVersionAfter(Cf cf, std::string_view begin, std::string_view end, Timestamp after) const;

  // Writes all mutations atomically, versions stamped with commit_ts.
  void Commit(std::span<const Mutation> mutations, Timestamp commit_ts, bool sync);

  // Unversioned meta family.
  std::optional<std::string> GetMeta(std::string_view key) const;
  void PutMeta(std::string_view key, std::string_view value, bool sync);
  void DeleteMeta(std::string_view key, bool sync);

  // Approximate on-disk plus memtable bytes of the user-key range [begin, end).
  uint64_t ApproximateSize(Cf cf, std::string_view begin, std::string_view end) const;
  // Compacts every column family fully (tests, VACUUM FULL-like maintenance).
  void CompactAll();
  // Compacts the user-key range [begin, end) of one versioned family down to
  // the bottommost level (VACUUM; store_compact.cpp).
  void CompactRange(Cf cf, std::string_view begin, std::string_view end);
  // Flushes memtables to SST files.
  void Flush();
  // Creates a consistent on-disk copy (hard links where possible) at `dir`,
  // which must not exist. Basis for online backups.
  void CreateCheckpoint(const std::filesystem::path& dir) const;
  // A RocksDB integer property (e.g. "rocksdb.estimate-num-keys") summed over
  // the versioned families, nullopt if unknown. For metrics.
  std::optional<uint64_t> IntProperty(std::string_view name) const;
  // rocksdb::Statistics ticker value when StoreOptions::enable_statistics, else 0.
  uint64_t TickerCount(uint32_t ticker) const;

  const std::filesystem::path& dir() const { return dir_; }
  // The RocksDB handle and column-family ids, for backup and WAL archiving
  // (backup_source.hpp, wal_archiver.hpp), which need checkpoints with their
  // sequence number and the WAL itself.
  rocksdb::DB* raw_db() const { return db_.get(); }
  uint32_t CfId(Cf cf) const;
  rocksdb::ColumnFamilyHandle* cf_handle(Cf cf) const { return Handle(cf); }
  // The column family's handle, for monitoring (store_figures.cpp).
  rocksdb::ColumnFamilyHandle* FamilyHandle(Cf cf) const { return Handle(cf); }

 private:
  Store(std::filesystem::path dir, std::unique_ptr<rocksdb::DB> db,
        std::vector<rocksdb::ColumnFamilyHandle*> handles, std::shared_ptr<rocksdb::Statistics> stats);
  rocksdb::ColumnFamilyHandle* Handle(Cf cf) const;
  rocksdb::ColumnFamilyHandle* VersionedHandle(Cf cf) const;

  std::filesystem::path dir_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // indexed by Cf
  std::shared_ptr<rocksdb::Statistics> stats_;
};

}  // namespace basalt::engine::storage
