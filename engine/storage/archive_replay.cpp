#include "engine/storage/archive_replay.hpp"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "engine/error/db_error.hpp"
#include "engine/storage/rocks_status.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/version_key.hpp"
#include "engine/storage/wal_archive.hpp"

namespace basalt::engine::storage {

namespace {

// RocksDB merges concurrent writers into one WAL batch (group commit), so an
// archived batch can hold several transactions with different commit
// timestamps. When its newest version is past the target, this copies the
// versions at or below the target (each key carries its timestamp) plus the
// unversioned meta writes into a new batch.
class TargetFilter : public rocksdb::WriteBatch::Handler {
 public:
  TargetFilter(Store& store, uint64_t target) : store_(store), target_(target) {
    for (Cf cf : {Cf::kDefault, Cf::kCatalog, Cf::kRows, Cf::kIndexes, Cf::kMeta})
      handles_.emplace_back(store.CfId(cf), cf);
  }
  rocksdb::Status PutCF(uint32_t id, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    Cf cf = CfOf(id);
    if (IsVersioned(cf) && TimestampOf(std::string_view(key.data(), key.size())).value > target_) {
      ++dropped;
      return rocksdb::Status::OK();
    }
    return out.Put(store_.cf_handle(cf), key, value);
  }
  rocksdb::Status DeleteCF(uint32_t id, const rocksdb::Slice& key) override {
    Cf cf = CfOf(id);
    if (IsVersioned(cf) && TimestampOf(std::string_view(key.data(), key.size())).value > target_) {
      ++dropped;
      return rocksdb::Status::OK();
    }
    return out.Delete(store_.cf_handle(cf), key);
  }
  rocksdb::Status SingleDeleteCF(uint32_t id, const rocksdb::Slice& key) override { return DeleteCF(id, key); }
  rocksdb::Status MergeCF(uint32_t id, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    return out.Merge(store_.cf_handle(CfOf(id)), key, value);
  }
  rocksdb::Status DeleteRangeCF(uint32_t id, const rocksdb::Slice& b, const rocksdb::Slice& e) override {
    return out.DeleteRange(store_.cf_handle(CfOf(id)), b, e);
  }
  void LogData(const rocksdb::Slice&) override {}

  rocksdb::WriteBatch out;
  uint64_t dropped = 0;

 private:
  Cf CfOf(uint32_t id) const {
    for (const auto& [hid, cf] : handles_)
      if (hid == id) return cf;
    throw DbError(SqlState::kDataCorrupted, "archived batch names unknown column family " + std::to_string(id));
  }
  Store& store_;
  uint64_t target_;
  std::vector<std::pair<uint32_t, Cf>> handles_;
};

}  // namespace

std::optional<uint64_t> FindRestorePoint(const std::filesystem::path& archive, const std::string& name) {
  std::optional<uint64_t> found;
  ForEachArchiveRecord(archive, [&](const ArchiveRecord& r) {
    if (r.kind == ArchiveRecordKind::kRestorePoint && r.data == name) {
      found = r.commit_ts;
      return false;
    }
    return true;
  });
  return found;
}

ReplayResult ReplayArchive(Store& store, const std::filesystem::path& archive, uint64_t after_seq,
                           const ReplayTarget& target) {
  ReplayResult result;
  std::optional<uint64_t> target_ts = target.ts;
  if (target.name) {
    target_ts = FindRestorePoint(archive, *target.name);
    if (!target_ts)
      throw DbError(SqlState::kUndefinedObject,
                    "restore point \"" + *target.name + "\" is not in the archive \"" + archive.string() + "\"");
  }
  result.target_ts = target_ts.value_or(0);
  rocksdb::DB* db = store.raw_db();
  uint64_t expected = after_seq + 1;
  bool started = false;
  rocksdb::WriteOptions wo;
  wo.sync = false;  // one WAL sync at the end
  ForEachArchiveRecord(archive, [&](const ArchiveRecord& r) {
    if (r.kind == ArchiveRecordKind::kRestorePoint) return true;
    const uint64_t end = r.seq + r.count;
    if (end <= expected) return true;  // in the backup already
    if (r.kind == ArchiveRecordKind::kGap || r.seq > expected) {
      if (result.target_passed) return false;  // the target lies before the hole
      if (!started && r.seq > expected && r.kind == ArchiveRecordKind::kBatch)
        throw DbError(SqlState::kObjectNotInPrerequisiteState,
                      "the archive \"" + archive.string() + "\" does not continue this backup: it needs WAL sequence " +
                          std::to_string(expected) + " but the archive resumes at " + std::to_string(r.seq))
            .WithHint("Archiving must be on (archive_mode = on) before the base backup starts.");
      throw DbError(SqlState::kObjectNotInPrerequisiteState,
                    "the archive \"" + archive.string() + "\" has a gap: WAL sequence numbers " +
                        std::to_string(expected) + " to " + std::to_string(std::max(r.seq, end) - 1) + " are missing");
    }
    started = true;
    expected = end;
    if (r.commit_ts > result.last_archive_ts) result.last_archive_ts = r.commit_ts;
    rocksdb::WriteBatch batch(r.data);
    if (target_ts && r.commit_ts > *target_ts) {
      result.target_passed = true;
      TargetFilter filter(store, *target_ts);
      ThrowIfError(batch.Iterate(&filter), "could not read archived batch at sequence " + std::to_string(r.seq));
      if (filter.out.Count() == 0) {
        ++result.skipped;
        return true;
      }
      ThrowIfError(db->Write(wo, &filter.out), "could not apply archived batch at sequence " + std::to_string(r.seq));
      ++result.applied;
      return true;
    }
    ThrowIfError(db->Write(wo, &batch), "could not apply archived batch at sequence " + std::to_string(r.seq));
    ++result.applied;
    if (r.commit_ts > result.last_applied_ts) result.last_applied_ts = r.commit_ts;
    return true;
  });
  ThrowIfError(db->FlushWAL(/*sync=*/true), "could not sync the restored WAL");
  store.Flush();
  return result;
}

}  // namespace basalt::engine::storage
