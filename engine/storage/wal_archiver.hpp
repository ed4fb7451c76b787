// engine/storage/wal_archiver.hpp
//
// Continuous archiving (archive_mode = on): a background thread copies every
// WriteBatch RocksDB has written to its WAL into the archive (wal_archive.hpp),
// in sequence order, with the batch's commit timestamp, then fsyncs the
// archive once per round. Rounds run every `interval` (100 ms by default), so
// a committed transaction is archived within about that delay; the commit path
// is untouched (no extra fsync, no lock: the archiver reads the WAL through
// DB::GetUpdatesSince).
//
// RocksDB keeps obsolete WAL files (store/archive) while archive_mode is on
// (StoreOptions::wal_ttl_seconds); the archiver deletes each one once every
// batch in it is archived. The archive records where it ends, so after a
// restart (or kill -9) the archiver resumes at the next sequence number and
// re-reads the WAL files RocksDB recovered: no gap. If the WAL it needs is
// gone (archive_mode was off for a while), it writes a kGap record, counts a
// failure and continues; replay refuses to cross the gap.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/storage/wal_archive.hpp"

namespace basalt::engine::storage {

class Store;

// The pg_stat_archiver-like counters (basalt_stat_archiver, metrics).
struct ArchiverStatus {
  bool enabled = false;
  std::string archive_dir;
  uint64_t archived_count = 0;        // batches archived since start
  uint64_t archived_bytes = 0;        // archive bytes written since start
  uint64_t last_archived_seq = 0;     // last RocksDB sequence number archived
  uint64_t last_archived_ts = 0;      // HLC of the newest archived commit
  uint64_t last_archived_time_us = 0; // wall clock when it was archived
  uint64_t failed_count = 0;
  std::string last_failed_error;
  uint64_t last_failed_time_us = 0;
  uint64_t gap_count = 0;
  uint64_t stats_reset_time_us = 0;
  uint64_t lag_seq = 0;               // WAL sequence numbers not yet archived
};

class WalArchiver {
 public:
  WalArchiver(Store& store, std::filesystem::path archive_dir,
              std::chrono::milliseconds interval = std::chrono::milliseconds(100));
  // Stops the thread after a final round.
  ~WalArchiver();
  WalArchiver(const WalArchiver&) = delete;
  WalArchiver& operator=(const WalArchiver&) = delete;

  void Start();
  void Stop();
  ArchiverStatus status() const;
  // Runs one round now (tests, shutdown); returns batches archived.
  uint64_t RunOnce();
  // basalt_create_restore_point: a synced meta write the archiver turns into
  // a kRestorePoint record. Returns the HLC the point stands for.
  uint64_t CreateRestorePoint(std::string_view name, uint64_t ts);

 private:
  void Loop();
  void DeleteArchivedWalFiles();
  void RecordGap(uint64_t from, uint64_t to);  // sequences [from, to) are lost
  uint64_t NowMicros() const;

  Store& store_;
  std::filesystem::path dir_;
  std::chrono::milliseconds interval_;
  std::unique_ptr<ArchiveWriter> writer_;  // only the round (under round_mu_) touches it
  uint64_t start_seq_ = 1;                 // where an empty archive begins
  std::mutex round_mu_;
  mutable std::mutex mu_;  // guards status_ and stop_
  std::condition_variable cv_;
  bool stop_ = false;
  ArchiverStatus status_;
  std::thread thread_;
};

}  // namespace basalt::engine::storage
