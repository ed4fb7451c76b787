// engine/storage/scan_bound.hpp
//
// Storage for a RocksDB iterate_upper_bound (internal to storage/): ReadOptions
// keeps a pointer to the Slice, so the Slice and its bytes live here, on the
// heap, for as long as the iterator.
#pragma once

#include <rocksdb/slice.h>

#include <string>

namespace basalt::engine::storage {

struct ScanBound {
  std::string key;
  rocksdb::Slice slice;
};

}  // namespace basalt::engine::storage
