// server/cli/backup_commands.hpp
//
// The backup subcommands of `basalt` (docs/operations.md has the runbook):
//   basalt backup  [-h HOST] [-p PORT] [-U USER] [-d DBNAME|CONNINFO] --target DIR
//                  [--incremental-from DIR] [--label TEXT] [--max-rate RATE]
//       online base backup of a running basaltd over the PostgreSQL protocol
//       (superuser; basalt_backup_start/read/stop), progress on a terminal
//   basalt verify  DIR
//       checks the manifest and every file's size and SHA-256
//   basalt restore --backup DIR -D NEWDIR [--archive DIR]
//                  [--target-time TS | --target-timestamp HLC | --target-name NAME]
//       verifies the backup, copies it into a new data directory and rolls it
//       forward with the archive up to the target (default: its end)
// Each returns the process exit status: 0 success, 1 failure (message on stderr).
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "server/cli/pg_client.hpp"

namespace basalt::server::cli {

struct BackupArgs {
  ConnectOptions conn;
  std::string target;
  std::string incremental_from;
  std::string label;
  std::string max_rate;  // bytes per second, with k/M suffix; empty = unlimited
};

struct RestoreArgs {
  std::string backup;
  std::string data_dir;
  std::string archive;
  std::string target_time;
  std::string target_timestamp;
  std::string target_name;
};

struct VerifyArgs {
  std::string dir;
};

class BackupCommands {
 public:
  // Registers backup, verify and restore on `app`.
  explicit BackupCommands(CLI::App& app);
  // Runs the parsed subcommand; nullopt if none of them was given.
  std::optional<int> Run() const;

 private:
  CLI::App* backup_ = nullptr;
  CLI::App* verify_ = nullptr;
  CLI::App* restore_ = nullptr;
  BackupArgs backup_args_;
  RestoreArgs restore_args_;
  VerifyArgs verify_args_;
};

int RunBackup(const BackupArgs& args);
int RunVerify(const VerifyArgs& args);
int RunRestore(const RestoreArgs& args);

// Parses "2026-11-21 12:00:00[.ffffff][Z|+HH[:MM]|-HH[:MM]]" (also with 'T');
// no zone means UTC. Returns Unix microseconds; CliFailure if malformed.
uint64_t ParseTargetTime(const std::string& text);
// "100k", "2M", "500000" -> bytes per second.
uint64_t ParseRate(const std::string& text);

}  // namespace basalt::server::cli
