// engine/storage/backup_writer.hpp
//
// BackupWriter fills a backup directory from a file listing (a manifest
// without stop data) and a reader callback: the CLI's reader pulls chunks over
// the PostgreSQL protocol (basalt_backup_read), the server-side route reads
// its staging directory directly.
//
// Protocol of a directory: the constructor creates it (refusing a non-empty
// one) and writes backup_in_progress; CopyFiles writes every file (fsynced),
// checking each file's SHA-256 against the listing as it streams; Finish
// writes backup_manifest (fsynced) and only then removes the marker. So at any
// interruption the directory is either marked incomplete or complete.
//
// Incremental: with a previous complete backup, a file whose path, size and
// SHA-256 match one there (SST files are immutable, so unchanged ones do) is
// hard-linked from it (copied if linking fails) instead of transferred.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "engine/storage/backup_manifest.hpp"

namespace basalt::engine::storage {

class BackupWriter {
 public:
  // Returns up to `len` bytes of `file` from `offset` (fewer only at its end).
  using Reader = std::function<std::string(const BackupFile& file, uint64_t offset, size_t len)>;
  // Bytes done (transferred or reused) and total.
  using Progress = std::function<void(uint64_t done, uint64_t total)>;
  static constexpr size_t kChunkBytes = size_t{1} << 20;

  BackupWriter(std::filesystem::path target, std::optional<std::filesystem::path> previous);

  void CopyFiles(const BackupManifest& listing, const Reader& read, const Progress& progress);
  void Finish(const BackupManifest& manifest);

  uint64_t reused_files() const { return reused_files_; }
  uint64_t reused_bytes() const { return reused_bytes_; }
  uint64_t copied_bytes() const { return copied_bytes_; }
  const std::filesystem::path& target() const { return target_; }

 private:
  bool TryReuse(const BackupFile& f);

  std::filesystem::path target_;
  std::optional<std::filesystem::path> previous_dir_;
  std::optional<BackupManifest> previous_;
  uint64_t reused_files_ = 0;
  uint64_t reused_bytes_ = 0;
  uint64_t copied_bytes_ = 0;
};

// Writes `bytes` to `path` (created/truncated) and fsyncs it; DbError 58030.
void WriteFileDurably(const std::filesystem::path& path, std::string_view bytes);
// fsyncs a directory so new entries in it survive a crash.
void SyncDirectory(const std::filesystem::path& dir);
// True if `dir` does not exist or is an empty directory.
bool IsAbsentOrEmptyDir(const std::filesystem::path& dir);

}  // namespace basalt::engine::storage
