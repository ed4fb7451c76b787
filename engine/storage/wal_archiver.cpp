#include "engine/storage/wal_archiver.hpp"

#include <pthread.h>
#include <rocksdb/db.h>
#include <rocksdb/transaction_log.h>
#include <rocksdb/write_batch.h>

#include <algorithm>

#include "engine/error/db_error.hpp"
#include "engine/storage/rocks_status.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/version_key.hpp"

namespace basalt::engine::storage {

namespace {

// Finds a batch's commit timestamp (versions all carry the same one) and the
// restore points it creates.
class BatchInspector : public rocksdb::WriteBatch::Handler {
 public:
  BatchInspector(uint32_t meta_id, uint32_t default_id) : meta_id_(meta_id), default_id_(default_id) {}

  rocksdb::Status PutCF(uint32_t cf, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    std::string_view k(key.data(), key.size());
    if (cf == meta_id_) {
      if (k.starts_with(kRestorePointKeyPrefix))
        restore_points.emplace_back(std::string(k.substr(kRestorePointKeyPrefix.size())),
                                    std::string(value.data(), value.size()));
    } else {
      Note(cf, k);
    }
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteCF(uint32_t cf, const rocksdb::Slice& key) override {
    if (cf != meta_id_) Note(cf, std::string_view(key.data(), key.size()));
    return rocksdb::Status::OK();
  }
  rocksdb::Status SingleDeleteCF(uint32_t cf, const rocksdb::Slice& key) override { return DeleteCF(cf, key); }
  rocksdb::Status MergeCF(uint32_t, const rocksdb::Slice&, const rocksdb::Slice&) override {
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteRangeCF(uint32_t, const rocksdb::Slice&, const rocksdb::Slice&) override {
    return rocksdb::Status::OK();
  }
  void LogData(const rocksdb::Slice&) override {}

  uint64_t commit_ts = 0;
  std::vector<std::pair<std::string, std::string>> restore_points;

 private:
  void Note(uint32_t cf, std::string_view key) {
    if (cf == default_id_ || key.size() < 8) return;
    uint64_t ts = TimestampOf(key).value;
    if (ts > commit_ts) commit_ts = ts;
  }
  uint32_t meta_id_;
  uint32_t default_id_;
};

}  // namespace

WalArchiver::WalArchiver(Store& store, std::filesystem::path archive_dir, std::chrono::milliseconds interval)
    : store_(store), dir_(std::move(archive_dir)), interval_(interval) {
  writer_ = std::make_unique<ArchiveWriter>(dir_);
  status_.enabled = true;
  status_.archive_dir = dir_.string();
  status_.stats_reset_time_us = NowMicros();
  // A new archive starts at the next write: base backups taken from now on
  // can be rolled forward with it.
  start_seq_ = writer_->next_seq() != 0 ? writer_->next_seq() : store_.raw_db()->GetLatestSequenceNumber() + 1;
  status_.last_archived_seq = start_seq_ - 1;
}

WalArchiver::~WalArchiver() { Stop(); }

uint64_t WalArchiver::NowMicros() const {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count());
}

void WalArchiver::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void WalArchiver::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stop_) return;
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  try {
    RunOnce();
  } catch (...) {
    // Shutdown: what is not archived now is archived at the next start.
  }
}

void WalArchiver::Loop() {
  pthread_setname_np(pthread_self(), "wal archiver");  // visible in top -H / ps -L
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    try {
      RunOnce();
    } catch (const std::exception& e) {
      std::lock_guard g(mu_);
      ++status_.failed_count;
      status_.last_failed_error = e.what();
      status_.last_failed_time_us = NowMicros();
    }
    lock.lock();
    cv_.wait_for(lock, interval_, [&] { return stop_; });
  }
}

