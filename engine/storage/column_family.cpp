#include "engine/storage/column_family.hpp"

namespace basalt::engine::storage {

std::string_view CfName(Cf cf) {
  switch (cf) {
    case Cf::kDefault: return "default";
    case Cf::kCatalog: return "catalog";
    case Cf::kRows: return "rows";
    case Cf::kIndexes: return "indexes";
    case Cf::kMeta: return "meta";
  }
  return "default";
}

}  // namespace basalt::engine::storage
