// engine/storage/timestamp.hpp
//
// A Timestamp is a hybrid-logical-clock value: (wall-clock microseconds << 12) |
// logical counter. Commit timestamps stamp every version written by a
// transaction; snapshot timestamps bound what a reader sees. Timestamp{0} is
// never issued as a commit timestamp (the clock starts at the wall clock), so it
// is safe as "before everything".
#pragma once

#include <compare>
#include <cstdint>
#include <limits>

namespace basalt::engine::storage {

struct Timestamp {
  uint64_t value = 0;

  auto operator<=>(const Timestamp&) const = default;

  // The largest timestamp: a snapshot at Max() sees every committed version.
  static constexpr Timestamp Max() { return Timestamp{std::numeric_limits<uint64_t>::max()}; }
  // Bits reserved for the logical counter below the wall-clock microseconds.
  static constexpr int kLogicalBits = 12;
  static constexpr Timestamp FromWallMicros(uint64_t micros) { return Timestamp{micros << kLogicalBits}; }
  constexpr uint64_t WallMicros() const { return value >> kLogicalBits; }
};

}  // namespace basalt::engine::storage
