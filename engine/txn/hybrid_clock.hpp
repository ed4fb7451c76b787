// engine/txn/hybrid_clock.hpp
//
// HybridClock issues timestamps (wall microseconds << 12 | logical counter) that
// strictly increase across calls and threads, even if the wall clock stalls or
// steps back. So that a restart never reissues a timestamp, the clock persists
// a high-water mark in the meta column family (synced) before issuing anything
// at or above it: it reserves kReserveMicros ahead and extends the reservation
// when the issued values come within half of it. On start it resumes above the
// persisted mark.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>

#include "engine/storage/store.hpp"
#include "engine/storage/timestamp.hpp"

namespace basalt::engine::txn {

class HybridClock {
 public:
  // Microseconds since the Unix epoch; injectable for tests.
  using WallSource = std::function<uint64_t()>;
  static constexpr uint64_t kReserveMicros = 1'000'000;

  explicit HybridClock(storage::Store& store, WallSource wall = {});

  // A timestamp greater than every one this clock (in this or an earlier
  // process on the same store) has issued or observed.
  storage::Timestamp Now();
  // Makes future Now() values exceed `observed`.
  void Update(storage::Timestamp observed);
  // The largest value issued or observed so far.
  storage::Timestamp Last() const;
  // The persisted high-water mark: nothing at or above it has been issued.
  storage::Timestamp Reserved() const;

 private:
  // Persists a reservation above `ts` if `ts` is near the current one.
  void EnsureReservedLocked(uint64_t ts);

  storage::Store& store_;
  WallSource wall_;
  mutable std::mutex mu_;
  uint64_t last_ = 0;
  uint64_t reserved_ = 0;
};

}  // namespace basalt::engine::txn
