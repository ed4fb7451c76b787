// engine/sql/exec/row_hash.hpp
//
// Hashing and equality of row prefixes under SQL grouping semantics: NULLs are
// equal to each other (GROUP BY, DISTINCT), values compare by their type.
#pragma once

#include <vector>

#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

struct RowKeyHash {
  const std::vector<Type>* types;
  size_t columns;
  size_t operator()(const Row& r) const;
};

struct RowKeyEqual {
  const std::vector<Type>* types;
  size_t columns;
  bool operator()(const Row& a, const Row& b) const;
};

}  // namespace basalt::engine::sql
