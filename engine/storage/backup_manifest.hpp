// engine/storage/backup_manifest.hpp
//
// The manifest of a base backup: what was copied, when, and at which point of
// the commit log, plus the checks `basalt verify` and `basalt restore` run.
//
// A backup directory holds the copied files (store/... RocksDB checkpoint,
// basalt.conf, hba.conf) and `backup_manifest`, written LAST. While a backup
// runs the directory also holds `backup_in_progress`; it is removed only after
// the manifest is durable, so an interrupted backup is recognisably
// incomplete and verify/restore refuse it.
//
// Text format (one item per line; '#' lines are comments for humans):
//   basalt backup manifest 1
//   label <text>            start_ts <hlc>      stop_ts <hlc>
//   start_time <unix µs>    stop_time <unix µs> wal_seq <rocksdb seq>
//   incremental_from <dir>  (may be empty)
//   file <size> <sha256> <relative path>      (one per file)
//   manifest_sha256 <sha256 of every line above, newlines included>
// Consistency: the checkpoint holds exactly the RocksDB state at sequence
// wal_seq; every transaction acknowledged before start_time (commit ts <=
// start_ts) is in it. Archive replay continues at wal_seq + 1.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace basalt::engine::storage {

inline constexpr std::string_view kManifestFileName = "backup_manifest";
inline constexpr std::string_view kInProgressFileName = "backup_in_progress";

struct BackupFile {
  std::string path;  // relative, '/'-separated, no "..", no newline
  uint64_t size = 0;
  std::string sha256;  // lower-case hex
  bool operator==(const BackupFile&) const = default;
};

struct BackupManifest {
  std::string label;
  uint64_t start_ts = 0;
  uint64_t stop_ts = 0;
  uint64_t start_time_us = 0;
  uint64_t stop_time_us = 0;
  uint64_t wal_seq = 0;
  std::string incremental_from;
  std::vector<BackupFile> files;

  uint64_t TotalBytes() const;
  const BackupFile* Find(std::string_view path) const;
  bool operator==(const BackupManifest&) const = default;
};

std::string EncodeManifest(const BackupManifest& m);
// Throws DbError XX001 naming what is wrong (bad header, bad line, checksum).
BackupManifest DecodeManifest(std::string_view text);
// True if `path` is safe inside a backup directory (relative, no "..").
bool IsSafeBackupPath(std::string_view path);
// "2026-11-21 12:00:00.123456+00" for unix microseconds.
std::string FormatUnixMicros(uint64_t us);

// Reads DIR/backup_manifest. Throws DbError naming the problem: the backup is
// incomplete (backup_in_progress present or manifest missing) or the
// manifest is damaged.
BackupManifest ReadManifest(const std::filesystem::path& dir);

// Every file of the manifest present with its size and SHA-256. Returns one
// message per damaged or missing file ("file \"store/000012.sst\": checksum
// mismatch ..."); empty = the backup is intact.
std::vector<std::string> CheckBackupFiles(const std::filesystem::path& dir, const BackupManifest& m);

}  // namespace basalt::engine::storage
