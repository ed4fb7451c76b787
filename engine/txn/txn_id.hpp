// engine/txn/txn_id.hpp
//
// TxnId names a transaction for the lock manager and diagnostics. Ids are
// issued by TxnManager, start at 1 in each process and are never reused while
// it runs; they are not persisted (uncommitted state never reaches disk).
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace basalt::engine::txn {

struct TxnId {
  uint64_t value = 0;
  auto operator<=>(const TxnId&) const = default;
};

}  // namespace basalt::engine::txn

template <>
struct std::hash<basalt::engine::txn::TxnId> {
  size_t operator()(const basalt::engine::txn::TxnId& id) const noexcept { return std::hash<uint64_t>()(id.value); }
};
