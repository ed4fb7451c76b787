#include "engine/storage/backup_source.hpp"

#include <rocksdb/db.h>
#include <rocksdb/utilities/checkpoint.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "engine/error/db_error.hpp"
#include "engine/storage/backup_writer.hpp"
#include "engine/storage/file_digest.hpp"
#include "engine/storage/rocks_status.hpp"
#include "engine/storage/store.hpp"

namespace basalt::engine::storage {

namespace fs = std::filesystem;

namespace {

uint64_t WallMicros() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
}

// Configuration files travel with the store so a restore is a complete data directory.
constexpr const char* kConfigFiles[] = {"basalt.conf", "hba.conf"};

}  // namespace

BackupSource::BackupSource(Store& store, fs::path data_dir, Clock clock)
    : store_(store), data_dir_(std::move(data_dir)), staging_root_(data_dir_ / "backup_staging"), clock_(std::move(clock)) {
  // Staging directories of a previous run belong to backups whose client is
  // gone (the server restarted): they can never be completed.
  std::error_code ec;
  fs::remove_all(staging_root_, ec);
}

BackupSource::~BackupSource() {
  std::error_code ec;
  fs::remove_all(staging_root_, ec);
}

std::string BackupSource::HashCached(const fs::path& file, uint64_t size, bool immutable) {
  std::string key = file.filename().string() + ":" + std::to_string(size);
  if (immutable) {
    std::lock_guard lock(mu_);
    if (auto it = sst_sha_.find(key); it != sst_sha_.end()) return it->second;
  }
  std::string sha = Sha256File(file);
  if (immutable) {
    std::lock_guard lock(mu_);
    sst_sha_[key] = sha;
  }
  return sha;
}

BackupSource::Started BackupSource::Start(std::string label) {
  std::string id;
  {
    std::lock_guard lock(mu_);
    id = std::to_string(::getpid()) + "-" + std::to_string(next_id_++) + "-" + std::to_string(WallMicros());
  }
  fs::path dir = staging_root_ / id;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw DbError(SqlState::kIoError, "could not create directory \"" + dir.string() + "\": " + ec.message());

  BackupManifest m;
  m.label = std::move(label);
  m.start_time_us = WallMicros();
  m.start_ts = clock_.watermark();
  rocksdb::Checkpoint* raw = nullptr;
  ThrowIfError(rocksdb::Checkpoint::Create(store_.raw_db(), &raw), "could not create checkpoint");
  std::unique_ptr<rocksdb::Checkpoint> cp(raw);
  uint64_t seq = 0;
  try {
    // log_size_for_flush = 0: flush memtables first, so the checkpoint is
    // mostly immutable SST files (cheap hard links, reusable incrementally).
    ThrowIfError(cp->CreateCheckpoint((dir / "store").string(), 0, &seq),
                 "could not create checkpoint in \"" + (dir / "store").string() + "\"");
    for (const char* name : kConfigFiles)
      if (fs::exists(data_dir_ / name, ec)) fs::copy_file(data_dir_ / name, dir / name, ec);
  } catch (...) {
    fs::remove_all(dir, ec);
    throw;
  }
  m.wal_seq = seq;
  m.stop_ts = clock_.now();
  m.stop_time_us = WallMicros();

  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    BackupFile f;
    f.path = fs::relative(it->path(), dir).generic_string();
    f.size = it->file_size();
    f.sha256 = HashCached(it->path(), f.size, it->path().extension() == ".sst");
    m.files.push_back(std::move(f));
  }
  if (ec) throw DbError(SqlState::kIoError, "could not list \"" + dir.string() + "\": " + ec.message());
  // Configuration first, then the store in name order: deterministic manifests.
  std::sort(m.files.begin(), m.files.end(), [](const BackupFile& a, const BackupFile& b) { return a.path < b.path; });

  std::lock_guard lock(mu_);
  DropAbandonedLocked();
  active_[id] = Active{dir, m, std::chrono::steady_clock::now()};
  return Started{id, m};
}

