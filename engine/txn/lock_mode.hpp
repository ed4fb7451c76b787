// engine/txn/lock_mode.hpp
//
// PostgreSQL's four row-lock strengths and their conflict table
// (https://www.postgresql.org/docs/15/explicit-locking.html#ROW-LOCK-COMPATIBILITY):
//
//                      KEY SHARE  SHARE  NO KEY UPDATE  UPDATE
//   FOR KEY SHARE                                          X
//   FOR SHARE                              X               X
//   FOR NO KEY UPDATE             X        X               X
//   FOR UPDATE            X       X        X               X
//
// Modes are ordered by strength and each mode conflicts with a superset of what
// a weaker one conflicts with, so holding the strongest requested mode covers
// the weaker ones. kShared/kExclusive name the plain shared/exclusive pair.
#pragma once

#include <cstdint>
#include <string_view>

namespace basalt::engine::txn {

enum class LockMode : uint8_t {
  kKeyShare = 0,        // SELECT ... FOR KEY SHARE, foreign-key checks
  kShare = 1,           // SELECT ... FOR SHARE
  kNoKeyExclusive = 2,  // UPDATE not touching key columns, FOR NO KEY UPDATE
  kExclusive = 3,       // DELETE, key-changing UPDATE, FOR UPDATE, unique-key inserts
  kShared = kShare,
};

enum class LockWaitPolicy { kBlock, kNoWait, kSkipLocked };

// True if a lock in mode `a` held by one transaction blocks mode `b` of another.
constexpr bool LockModesConflict(LockMode a, LockMode b) {
  return static_cast<int>(a) + static_cast<int>(b) >= 3;
}

constexpr bool LockModeCovers(LockMode held, LockMode wanted) {
  return static_cast<int>(held) >= static_cast<int>(wanted);
}

constexpr std::string_view LockModeName(LockMode mode) {
  switch (mode) {
    case LockMode::kKeyShare: return "FOR KEY SHARE";
    case LockMode::kShare: return "FOR SHARE";
    case LockMode::kNoKeyExclusive: return "FOR NO KEY UPDATE";
    case LockMode::kExclusive: return "FOR UPDATE";
  }
  return "FOR UPDATE";
}

}  // namespace basalt::engine::txn
