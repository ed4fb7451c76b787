// engine/storage/file_digest.hpp
//
// SHA-256 digests (lower-case hex) of byte strings and files for backup
// manifests, and CRC-32 (IEEE) for archive records. Pure functions; a file
// that cannot be read raises DbError 58030 naming it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace basalt::engine::storage {

// Incremental SHA-256: Update() any number of times, then HexDigest() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  std::string HexDigest();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string Sha256Hex(std::string_view bytes);
std::string Sha256File(const std::filesystem::path& path);
uint32_t Crc32(std::string_view bytes);

}  // namespace basalt::engine::storage
