#include "engine/storage/rocks_status.hpp"

#include <string>

#include "engine/error/db_error.hpp"

namespace basalt::engine::storage {

void ThrowIfError(const rocksdb::Status& status, std::string_view context) {
  if (status.ok()) return;
  std::string message = std::string(context) + ": " + status.ToString();
  if (status.IsCorruption()) throw DbError(SqlState::kDataCorrupted, std::move(message));
  throw DbError(SqlState::kIoError, std::move(message));
}

}  // namespace basalt::engine::storage
