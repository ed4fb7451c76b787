// engine/storage/archive_replay.hpp
//
// Point-in-time recovery: rolls a restored base backup forward with the
// archive (wal_archive.hpp).
//
// Every kBatch record after the backup's WAL sequence is applied, keeping
// only the versions whose commit timestamp is at or below the target (a WAL
// batch can merge several concurrent commits: RocksDB group commit). Commit
// timestamps are issued before the batch is written, so two concurrent
// commits can reach the WAL in the opposite order of their timestamps: replay
// therefore filters by timestamp rather than stopping at the first batch past
// the target, and since every version is keyed by its commit timestamp the
// order of application does not matter. Unversioned meta-only batches (clock and OID reservations, which
// only grow) are always applied. A commit acknowledged before wall-clock time
// T has a timestamp below T, so --target-time T restores exactly the commits
// acknowledged before T (plus possibly unacknowledged ones that got a
// timestamp before T).
//
// The archive must continue the backup without holes: a missing sequence
// range (or a kGap record) before the target fails the replay.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace basalt::engine::storage {

class Store;

struct ReplayTarget {
  std::optional<uint64_t> ts;     // HLC: replay commits with ts <= this
  std::optional<std::string> name;  // restore point name (resolved to its HLC)
};

struct ReplayResult {
  uint64_t applied = 0;        // batches applied
  uint64_t skipped = 0;        // batches past the target
  uint64_t target_ts = 0;      // effective target (0 = latest)
  uint64_t last_applied_ts = 0;
  uint64_t last_archive_ts = 0;  // newest commit in the archive
  bool target_passed = false;    // the archive holds commits past the target
};

// Looks up a restore point's HLC (the first one so named); nullopt if absent.
std::optional<uint64_t> FindRestorePoint(const std::filesystem::path& archive, const std::string& name);
// Replays into `store` every batch after `after_seq`; see the header comment.
ReplayResult ReplayArchive(Store& store, const std::filesystem::path& archive, uint64_t after_seq,
                           const ReplayTarget& target);

}  // namespace basalt::engine::storage
