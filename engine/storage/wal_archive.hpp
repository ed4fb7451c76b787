// engine/storage/wal_archive.hpp
//
// The on-disk format of the continuous archive (archive_dir): segment files
// "<first sequence, 20 digits>.bwal" holding records in RocksDB sequence order.
//
// A record is <u32 payload length><u32 CRC-32 of payload><payload>, payload =
// <u8 kind><u64 seq><u32 count><u64 commit_ts><data> (little-endian):
//   kBatch         a committed WriteBatch (data = its RocksDB representation),
//                  first sequence `seq`, `count` sequence numbers, commit_ts
//                  = the HLC stamped on its versions (0: unversioned meta only)
//   kRestorePoint  basalt_create_restore_point: commit_ts = its HLC, data = name
//   kGap           sequence numbers [seq, seq+count) were lost (WAL files
//                  deleted before the archiver read them); replay across it fails
// The writer appends and fsyncs in batches; after a crash the torn tail of the
// last segment (a record whose length or CRC does not check) is cut off when
// the writer reopens, and readers stop at it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basalt::engine::storage {

// Meta-family key prefix of restore points: basalt_create_restore_point writes
// <prefix><name> -> <HLC decimal> through the WAL, and the archiver turns that
// write into a kRestorePoint record.
inline constexpr std::string_view kRestorePointKeyPrefix = "basalt.restore_point:";

enum class ArchiveRecordKind : uint8_t { kBatch = 1, kRestorePoint = 2, kGap = 3 };

struct ArchiveRecord {
  ArchiveRecordKind kind = ArchiveRecordKind::kBatch;
  uint64_t seq = 0;
  uint32_t count = 0;
  uint64_t commit_ts = 0;
  std::string data;
  bool operator==(const ArchiveRecord&) const = default;
};

// Appends the framed record to `out`.
void EncodeArchiveRecord(const ArchiveRecord& r, std::string& out);
// Decodes one framed record at the start of `in`; returns bytes consumed, or
// nullopt if `in` holds no complete valid record (torn or corrupt).
std::optional<size_t> DecodeArchiveRecord(std::string_view in, ArchiveRecord& out);

std::string SegmentFileName(uint64_t first_seq);
// Segment files of `dir` in sequence order.
std::vector<std::filesystem::path> ListSegments(const std::filesystem::path& dir);

// Appends records to the newest segment; one writer per directory.
class ArchiveWriter {
 public:
  static constexpr uint64_t kSegmentBytes = uint64_t{64} << 20;

  // Opens (creating) `dir`, cuts a torn tail off the newest segment and
  // learns the next expected sequence number (0 if the archive is empty).
  explicit ArchiveWriter(std::filesystem::path dir);
  ~ArchiveWriter();
  ArchiveWriter(const ArchiveWriter&) = delete;
  ArchiveWriter& operator=(const ArchiveWriter&) = delete;

  // Buffers a record (written by Sync). Starts a new segment when full.
  void Append(const ArchiveRecord& r);
  // Writes the buffered records and fsyncs; DbError 58030 on failure (the
  // records stay buffered and are retried).
  void Sync();
  uint64_t next_seq() const { return next_seq_; }
  uint64_t bytes_written() const { return bytes_written_; }

 private:
  void OpenSegment(uint64_t first_seq);

  std::filesystem::path dir_;
  std::filesystem::path segment_;
  int fd_ = -1;
  uint64_t segment_bytes_ = 0;
  uint64_t next_seq_ = 0;
  uint64_t bytes_written_ = 0;
  std::string pending_;
  std::optional<uint64_t> pending_rotate_;
};

// Calls `fn` for every record of the archive in order; `fn` returns false to
// stop. A torn tail of the newest segment ends the walk; damage elsewhere
// throws DbError XX001 naming the segment.
void ForEachArchiveRecord(const std::filesystem::path& dir, const std::function<bool(const ArchiveRecord&)>& fn);

}  // namespace basalt::engine::storage
