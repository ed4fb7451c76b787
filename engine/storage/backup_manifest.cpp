#include "engine/storage/backup_manifest.hpp"

#include <charconv>
#include <ctime>
#include <fstream>
#include <sstream>

#include "engine/error/db_error.hpp"
#include "engine/storage/file_digest.hpp"

namespace basalt::engine::storage {

namespace {

constexpr std::string_view kHeader = "basalt backup manifest 1";

[[noreturn]] void Corrupt(const std::string& what) {
  throw DbError(SqlState::kDataCorrupted, "backup manifest is corrupted: " + what);
}

uint64_t ParseU64(std::string_view s, std::string_view field) {
  uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty())
    Corrupt("invalid " + std::string(field) + " \"" + std::string(s) + "\"");
  return v;
}

bool IsHex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

uint64_t BackupManifest::TotalBytes() const {
  uint64_t total = 0;
  for (const auto& f : files) total += f.size;
  return total;
}

const BackupFile* BackupManifest::Find(std::string_view path) const {
  for (const auto& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

bool IsSafeBackupPath(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\n') != std::string_view::npos ||
      path.find('\r') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string FormatUnixMicros(uint64_t us) {
  std::time_t secs = static_cast<std::time_t>(us / 1'000'000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%06u+00", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<unsigned>(us % 1'000'000));
  return buf;
}

std::string EncodeManifest(const BackupManifest& m) {
  std::string out;
  out += kHeader;
  out += "\n# started " + FormatUnixMicros(m.start_time_us) + ", finished " + FormatUnixMicros(m.stop_time_us) + "\n";
  out += "label " + OneLine(m.label) + "\n";
  out += "start_ts " + std::to_string(m.start_ts) + "\n";
  out += "stop_ts " + std::to_string(m.stop_ts) + "\n";
  out += "start_time " + std::to_string(m.start_time_us) + "\n";
  out += "stop_time " + std::to_string(m.stop_time_us) + "\n";
  out += "wal_seq " + std::to_string(m.wal_seq) + "\n";
  out += "incremental_from " + OneLine(m.incremental_from) + "\n";
  for (const auto& f : m.files) {
    if (!IsSafeBackupPath(f.path))
      throw DbError(SqlState::kInternalError, "internal error: unsafe backup path \"" + f.path + "\"");
    out += "file " + std::to_string(f.size) + " " + f.sha256 + " " + f.path + "\n";
  }
  out += "manifest_sha256 " + Sha256Hex(out) + "\n";
  return out;
}

BackupManifest DecodeManifest(std::string_view text) {
  BackupManifest m;
  size_t pos = 0;
  bool header = false;
  bool checked = false;
  size_t line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) Corrupt("truncated (no newline at end)");
    std::string_view line = text.substr(pos, nl - pos);
    size_t line_start = pos;
    pos = nl + 1;
    ++line_no;
    if (checked) Corrupt("data after manifest_sha256");
    if (!header) {
      if (line != kHeader) Corrupt("not a Basalt backup manifest (bad first line)");
      header = true;
      continue;
    }
    if (line.starts_with("#")) continue;
    size_t sp = line.find(' ');
    std::string_view key = line.substr(0, sp);
    std::string_view rest = sp == std::string_view::npos ? std::string_view() : line.substr(sp + 1);
    if (key == "label") {
      m.label = rest;
    } else if (key == "start_ts") {
      m.start_ts = ParseU64(rest, key);
    } else if (key == "stop_ts") {
      m.stop_ts = ParseU64(rest, key);
    } else if (key == "start_time") {
      m.start_time_us = ParseU64(rest, key);
    } else if (key == "stop_time") {
      m.stop_time_us = ParseU64(rest, key);
    } else if (key == "wal_seq") {
      m.wal_seq = ParseU64(rest, key);
    } else if (key == "incremental_from") {
      m.incremental_from = rest;
    } else if (key == "file") {
      size_t a = rest.find(' ');
      size_t b = a == std::string_view::npos ? a : rest.find(' ', a + 1);
      if (b == std::string_view::npos) Corrupt("bad file line " + std::to_string(line_no));
      BackupFile f;
      f.size = ParseU64(rest.substr(0, a), "file size");
      f.sha256 = rest.substr(a + 1, b - a - 1);
      f.path = rest.substr(b + 1);
      if (!IsHex64(f.sha256)) Corrupt("bad checksum on line " + std::to_string(line_no));
      if (!IsSafeBackupPath(f.path)) Corrupt("unsafe path \"" + f.path + "\"");
      m.files.push_back(std::move(f));
    } else if (key == "manifest_sha256") {
      if (Sha256Hex(text.substr(0, line_start)) != rest) Corrupt("manifest checksum mismatch");
      checked = true;
    } else {
      Corrupt("unknown item \"" + std::string(key) + "\" on line " + std::to_string(line_no));
    }
  }
  if (!header) Corrupt("empty");
  if (!checked) Corrupt("missing manifest_sha256 (truncated)");
  return m;
}

BackupManifest ReadManifest(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw DbError(SqlState::kUndefinedFile, "backup directory \"" + dir.string() + "\" does not exist");
  if (std::filesystem::exists(dir / kInProgressFileName, ec))
    throw DbError(SqlState::kObjectNotInPrerequisiteState,
                  "backup in \"" + dir.string() + "\" is incomplete: it contains " + std::string(kInProgressFileName))
        .WithDetail("The backup was interrupted before its manifest was written; it cannot be used.")
        .WithHint("Take a new backup.");
  std::ifstream in(dir / kManifestFileName, std::ios::binary);
  if (!in)
    throw DbError(SqlState::kObjectNotInPrerequisiteState,
                  "backup in \"" + dir.string() + "\" is incomplete: " + std::string(kManifestFileName) + " is missing");
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return DecodeManifest(ss.str());
  } catch (const DbError& e) {
    throw DbError(SqlState::kDataCorrupted, "file \"" + std::string(kManifestFileName) + "\" in \"" + dir.string() +
                                                "\": " + e.message());
  }
}

std::vector<std::string> CheckBackupFiles(const std::filesystem::path& dir, const BackupManifest& m) {
  std::vector<std::string> problems;
  for (const auto& f : m.files) {
    std::error_code ec;
    auto path = dir / f.path;
    uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) {
      problems.push_back("file \"" + f.path + "\" is missing");
      continue;
    }
    if (size != f.size) {
      problems.push_back("file \"" + f.path + "\" has size " + std::to_string(size) + ", manifest says " +
                         std::to_string(f.size));
      continue;
    }
    std::string sha;
    try {
      sha = Sha256File(path);
    } catch (const DbError& e) {
      problems.push_back("file \"" + f.path + "\": " + e.message());
      continue;
    }
    if (sha != f.sha256) problems.push_back("file \"" + f.path + "\" has checksum " + sha + ", manifest says " + f.sha256);
  }
  return problems;
}

}  // namespace basalt::engine::storage
