// Sources: PostgreSQL 15 src/backend/utils/adt/uuid.c and char.c.
#include "engine/sql/types/uuid_text.hpp"

#include <random>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string ParseUuid(std::string_view text) {
  auto syntax = [&]() {
    return DbError(SqlState::kInvalidTextRepresentation,
                   fmt::format("invalid input syntax for type uuid: \"{}\"", text));
  };
  std::string out(16, '\0');
  size_t i = 0;
  bool braces = false;
  if (i < text.size() && text[i] == '{') {
    braces = true;
    ++i;
  }
  for (int b = 0; b < 16; ++b) {
    if (i + 1 >= text.size()) throw syntax();
    int hi = HexValue(text[i]), lo = HexValue(text[i + 1]);
    if (hi < 0 || lo < 0) throw syntax();
    out[b] = static_cast<char>(hi << 4 | lo);
    i += 2;
    if (i < text.size() && text[i] == '-' && b % 2 == 1 && b < 15) ++i;
  }
  if (braces) {
    if (i >= text.size() || text[i] != '}') throw syntax();
    ++i;
  }
  if (i != text.size()) throw syntax();
  return out;
}

void AppendUuid(std::string_view bytes, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    auto c = static_cast<unsigned char>(bytes[i]);
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
}

std::string RandomUuid() {
  // std::random_device reads the kernel CSPRNG (getrandom) on Linux.
  thread_local std::random_device rd;
  std::string out(16, '\0');
  for (int i = 0; i < 16; i += 4) {
    uint32_t r = rd();
    for (int j = 0; j < 4; ++j) out[i + j] = static_cast<char>((r >> (8 * j)) & 0xFF);
  }
  out[6] = static_cast<char>((out[6] & 0x0F) | 0x40);
  out[8] = static_cast<char>((out[8] & 0x3F) | 0x80);
  return out;
}

std::string ParseChar(std::string_view text) {
  auto octal = [](char c) { return c >= '0' && c <= '7'; };
  if (text.size() == 4 && text[0] == '\\' && octal(text[1]) && octal(text[2]) && octal(text[3])) {
    int v = ((text[1] - '0') << 6) + ((text[2] - '0') << 3) + (text[3] - '0');
    char c = static_cast<char>(v & 0xFF);
    return c == '\0' ? std::string() : std::string(1, c);
  }
  if (text.empty()) return std::string();
  return std::string(1, text[0]);
}

void AppendChar(std::string_view bytes, std::string& out) {
  if (bytes.empty() || bytes[0] == '\0') return;
  auto c = static_cast<unsigned char>(bytes[0]);
  if (c & 0x80) {
    out.push_back('\\');
    out.push_back(static_cast<char>('0' + (c >> 6)));
    out.push_back(static_cast<char>('0' + ((c >> 3) & 7)));
    out.push_back(static_cast<char>('0' + (c & 7)));
    return;
  }
  out.push_back(static_cast<char>(c));
}

}  // namespace basalt::engine::sql
