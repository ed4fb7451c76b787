// EngineImpl's backup services: the server side of online base backups and
// the continuous WAL archiver (see engine/storage/backup_source.hpp and
// wal_archiver.hpp for what they guarantee).
#include "engine/engine_impl.hpp"
#include "engine/storage/backup_source.hpp"
#include "engine/storage/wal_archiver.hpp"

namespace basalt::engine {

bool ArchiveModeOn(const conf::Settings& settings) { return settings.GetString("archive_mode") == "on"; }

void EngineImpl::StartBackupServices(const std::filesystem::path& data_dir, const conf::Settings& settings) {
  storage::BackupSource::Clock clock{[this] { return txns_->VisibleWatermark().value; },
                                     [this] { return txns_->clock().Now().value; }};
  backup_source_ = std::make_unique<storage::BackupSource>(*store_, std::filesystem::absolute(data_dir), clock);
  if (ArchiveModeOn(settings)) {
    std::string dir = settings.GetString("archive_dir");
    if (dir.empty())
      throw DbError(SqlState::kInvalidParameterValue, "archive_mode is on but archive_dir is not set")
          .WithHint("Set archive_dir to the directory that receives the archive.");
    std::filesystem::path path(dir);
    if (path.is_relative()) path = std::filesystem::absolute(data_dir) / path;
    archiver_ = std::make_unique<storage::WalArchiver>(*store_, path);
    archiver_->Start();
  }
  backup_services_.source = backup_source_.get();
  backup_services_.archiver = archiver_.get();
  backup_services_.now_ts = [this] { return txns_->clock().Now().value; };
  storage::PublishBackupServices(&backup_services_);
}

void EngineImpl::StopBackupServices() {
  if (storage::CurrentBackupServices() == &backup_services_) storage::PublishBackupServices(nullptr);
  if (archiver_) archiver_->Stop();
  archiver_.reset();
  backup_source_.reset();
}

}  // namespace basalt::engine