std::string BackupSource::Read(std::string_view id, std::string_view path, uint64_t offset, size_t len) {
  fs::path file;
  uint64_t size = 0;
  {
    std::lock_guard lock(mu_);
    auto it = active_.find(id);
    if (it == active_.end())
      throw DbError(SqlState::kObjectNotInPrerequisiteState, "no backup \"" + std::string(id) + "\" is in progress");
    const BackupFile* f = it->second.listing.Find(path);
    if (f == nullptr)
      throw DbError(SqlState::kUndefinedFile, "backup \"" + std::string(id) + "\" has no file \"" + std::string(path) + "\"");
    file = it->second.dir / f->path;
    size = f->size;
    it->second.touched = std::chrono::steady_clock::now();
  }
  if (offset >= size) return {};
  len = static_cast<size_t>(std::min<uint64_t>(len, size - offset));
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DbError(SqlState::kIoError, "could not open file \"" + file.string() + "\"");
  in.seekg(static_cast<std::streamoff>(offset));
  std::string out(len, '\0');
  in.read(out.data(), static_cast<std::streamsize>(len));
  out.resize(static_cast<size_t>(in.gcount()));
  return out;
}

void BackupSource::DropAbandonedLocked() {
  const auto now = std::chrono::steady_clock::now();
  for (auto it = active_.begin(); it != active_.end();) {
    if (now - it->second.touched > kAbandonedAfter) {
      std::error_code ec;
      std::filesystem::remove_all(it->second.dir, ec);
      it = active_.erase(it);
    } else {
      ++it;
    }
  }
}

BackupManifest BackupSource::Stop(std::string_view id) {
  Active active;
  {
    std::lock_guard lock(mu_);
    auto it = active_.find(id);
    if (it == active_.end())
      throw DbError(SqlState::kObjectNotInPrerequisiteState, "no backup \"" + std::string(id) + "\" is in progress");
    active = std::move(it->second);
    active_.erase(it);
  }
  std::error_code ec;
  fs::remove_all(active.dir, ec);
  return active.listing;
}

std::string BackupSource::BackupTo(const fs::path& target, const std::optional<fs::path>& previous, std::string label) {
  if (!target.is_absolute())
    throw DbError(SqlState::kInvalidParameterValue, "backup directory \"" + target.string() + "\" must be an absolute path");
  if (previous && !previous->is_absolute())
    throw DbError(SqlState::kInvalidParameterValue,
                  "previous backup directory \"" + previous->string() + "\" must be an absolute path");
  BackupWriter writer(target, previous);
  Started started = Start(std::move(label));
  try {
    if (previous) started.listing.incremental_from = previous->string();
    writer.CopyFiles(started.listing,
                     [&](const BackupFile& f, uint64_t offset, size_t len) { return Read(started.id, f.path, offset, len); },
                     {});
    BackupManifest m = Stop(started.id);
    m.incremental_from = started.listing.incremental_from;
    writer.Finish(m);
    return "backup written to \"" + target.string() + "\": " + std::to_string(m.files.size()) + " files, " +
           std::to_string(m.TotalBytes()) + " bytes (" + std::to_string(writer.reused_files()) +
           " files reused from the previous backup), consistent at HLC " + std::to_string(m.start_ts);
  } catch (...) {
    try {
      Stop(started.id);
    } catch (...) {
    }
    throw;
  }
}

std::string BackupSource::EncodeStarted(const Started& s) { return "backup_id " + s.id + "\n" + EncodeManifest(s.listing); }

BackupSource::Started BackupSource::DecodeStarted(std::string_view text) {
  constexpr std::string_view kPrefix = "backup_id ";
  size_t nl = text.find('\n');
  if (!text.starts_with(kPrefix) || nl == std::string_view::npos)
    throw DbError(SqlState::kProtocolViolation, "unexpected answer from basalt_backup_start()");
  Started s;
  s.id = std::string(text.substr(kPrefix.size(), nl - kPrefix.size()));
  s.listing = DecodeManifest(text.substr(nl + 1));
  return s;
}

}  // namespace basalt::engine::storage
