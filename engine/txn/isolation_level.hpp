// engine/txn/isolation_level.hpp
//
// PostgreSQL's isolation levels (READ UNCOMMITTED behaves as READ COMMITTED,
// as in PostgreSQL; the SQL layer maps it).
#pragma once

#include <string_view>

namespace basalt::engine::txn {

enum class IsolationLevel { kReadCommitted, kRepeatableRead, kSerializable };

// PostgreSQL's spelling: "read committed", "repeatable read", "serializable".
constexpr std::string_view IsolationLevelName(IsolationLevel level) {
  switch (level) {
    case IsolationLevel::kReadCommitted: return "read committed";
    case IsolationLevel::kRepeatableRead: return "repeatable read";
    case IsolationLevel::kSerializable: return "serializable";
  }
  return "read committed";
}

}  // namespace basalt::engine::txn
