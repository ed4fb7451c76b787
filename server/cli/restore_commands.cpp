// `basalt verify` and `basalt restore` (see backup_commands.hpp), and the
// error reporting shared by the backup subcommands.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "engine/error/db_error.hpp"
#include "engine/storage/archive_replay.hpp"
#include "engine/storage/backup_manifest.hpp"
#include "engine/storage/backup_writer.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/timestamp.hpp"
#include "server/cli/backup_commands.hpp"
#include "server/cli/progress_meter.hpp"

namespace basalt::server::cli {

namespace fs = std::filesystem;
namespace storage = engine::storage;

namespace {

int Report(const char* command, const std::string& message, const std::string& detail = {}) {
  std::cerr << "basalt " << command << ": error: " << message << "\n";
  if (!detail.empty()) std::cerr << "basalt " << command << ": detail: " << detail << "\n";
  return 1;
}

// Removes what a failed restore created so no half-restored directory
// can be started by mistake.
class RestoreCleanup {
 public:
  RestoreCleanup(fs::path dir, bool created) : dir_(std::move(dir)), created_(created) {}
  ~RestoreCleanup() {
    if (done_) return;
    std::error_code ec;
    std::cerr << "basalt restore: removing " << (created_ ? "" : "contents of ") << "data directory \""
              << dir_.string() << "\"\n";
    if (created_) {
      fs::remove_all(dir_, ec);
    } else {
      for (const auto& e : fs::directory_iterator(dir_, ec)) fs::remove_all(e.path(), ec);
    }
  }
  void Done() { done_ = true; }

 private:
  fs::path dir_;
  bool created_;
  bool done_ = false;
};

}  // namespace

std::optional<int> BackupCommands::Run() const {
  const char* name = *backup_ ? "backup" : *verify_ ? "verify" : *restore_ ? "restore" : nullptr;
  if (name == nullptr) return std::nullopt;
  try {
    if (*backup_) return RunBackup(backup_args_);
    if (*verify_) return RunVerify(verify_args_);
    return RunRestore(restore_args_);
  } catch (const std::exception& e) {
    std::string detail;
    if (*backup_ && storage::IsAbsentOrEmptyDir(backup_args_.target) == false &&
        fs::exists(fs::path(backup_args_.target) / storage::kInProgressFileName))
      detail = "the backup in \"" + backup_args_.target + "\" is incomplete (it contains " +
               std::string(storage::kInProgressFileName) + ") and cannot be used";
    return Report(name, e.what(), detail);
  }
}

int RunVerify(const VerifyArgs& args) {
  const fs::path dir = args.dir;
  storage::BackupManifest m = storage::ReadManifest(dir);
  auto problems = storage::CheckBackupFiles(dir, m);
  if (!problems.empty()) {
    for (const auto& p : problems) std::cerr << "basalt verify: error: " << p << "\n";
    std::cerr << "basalt verify: backup \"" << dir.string() << "\" is damaged (" << problems.size()
              << (problems.size() == 1 ? " file" : " files") << ")\n";
    return 1;
  }
  std::cout << "backup \"" << dir.string() << "\" is valid: " << m.files.size() << " files, "
            << HumanBytes(static_cast<double>(m.TotalBytes())) << ", taken "
            << storage::FormatUnixMicros(m.start_time_us) << ", WAL sequence " << m.wal_seq << ", HLC " << m.start_ts
            << "\n";
  return 0;
}

int RunRestore(const RestoreArgs& args) {
  const fs::path backup = args.backup;
  const fs::path dir = fs::absolute(args.data_dir);
  const bool has_target = !args.target_time.empty() || !args.target_timestamp.empty() || !args.target_name.empty();
  if (has_target && args.archive.empty())
    throw CliFailure("a recovery target (--target-time, --target-timestamp, --target-name) needs --archive");
  storage::ReplayTarget target;
  if (!args.target_time.empty()) {
    // Every commit acknowledged before that microsecond has a smaller HLC.
    target.ts = storage::Timestamp::FromWallMicros(ParseTargetTime(args.target_time)).value |
                ((uint64_t{1} << storage::Timestamp::kLogicalBits) - 1);
  } else if (!args.target_timestamp.empty()) {
    try {
      target.ts = std::stoull(args.target_timestamp);
    } catch (...) {
      throw CliFailure("invalid target timestamp \"" + args.target_timestamp + "\"");
    }
  } else if (!args.target_name.empty()) {
    target.name = args.target_name;
  }

  // A restore never overwrites anything.
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (exists && !storage::IsAbsentOrEmptyDir(dir))
    throw CliFailure("directory \"" + dir.string() + "\" exists but is not empty");

  storage::BackupManifest m = storage::ReadManifest(backup);
  std::cout << "verifying backup \"" << backup.string() << "\" ... " << std::flush;
  auto problems = storage::CheckBackupFiles(backup, m);
  if (!problems.empty()) {
    std::cout << "\n";
    for (const auto& p : problems) std::cerr << "basalt restore: error: " << p << "\n";
    throw CliFailure("backup \"" + backup.string() + "\" is damaged; nothing was restored");
  }
  std::cout << "ok\n";

  fs::create_directories(dir, ec);
  if (ec) throw CliFailure("could not create directory \"" + dir.string() + "\": " + ec.message());
  RestoreCleanup cleanup(dir, !exists);
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);

  ProgressMeter meter("restore");
  uint64_t done = 0;
  for (const auto& f : m.files) {
    fs::path dst = dir / f.path;
    fs::create_directories(dst.parent_path(), ec);
    fs::copy_file(backup / f.path, dst, fs::copy_options::none, ec);
    if (ec) throw CliFailure("could not copy \"" + f.path + "\": " + ec.message());
    done += f.size;
    meter.Update(done, m.TotalBytes());
  }
  meter.Finish();
  // A restored copy must not append to the archive of the server it came
  // from: archiving stays off until archive_dir names a new directory.
  {
    std::ofstream conf(dir / "basalt.conf", std::ios::app);
    conf << "\n# Added by basalt restore: point archive_dir at a NEW directory before enabling archiving.\n"
         << "archive_mode = off\n";
  }
  std::cout << "restored base backup taken " << storage::FormatUnixMicros(m.start_time_us) << " (WAL sequence "
            << m.wal_seq << ")\n";

  if (!args.archive.empty()) {
    std::cout << "replaying archive \"" << args.archive << "\" ... " << std::flush;
    auto store = storage::Store::Open(dir / "store");
    storage::ReplayResult r = storage::ReplayArchive(*store, args.archive, m.wal_seq, target);
    store.reset();
    std::cout << "ok\n" << r.applied << " archived batches applied";
    if (r.skipped > 0) std::cout << ", " << r.skipped << " past the target skipped";
    std::cout << "\n";
    if (r.last_applied_ts != 0)
      std::cout << "newest restored commit: HLC " << r.last_applied_ts << " ("
                << storage::FormatUnixMicros(storage::Timestamp{r.last_applied_ts}.WallMicros()) << ")\n";
    if (target.ts || target.name) {
      if (!r.target_passed)
        std::cerr << "basalt restore: warning: the archive ends before the recovery target; restored up to its end\n";
    }
  }
  storage::SyncDirectory(dir);
  cleanup.Done();
  std::cout << "\nSuccess. Start the server with:\n\n    basaltd -D " << dir.string() << "\n\n";
  return 0;
}

}  // namespace basalt::server::cli
