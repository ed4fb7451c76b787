#include "server/cli/backup_commands.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <iostream>
#include <thread>

#include "engine/error/db_error.hpp"
#include "engine/storage/backup_source.hpp"
#include "engine/storage/backup_writer.hpp"
#include "server/cli/progress_meter.hpp"

namespace basalt::server::cli {

namespace storage = engine::storage;

BackupCommands::BackupCommands(CLI::App& app) {
  backup_ = app.add_subcommand("backup", "Take an online base backup of a running server");
  backup_->set_help_flag("--help", "Print this help message and exit");  // -h is --host, as in pg tools
  backup_->add_option("-h,--host", backup_args_.conn.host, "Server host (default: PGHOST or local socket)");
  backup_->add_option("-p,--port", backup_args_.conn.port, "Server port (default: PGPORT or 5432)");
  backup_->add_option("-U,--username", backup_args_.conn.user, "Superuser to connect as");
  backup_->add_option("-d,--dbname", backup_args_.conn.dbname, "Database or conninfo string (default: postgres)");
  backup_->add_option("-D,--target", backup_args_.target, "Directory to write the backup to (absent or empty)")
      ->required();
  backup_->add_option("--incremental-from", backup_args_.incremental_from,
                      "A previous complete backup: unchanged files are hard-linked from it");
  backup_->add_option("-l,--label", backup_args_.label, "Label stored in the manifest");
  backup_->add_option("-r,--max-rate", backup_args_.max_rate, "Maximum transfer rate (bytes/s, suffix k or M)");

  verify_ = app.add_subcommand("verify", "Check a backup's manifest and checksums");
  verify_->add_option("dir", verify_args_.dir, "Backup directory")->required();

  restore_ = app.add_subcommand("restore", "Restore a base backup (and roll it forward) into a new data directory");
  restore_->add_option("--backup", restore_args_.backup, "Backup directory")->required();
  restore_->add_option("-D,--pgdata", restore_args_.data_dir, "New data directory (absent or empty)")->required();
  restore_->add_option("--archive", restore_args_.archive, "Archive directory (archive_dir) to replay");
  auto* t1 = restore_->add_option("--target-time", restore_args_.target_time,
                                  "Replay commits up to this time (e.g. '2026-11-21 12:00:00+00')");
  auto* t2 = restore_->add_option("--target-timestamp", restore_args_.target_timestamp,
                                  "Replay commits up to this HLC commit timestamp");
  auto* t3 = restore_->add_option("--target-name", restore_args_.target_name,
                                  "Replay up to a restore point (basalt_create_restore_point)");
  t1->excludes(t2)->excludes(t3);
  t2->excludes(t3);
}

uint64_t ParseRate(const std::string& text) {
  size_t pos = 0;
  uint64_t v = 0;
  try {
    v = std::stoull(text, &pos);
  } catch (...) {
    throw CliFailure("invalid transfer rate \"" + text + "\"");
  }
  std::string suffix = text.substr(pos);
  if (suffix == "k" || suffix == "K" || suffix == "kB") {
    v *= 1024;
  } else if (suffix == "M" || suffix == "MB") {
    v *= 1024 * 1024;
  } else if (!suffix.empty()) {
    throw CliFailure("invalid transfer rate \"" + text + "\"");
  }
  if (v == 0) throw CliFailure("transfer rate must be greater than zero");
  return v;
}

uint64_t ParseTargetTime(const std::string& text) {
  int y, mo, d, h, mi, s;
  int n = 0;
  char sep = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &s, &n) != 7 ||
      (sep != ' ' && sep != 'T'))
    throw CliFailure("invalid target time \"" + text + "\" (expected YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM]])");
  std::string rest = text.substr(static_cast<size_t>(n));
  uint64_t frac = 0;
  if (!rest.empty() && rest[0] == '.') {
    size_t i = 1;
    int digits = 0;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) {
      if (digits < 6) {
        frac = frac * 10 + static_cast<uint64_t>(rest[i] - '0');
        ++digits;
      }
      ++i;
    }
    while (digits++ < 6) frac *= 10;
    rest = rest.substr(i);
  }
  while (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
  int64_t offset_s = 0;
  if (rest == "Z" || rest == "UTC" || rest.empty()) {
  } else if (rest[0] == '+' || rest[0] == '-') {
    int oh = 0, om = 0;
    if (std::sscanf(rest.c_str() + 1, "%2d:%2d", &oh, &om) < 1 && std::sscanf(rest.c_str() + 1, "%2d%2d", &oh, &om) < 1)
      throw CliFailure("invalid time zone offset in \"" + text + "\"");
    offset_s = (oh * 3600 + om * 60) * (rest[0] == '-' ? -1 : 1);
  } else {
    throw CliFailure("invalid target time \"" + text + "\"");
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  int64_t secs = static_cast<int64_t>(timegm(&tm)) - offset_s;
  if (secs < 0) throw CliFailure("target time \"" + text + "\" is before 1970");
  return static_cast<uint64_t>(secs) * 1'000'000 + frac;
}

int RunBackup(const BackupArgs& args) {
  namespace fs = std::filesystem;
  const fs::path target = fs::absolute(args.target);
  std::optional<fs::path> previous;
  if (!args.incremental_from.empty()) previous = fs::absolute(args.incremental_from);
  const uint64_t rate = args.max_rate.empty() ? 0 : ParseRate(args.max_rate);

  PgClient client(args.conn);
  // Validates the previous backup and creates the target with its
  // backup_in_progress marker before the server does any work.
  storage::BackupWriter writer(target, previous);
  std::string label = args.label.empty() ? "basalt backup" : args.label;
  storage::BackupSource::Started started;
  try {
    started = storage::BackupSource::DecodeStarted(
        client.QueryValue("SELECT basalt_backup_start($1)", {label}).value_or(""));
  } catch (const engine::DbError& e) {
    throw CliFailure(e.message());
  }
  ProgressMeter meter("backup");
  const auto t0 = std::chrono::steady_clock::now();
  uint64_t transferred = 0;
  const size_t chunk = rate == 0 ? storage::BackupWriter::kChunkBytes
                                 : static_cast<size_t>(std::clamp<uint64_t>(rate / 4, 4096, storage::BackupWriter::kChunkBytes));
  auto reader = [&](const storage::BackupFile& f, uint64_t offset, size_t len) {
    std::string out;
    while (out.size() < len) {
      size_t want = std::min(chunk, len - out.size());
      auto bytes = client.QueryValue("SELECT basalt_backup_read($1, $2, $3, $4)",
                                     {started.id, f.path, std::to_string(offset + out.size()), std::to_string(want)},
                                     /*binary=*/true);
      if (!bytes || bytes->empty()) break;
      out += *bytes;
      transferred += bytes->size();
      if (rate > 0) {
        // --max-rate: sleep until the average rate is back under the limit.
        auto due = t0 + std::chrono::microseconds(transferred * 1'000'000 / rate);
        std::this_thread::sleep_until(due);
      }
    }
    return out;
  };
  storage::BackupManifest m;
  try {
    writer.CopyFiles(started.listing, reader, [&](uint64_t done, uint64_t total) { meter.Update(done, total); });
    meter.Finish();
    m = storage::DecodeManifest(client.QueryValue("SELECT basalt_backup_stop($1)", {started.id}).value_or(""));
    if (previous) m.incremental_from = previous->string();
    writer.Finish(m);
  } catch (const engine::DbError& e) {
    throw CliFailure(e.message());
  }
  std::cout << "backup complete: \"" << target.string() << "\": " << m.files.size() << " files, "
            << HumanBytes(static_cast<double>(m.TotalBytes())) << " (" << writer.reused_files()
            << " files reused from the previous backup)\n"
            << "consistent at WAL sequence " << m.wal_seq << ", HLC " << m.start_ts << " ("
            << storage::FormatUnixMicros(m.start_time_us) << ")\n";
  return 0;
}

}  // namespace basalt::server::cli
