#include "engine/error/db_error.hpp"

namespace basalt::engine {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "ERROR";
    case Severity::kFatal: return "FATAL";
    case Severity::kPanic: return "PANIC";
    case Severity::kWarning: return "WARNING";
    case Severity::kNotice: return "NOTICE";
  }
  return "ERROR";
}

DbError::DbError(SqlState code, std::string message) : code_(code), message_(std::move(message)) {}

DbError& DbError::WithDetail(std::string detail) {
  detail_ = std::move(detail);
  return *this;
}

DbError& DbError::WithHint(std::string hint) {
  hint_ = std::move(hint);
  return *this;
}

DbError& DbError::WithPosition(int position) {
  position_ = position;
  return *this;
}

DbError& DbError::WithSeverity(Severity s) {
  severity_ = s;
  return *this;
}

int CharPosition(std::string_view text, int byte_offset) {
  if (byte_offset < 0) return 0;
  int chars = 0;
  for (int i = 0; i < byte_offset && i < static_cast<int>(text.size()); ++i) {
    // Count UTF-8 lead bytes only, so multi-byte characters count once.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars + 1;
}

}  // namespace basalt::engine
