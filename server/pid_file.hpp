// server/pid_file.hpp
//
// PidFile is basaltd's exclusive claim on a data directory: DIR/basaltd.pid,
// held with flock(LOCK_EX | LOCK_NB) for the life of the process and holding
// our pid. A second basaltd on the same directory fails to take the lock and is
// told which pid holds it. The kernel drops the lock when the process dies, so
// a stale file after a crash never blocks a restart.
#pragma once

#include <filesystem>

namespace basalt::server {

class PidFile {
 public:
  // Takes the lock and writes our pid. Throws std::runtime_error with a
  // user-facing message if another process holds it or the file cannot be used.
  explicit PidFile(const std::filesystem::path& path);
  // Removes the file and releases the lock.
  ~PidFile();

  PidFile(const PidFile&) = delete;
  PidFile& operator=(const PidFile&) = delete;

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace basalt::server
