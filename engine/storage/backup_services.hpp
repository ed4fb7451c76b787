// engine/storage/backup_services.hpp
//
// The backup and archiving services of the running server, for the SQL
// functions (engine/sql/functions/backup_functions.cpp) that cannot reach the
// Engine through their evaluation context. basaltd opens one Engine per
// process; EngineImpl publishes its services here while it is open and
// withdraws them in its destructor. A process without an open engine (unit
// tests, the basalt CLI) has none: the functions then raise 0A000.
#pragma once

#include <cstdint>
#include <functional>

namespace basalt::engine::storage {

class BackupSource;
class WalArchiver;

struct BackupServices {
  BackupSource* source = nullptr;
  WalArchiver* archiver = nullptr;      // null when archive_mode = off
  std::function<uint64_t()> now_ts;     // a fresh HLC timestamp
};

// The published services, or nullptr.
BackupServices* CurrentBackupServices();
void PublishBackupServices(BackupServices* services);  // nullptr withdraws

}  // namespace basalt::engine::storage
