// engine/storage/backup_source.hpp
//
// The server side of an online base backup. Start() takes a RocksDB
// checkpoint (hard links to the immutable SST files plus copies of the
// manifest/WAL files, consistent at one WAL sequence number) into
// DATA/backup_staging/<id>/store, copies basalt.conf and hba.conf beside it,
// and lists every file with its size and SHA-256. A client then reads the
// files in chunks (Read) and ends the backup (Stop), which deletes the
// staging directory. Writes continue meanwhile: the checkpoint pins the SST
// files it links, nothing else is held.
//
// BackupTo() is the server-side route (SELECT basalt_backup('/dir')): the same
// Start/Read/Stop feeding a BackupWriter in this process.
//
// Staging directories left by a crash are removed by the constructor, those
// of a client that vanished after an hour without reads. SST
// checksums are cached by (file name, size): SST files are immutable, so a
// later backup hashes only new ones. Thread-safety: all methods may be called
// concurrently; several backups may run at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "engine/storage/backup_manifest.hpp"

namespace basalt::engine::storage {

class Store;

class BackupSource {
 public:
  struct Clock {
    std::function<uint64_t()> watermark;  // visible watermark (every commit <= it is applied)
    std::function<uint64_t()> now;        // a fresh HLC timestamp
  };
  struct Started {
    std::string id;
    BackupManifest listing;  // files, start/stop data; label as given
  };

  BackupSource(Store& store, std::filesystem::path data_dir, Clock clock);
  ~BackupSource();

  Started Start(std::string label);
  // Up to `len` bytes of `path` (a listed file) from `offset`.
  std::string Read(std::string_view id, std::string_view path, uint64_t offset, size_t len);
  // Ends the backup, removes its staging directory and returns its listing.
  BackupManifest Stop(std::string_view id);
  // Server-side backup into `target` (absolute, absent or empty). Returns a
  // one-line summary.
  std::string BackupTo(const std::filesystem::path& target, const std::optional<std::filesystem::path>& previous,
                       std::string label);

  // Encoding of a Started for basalt_backup_start(): "backup_id <id>\n" + manifest.
  static std::string EncodeStarted(const Started& s);
  static Started DecodeStarted(std::string_view text);

 private:
  struct Active {
    std::filesystem::path dir;
    BackupManifest listing;
    std::chrono::steady_clock::time_point touched;  // last Start/Read
  };
  // A backup whose client vanished (no Read for this long) is dropped at the
  // next Start, releasing the SST files its checkpoint pins.
  static constexpr std::chrono::hours kAbandonedAfter{1};
  void DropAbandonedLocked();
  std::string HashCached(const std::filesystem::path& file, uint64_t size, bool immutable);

  Store& store_;
  std::filesystem::path data_dir_;
  std::filesystem::path staging_root_;
  Clock clock_;
  std::mutex mu_;
  uint64_t next_id_ = 1;
  std::map<std::string, Active, std::less<>> active_;
  std::map<std::string, std::string> sst_sha_;  // "<name>:<size>" -> sha256
};

}  // namespace basalt::engine::storage
