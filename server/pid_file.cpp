// server/pid_file.cpp
#include "server/pid_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace basalt::server {

PidFile::PidFile(const std::filesystem::path& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    throw std::runtime_error("could not open lock file \"" + path.string() + "\": " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    char buf[32] = {};
    ssize_t n = ::pread(fd_, buf, sizeof(buf) - 1, 0);
    std::string other = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string("?");
    while (!other.empty() && (other.back() == '\n' || other.back() == ' ')) other.pop_back();
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      throw std::runtime_error("lock file \"" + path.string() + "\" is held by another basaltd (pid " + other +
                               "); is another server running in this data directory?");
    }
    throw std::runtime_error("could not lock file \"" + path.string() + "\": " + std::strerror(err));
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    int err = errno;
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("could not write lock file \"" + path.string() + "\": " + std::strerror(err));
  }
}

PidFile::~PidFile() {
  if (fd_ < 0) return;
  // Unlink while still holding the lock so a new server cannot lock the old inode.
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace basalt::server
