// Character-type length coercion, following PostgreSQL 15's bpchar(),
// bpchar_input(), varchar() and varchar_input() in utils/adt/varchar.c.
#include "engine/sql/types/string_coerce.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

bool OnlySpaces(std::string_view s) { return s.find_first_not_of(' ') == std::string_view::npos; }

}  // namespace

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t Utf8PrefixBytes(std::string_view s, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == chars) return i;
      ++seen;
    }
  }
  return s.size();
}

std::string CoerceBpchar(std::string_view s, int32_t typmod, bool is_explicit) {
  auto max_len = CharTypmodLength(typmod);
  if (!max_len) return std::string(s);
  size_t max_chars = static_cast<size_t>(*max_len);
  size_t chars = Utf8Length(s);
  if (chars > max_chars) {
    size_t keep = Utf8PrefixBytes(s, max_chars);
    if (!is_explicit && !OnlySpaces(s.substr(keep))) {
      throw DbError(SqlState::kStringDataRightTruncation,
                    fmt::format("value too long for type character({})", max_chars));
    }
    return std::string(s.substr(0, keep));
  }
  std::string out(s);
  out.append(max_chars - chars, ' ');
  return out;
}

std::string CoerceVarchar(std::string_view s, int32_t typmod, bool is_explicit) {
  auto max_len = CharTypmodLength(typmod);
  if (!max_len) return std::string(s);
  size_t max_chars = static_cast<size_t>(*max_len);
  // Byte length bounds the character count, so most values skip the UTF-8 scan.
  if (s.size() <= max_chars) return std::string(s);
  size_t keep = Utf8PrefixBytes(s, max_chars);
  if (keep == s.size()) return std::string(s);
  if (!is_explicit && !OnlySpaces(s.substr(keep))) {
    throw DbError(SqlState::kStringDataRightTruncation,
                  fmt::format("value too long for type character varying({})", max_chars));
  }
  return std::string(s.substr(0, keep));
}

std::string ClipName(std::string_view s) {
  if (s.size() < kNameDataLen) return std::string(s);
  size_t keep = kNameDataLen - 1;
  while (keep > 0 && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) --keep;
  return std::string(s.substr(0, keep));
}

std::string_view TrimBpchar(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && s[n - 1] == ' ') --n;
  return s.substr(0, n);
}

}  // namespace basalt::engine::sql
