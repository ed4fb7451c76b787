#include "engine/txn/hybrid_clock.hpp"

#include <algorithm>
#include <chrono>

#include "engine/error/db_error.hpp"

namespace basalt::engine::txn {

namespace {

constexpr std::string_view kHighWaterKey = "basalt.clock.high_water";

uint64_t SystemMicros() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
}

std::string EncodeU64(uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xFF);
  return out;
}

uint64_t DecodeU64(std::string_view s) {
  if (s.size() != 8) throw DbError(SqlState::kDataCorrupted, "malformed clock high-water mark");
  uint64_t v = 0;
  for (char c : s) v = (v << 8) | static_cast<uint8_t>(c);
  return v;
}

constexpr uint64_t kReserveTicks = HybridClock::kReserveMicros << storage::Timestamp::kLogicalBits;

}  // namespace

HybridClock::HybridClock(storage::Store& store, WallSource wall) : store_(store), wall_(std::move(wall)) {
  if (!wall_) wall_ = SystemMicros;
  if (auto persisted = store_.GetMeta(kHighWaterKey)) {
    // Everything below the persisted mark may have been issued before a crash.
    reserved_ = DecodeU64(*persisted);
    last_ = reserved_;
  }
  std::lock_guard lock(mu_);
  EnsureReservedLocked(std::max(last_ + 1, storage::Timestamp::FromWallMicros(wall_()).value));
}

void HybridClock::EnsureReservedLocked(uint64_t ts) {
  if (ts + kReserveTicks / 2 < reserved_) return;
  uint64_t target = ts + kReserveTicks;
  // Synced: the mark must be durable before any timestamp below it escapes.
  store_.PutMeta(kHighWaterKey, EncodeU64(target), /*sync=*/true);
  reserved_ = target;
}

storage::Timestamp HybridClock::Now() {
  uint64_t wall = storage::Timestamp::FromWallMicros(wall_()).value;
  std::lock_guard lock(mu_);
  uint64_t next = std::max(last_ + 1, wall);
  EnsureReservedLocked(next);
  last_ = next;
  return storage::Timestamp{next};
}

void HybridClock::Update(storage::Timestamp observed) {
  std::lock_guard lock(mu_);
  if (observed.value <= last_) return;
  EnsureReservedLocked(observed.value);
  last_ = observed.value;
}

storage::Timestamp HybridClock::Last() const {
  std::lock_guard lock(mu_);
  return storage::Timestamp{last_};
}

storage::Timestamp HybridClock::Reserved() const {
  std::lock_guard lock(mu_);
  return storage::Timestamp{reserved_};
}

}  // namespace basalt::engine::txn
