#include "engine/sql/exec/row_hash.hpp"

#include "engine/sql/types/compare.hpp"

namespace basalt::engine::sql {

size_t RowKeyHash::operator()(const Row& r) const {
  size_t h = 0x9e3779b97f4a7c15ULL;
  for (size_t i = 0; i < columns; ++i) {
    size_t v = r[i].is_null() ? 0x51ed270b : Hash(r[i], (*types)[i].id);
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  }
  return h;
}

bool RowKeyEqual::operator()(const Row& a, const Row& b) const {
  for (size_t i = 0; i < columns; ++i) {
    bool an = a[i].is_null(), bn = b[i].is_null();
    if (an || bn) {
      if (an != bn) return false;
      continue;
    }
    if (Compare(a[i], b[i], (*types)[i].id) != 0) return false;
  }
  return true;
}

}  // namespace basalt::engine::sql
