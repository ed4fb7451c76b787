#include "engine/storage/wal_archive.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "engine/error/db_error.hpp"
#include "engine/storage/backup_writer.hpp"
#include "engine/storage/file_digest.hpp"

namespace basalt::engine::storage {

namespace fs = std::filesystem;

namespace {

constexpr size_t kFixedPayload = 1 + 8 + 4 + 8;
constexpr size_t kMaxRecord = size_t{1} << 31;
constexpr std::string_view kSegmentSuffix = ".bwal";

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}
uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::string ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DbError(SqlState::kIoError, "could not open archive file \"" + path.string() + "\"");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

[[noreturn]] void ArchiveIoError(const std::string& what, const fs::path& path) {
  throw DbError(SqlState::kIoError, "could not " + what + " archive file \"" + path.string() + "\": " +
                                        std::strerror(errno));
}

}  // namespace

void EncodeArchiveRecord(const ArchiveRecord& r, std::string& out) {
  std::string payload;
  payload.reserve(kFixedPayload + r.data.size());
  payload.push_back(static_cast<char>(r.kind));
  PutU64(payload, r.seq);
  PutU32(payload, r.count);
  PutU64(payload, r.commit_ts);
  payload += r.data;
  PutU32(out, static_cast<uint32_t>(payload.size()));
  PutU32(out, Crc32(payload));
  out += payload;
}

std::optional<size_t> DecodeArchiveRecord(std::string_view in, ArchiveRecord& out) {
  if (in.size() < 8) return std::nullopt;
  uint32_t len = GetU32(in.data());
  uint32_t crc = GetU32(in.data() + 4);
  if (len < kFixedPayload || len > kMaxRecord || in.size() - 8 < len) return std::nullopt;
  std::string_view payload = in.substr(8, len);
  if (Crc32(payload) != crc) return std::nullopt;
  uint8_t kind = static_cast<uint8_t>(payload[0]);
  if (kind < 1 || kind > 3) return std::nullopt;
  out.kind = static_cast<ArchiveRecordKind>(kind);
  out.seq = GetU64(payload.data() + 1);
  out.count = GetU32(payload.data() + 9);
  out.commit_ts = GetU64(payload.data() + 13);
  out.data.assign(payload.substr(kFixedPayload));
  return 8 + len;
}

std::string SegmentFileName(uint64_t first_seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%020llu", static_cast<unsigned long long>(first_seq));
  return std::string(buf) + std::string(kSegmentSuffix);
}

std::vector<fs::path> ListSegments(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.size() == 20 + kSegmentSuffix.size() && name.ends_with(kSegmentSuffix)) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

ArchiveWriter::ArchiveWriter(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw DbError(SqlState::kIoError, "could not create archive directory \"" + dir_.string() + "\": " + ec.message());
  auto segments = ListSegments(dir_);
  if (segments.empty()) return;
  // Learn where the archive ends; cut a torn tail left by a crash.
  segment_ = segments.back();
  std::string bytes = ReadWholeFile(segment_);
  size_t pos = 0;
  ArchiveRecord r;
  while (auto n = DecodeArchiveRecord(std::string_view(bytes).substr(pos), r)) {
    pos += *n;
    if (r.kind != ArchiveRecordKind::kRestorePoint) next_seq_ = r.seq + r.count;
  }
  if (pos < bytes.size()) fs::resize_file(segment_, pos, ec);
  if (next_seq_ == 0) {
    // The newest segment holds no record yet: its name is its first sequence.
    next_seq_ = std::stoull(segment_.filename().string().substr(0, 20));
  }
  fd_ = ::open(segment_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) ArchiveIoError("open", segment_);
  segment_bytes_ = pos;
}

ArchiveWriter::~ArchiveWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void ArchiveWriter::OpenSegment(uint64_t first_seq) {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  segment_ = dir_ / SegmentFileName(first_seq);
  fd_ = ::open(segment_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd_ < 0) ArchiveIoError("create", segment_);
  segment_bytes_ = 0;
  SyncDirectory(dir_);
}

void ArchiveWriter::Append(const ArchiveRecord& r) {
  if (fd_ < 0 || segment_bytes_ + pending_.size() >= kSegmentBytes) {
    Sync();  // the new segment starts with this record
    OpenSegment(r.seq);
  }
  EncodeArchiveRecord(r, pending_);
  if (r.kind != ArchiveRecordKind::kRestorePoint) next_seq_ = r.seq + r.count;
}

void ArchiveWriter::Sync() {
  if (pending_.empty()) return;
  std::string_view rest = pending_;
  while (!rest.empty()) {
    ssize_t n = ::write(fd_, rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      // Drop what was written so a retry does not duplicate it.
      pending_.erase(0, pending_.size() - rest.size());
      ArchiveIoError("write", segment_);
    }
    rest.remove_prefix(static_cast<size_t>(n));
    segment_bytes_ += static_cast<uint64_t>(n);
    bytes_written_ += static_cast<uint64_t>(n);
  }
  pending_.clear();
  if (::fdatasync(fd_) != 0) ArchiveIoError("fsync", segment_);
}

void ForEachArchiveRecord(const fs::path& dir, const std::function<bool(const ArchiveRecord&)>& fn) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw DbError(SqlState::kUndefinedFile, "archive directory \"" + dir.string() + "\" does not exist");
  auto segments = ListSegments(dir);
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string bytes = ReadWholeFile(segments[i]);
    size_t pos = 0;
    ArchiveRecord r;
    while (pos < bytes.size()) {
      auto n = DecodeArchiveRecord(std::string_view(bytes).substr(pos), r);
      if (!n) {
        if (i + 1 == segments.size()) return;  // torn tail of the newest segment
        throw DbError(SqlState::kDataCorrupted, "archive file \"" + segments[i].string() +
                                                    "\" is damaged at byte " + std::to_string(pos));
      }
      pos += *n;
      if (!fn(r)) return;
    }
  }
}

}  // namespace basalt::engine::storage
