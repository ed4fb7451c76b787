// engine/storage/rocks_status.hpp
//
// The edge where rocksdb::Status becomes DbError (internal to storage/):
// corruption -> XX001 data_corrupted, everything else -> 58030 io_error.
#pragma once

#include <rocksdb/status.h>

#include <string_view>

namespace basalt::engine::storage {

// Throws DbError describing `status` (prefixed by `context`) unless it is OK.
void ThrowIfError(const rocksdb::Status& status, std::string_view context);

}  // namespace basalt::engine::storage