uint64_t WalArchiver::RunOnce() {
  std::lock_guard round(round_mu_);
  rocksdb::DB* db = store_.raw_db();
  const uint64_t latest = db->GetLatestSequenceNumber();
  uint64_t next = writer_->next_seq() != 0 ? writer_->next_seq() : start_seq_;
  if (next > latest + 1)
    throw DbError(SqlState::kObjectNotInPrerequisiteState,
                  "archive \"" + dir_.string() + "\" continues at WAL sequence " + std::to_string(next) +
                      ", beyond this store's " + std::to_string(latest) + ": it belongs to another server")
        .WithHint("Point archive_dir of a restored server at a new, empty directory.");
  uint64_t archived = 0;
  uint64_t last_ts = 0;
  if (next <= latest) {
    std::unique_ptr<rocksdb::TransactionLogIterator> it;
    rocksdb::Status s = db->GetUpdatesSince(next, &it);
    if (!s.ok()) {
      // The WAL holding `next` may be gone (archive_mode was off, or the
      // files were removed): record the gap up to the oldest WAL left.
      rocksdb::VectorLogPtr files;
      uint64_t resume = latest + 1;
      if (db->GetSortedWalFiles(files).ok() && !files.empty()) resume = std::max<uint64_t>(files.front()->StartSequence(), next);
      if (resume <= next)
        throw DbError(SqlState::kIoError, "could not read the WAL from sequence " + std::to_string(next) + ": " + s.ToString());
      RecordGap(next, resume);
      next = resume;
      s = db->GetUpdatesSince(next, &it);
      if (!s.ok() && next <= latest)
        throw DbError(SqlState::kIoError, "could not read the WAL from sequence " + std::to_string(next) + ": " + s.ToString());
    }
    if (s.ok()) {
    const uint32_t meta_id = store_.CfId(Cf::kMeta);
    const uint32_t default_id = store_.CfId(Cf::kDefault);
    for (; it->Valid(); it->Next()) {
      rocksdb::BatchResult br = it->GetBatch();
      const uint64_t count = br.writeBatchPtr->Count();
      if (br.sequence + count <= next) continue;  // already archived
      if (br.sequence > next) RecordGap(next, br.sequence);
      BatchInspector inspect(meta_id, default_id);
      ThrowIfError(br.writeBatchPtr->Iterate(&inspect), "could not read a WAL batch");
      writer_->Append(ArchiveRecord{ArchiveRecordKind::kBatch, br.sequence, static_cast<uint32_t>(count),
                                    inspect.commit_ts, br.writeBatchPtr->Data()});
      for (auto& [name, value] : inspect.restore_points) {
        uint64_t ts = 0;
        try {
          ts = std::stoull(value);
        } catch (...) {
        }
        writer_->Append(ArchiveRecord{ArchiveRecordKind::kRestorePoint, br.sequence, 0, ts, name});
      }
      next = br.sequence + count;
      if (inspect.commit_ts > last_ts) last_ts = inspect.commit_ts;
      ++archived;
    }
    if (!it->status().ok() && archived == 0 && !it->status().IsNotFound())
      throw DbError(SqlState::kIoError, "could not read the WAL: " + it->status().ToString());
    }
  }
  writer_->Sync();
  {
    std::lock_guard g(mu_);
    status_.archived_count += archived;
    status_.archived_bytes = writer_->bytes_written();
    status_.last_archived_seq = next - 1;
    if (archived > 0) {
      if (last_ts > 0) status_.last_archived_ts = last_ts;
      status_.last_archived_time_us = NowMicros();
    }
    status_.lag_seq = latest >= status_.last_archived_seq ? latest - status_.last_archived_seq : 0;
  }
  DeleteArchivedWalFiles();
  return archived;
}

void WalArchiver::RecordGap(uint64_t from, uint64_t to) {
  writer_->Append(ArchiveRecord{ArchiveRecordKind::kGap, from, static_cast<uint32_t>(to - from), 0, {}});
  std::lock_guard g(mu_);
  ++status_.gap_count;
  ++status_.failed_count;
  status_.last_failed_error = "WAL sequence numbers " + std::to_string(from) + " to " + std::to_string(to - 1) +
                              " were gone before they were archived; take a new base backup";
  status_.last_failed_time_us = NowMicros();
}

void WalArchiver::DeleteArchivedWalFiles() {
  rocksdb::DB* db = store_.raw_db();
  rocksdb::VectorLogPtr files;
  if (!db->GetSortedWalFiles(files).ok()) return;
  const uint64_t next = writer_->next_seq() != 0 ? writer_->next_seq() : start_seq_;
  // A WAL file is fully archived when the file after it starts at or below
  // the next sequence to archive. Only obsolete (kArchivedLogFile) ones go.
  for (size_t i = 0; i + 1 < files.size(); ++i) {
    if (files[i]->Type() != rocksdb::kArchivedLogFile) continue;
    if (files[i + 1]->StartSequence() > next) break;
    db->DeleteFile(files[i]->PathName());
  }
}

uint64_t WalArchiver::CreateRestorePoint(std::string_view name, uint64_t ts) {
  store_.PutMeta(std::string(kRestorePointKeyPrefix) + std::string(name), std::to_string(ts), /*sync=*/true);
  return ts;
}

ArchiverStatus WalArchiver::status() const {
  std::lock_guard g(mu_);
  return status_;
}

}  // namespace basalt::engine::storage
