// engine/storage/column_family.hpp
//
// The RocksDB column families of a Basalt store. catalog, rows and indexes hold
// MVCC versions (user key + ~commit_ts); meta holds unversioned bookkeeping
// (timestamp high-water mark, sequences, settings); default is RocksDB's own and
// unused by Basalt.
#pragma once

#include <cstdint>
#include <string_view>

namespace basalt::engine::storage {

enum class Cf : uint8_t { kDefault, kCatalog, kRows, kIndexes, kMeta };

inline constexpr int kCfCount = 5;

// RocksDB's name for `cf` ("default", "catalog", ...).
std::string_view CfName(Cf cf);

// True for the column families that hold MVCC versions.
constexpr bool IsVersioned(Cf cf) { return cf == Cf::kCatalog || cf == Cf::kRows || cf == Cf::kIndexes; }

}  // namespace basalt::engine::storage
