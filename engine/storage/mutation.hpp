// engine/storage/mutation.hpp
//
// One write of a commit batch. For versioned column families (catalog, rows,
// indexes) it becomes a version stamped with the commit timestamp; for kMeta it
// is an unversioned put (value) or delete (nullopt) in the same atomic batch.
#pragma once

#include <optional>
#include <string>

#include "engine/storage/column_family.hpp"

namespace basalt::engine::storage {

struct Mutation {
  Cf cf = Cf::kRows;
  std::string user_key;
  std::optional<std::string> value;  // nullopt = tombstone / delete
};

}  // namespace basalt::engine::storage
