#include "engine/storage/backup_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/error/db_error.hpp"
#include "engine/storage/file_digest.hpp"

namespace basalt::engine::storage {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void IoError(const std::string& what, const fs::path& path) {
  throw DbError(SqlState::kIoError, "could not " + what + " \"" + path.string() + "\": " + std::strerror(errno));
}

// An open file written with write(2) and fsynced before close.
class OutFile {
 public:
  explicit OutFile(const fs::path& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) IoError("create file", path);
  }
  ~OutFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  void Write(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        IoError("write file", path_);
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  }
  void SyncAndClose() {
    if (::fsync(fd_) != 0) IoError("fsync file", path_);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) IoError("close file", path_);
  }

 private:
  fs::path path_;
  int fd_ = -1;
};

}  // namespace

void WriteFileDurably(const fs::path& path, std::string_view bytes) {
  OutFile out(path);
  out.Write(bytes);
  out.SyncAndClose();
}

void SyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) IoError("open directory", dir);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) IoError("fsync directory", dir);
}

bool IsAbsentOrEmptyDir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  return fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
}

BackupWriter::BackupWriter(fs::path target, std::optional<fs::path> previous) : target_(std::move(target)) {
  if (previous) {
    previous_ = ReadManifest(*previous);  // refuses an incomplete or damaged previous backup
    previous_dir_ = std::move(previous);
  }
  if (!IsAbsentOrEmptyDir(target_))
    throw DbError(SqlState::kDuplicateFile, "backup directory \"" + target_.string() + "\" exists but is not empty");
  std::error_code ec;
  fs::create_directories(target_, ec);
  if (ec)
    throw DbError(SqlState::kIoError, "could not create directory \"" + target_.string() + "\": " + ec.message());
  fs::permissions(target_, fs::perms::owner_all, fs::perm_options::replace, ec);
  WriteFileDurably(target_ / kInProgressFileName, "backup in progress; this directory is not a usable backup\n");
  SyncDirectory(target_);
  if (target_.has_parent_path()) SyncDirectory(fs::absolute(target_).parent_path());
}

bool BackupWriter::TryReuse(const BackupFile& f) {
  if (!previous_) return false;
  const BackupFile* old = previous_->Find(f.path);
  if (old == nullptr || old->size != f.size || old->sha256 != f.sha256) return false;
  fs::path src = *previous_dir_ / f.path;
  fs::path dst = target_ / f.path;
  std::error_code ec;
  fs::create_hard_link(src, dst, ec);
  if (ec) {
    ec.clear();
    fs::copy_file(src, dst, fs::copy_options::overwrite_existing, ec);
    if (ec) return false;
  }
  return true;
}

void BackupWriter::CopyFiles(const BackupManifest& listing, const Reader& read, const Progress& progress) {
  const uint64_t total = listing.TotalBytes();
  uint64_t done = 0;
  if (progress) progress(done, total);
  for (const auto& f : listing.files) {
    if (!IsSafeBackupPath(f.path))
      throw DbError(SqlState::kDataCorrupted, "backup listing names unsafe path \"" + f.path + "\"");
    fs::path dst = target_ / f.path;
    std::error_code ec;
    fs::create_directories(dst.parent_path(), ec);
    if (ec) throw DbError(SqlState::kIoError, "could not create directory \"" + dst.parent_path().string() + "\"");
    if (TryReuse(f)) {
      ++reused_files_;
      reused_bytes_ += f.size;
      done += f.size;
      if (progress) progress(done, total);
      continue;
    }
    OutFile out(dst);
    Sha256 sha;
    uint64_t offset = 0;
    while (offset < f.size) {
      size_t want = static_cast<size_t>(std::min<uint64_t>(kChunkBytes, f.size - offset));
      std::string chunk = read(f, offset, want);
      if (chunk.empty())
        throw DbError(SqlState::kIoError, "file \"" + f.path + "\" ended at byte " + std::to_string(offset) +
                                              " of " + std::to_string(f.size));
      if (chunk.size() > want) chunk.resize(want);
      sha.Update(chunk);
      out.Write(chunk);
      offset += chunk.size();
      copied_bytes_ += chunk.size();
      done += chunk.size();
      if (progress) progress(done, total);
    }
    out.SyncAndClose();
    std::string got = sha.HexDigest();
    if (got != f.sha256)
      throw DbError(SqlState::kDataCorrupted, "file \"" + f.path + "\" arrived with checksum " + got +
                                                  ", expected " + f.sha256);
  }
}

void BackupWriter::Finish(const BackupManifest& manifest) {
  // Every directory that received files must be durable before the manifest
  // claims the backup complete.
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(target_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_directory()) SyncDirectory(it->path());
  }
  fs::path tmp = target_ / (std::string(kManifestFileName) + ".tmp");
  WriteFileDurably(tmp, EncodeManifest(manifest));
  fs::rename(tmp, target_ / kManifestFileName, ec);
  if (ec) throw DbError(SqlState::kIoError, "could not write \"" + (target_ / kManifestFileName).string() + "\"");
  SyncDirectory(target_);
  fs::remove(target_ / kInProgressFileName, ec);
  if (ec) throw DbError(SqlState::kIoError, "could not remove \"" + (target_ / kInProgressFileName).string() + "\"");
  SyncDirectory(target_);
}

}  // namespace basalt::engine::storage
