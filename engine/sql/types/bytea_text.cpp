// Sources: PostgreSQL 15 src/backend/utils/adt/varlena.c (byteain, byteaout)
// and encode.c (hex_encode/hex_decode, pg_base64_encode/decode, esc_enc/dec).
#include "engine/sql/types/bytea_text.hpp"

#include <strings.h>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The bytes of the (UTF-8) character starting at s[i], for error messages
// that quote one character as PostgreSQL's "%.*s" with pg_mblen does.
std::string_view OneChar(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return s.substr(i, len);
}

bool IsHexSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string HexDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size() / 2);
  size_t i = 0;
  while (i < s.size()) {
    if (IsHexSpace(s[i])) {
      ++i;
      continue;
    }
    int hi = HexValue(s[i]);
    if (hi < 0) {
      throw DbError(SqlState::kInvalidParameterValue, fmt::format("invalid hexadecimal digit: \"{}\"", OneChar(s, i)));
    }
    ++i;
    if (i >= s.size()) {
      throw DbError(SqlState::kInvalidParameterValue, "invalid hexadecimal data: odd number of digits");
    }
    int lo = HexValue(s[i]);
    if (lo < 0) {
      throw DbError(SqlState::kInvalidParameterValue, fmt::format("invalid hexadecimal digit: \"{}\"", OneChar(s, i)));
    }
    ++i;
    out.push_back(static_cast<char>(hi << 4 | lo));
  }
  return out;
}

bool IsOctal(char c) { return c >= '0' && c <= '7'; }

// The escape format shared by byteain and decode(..., 'escape'); both report
// bad input as 22P02 `invalid input syntax for type bytea`.
std::string EscapeDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\\') {
      out.push_back(s[i++]);
    } else if (i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '3' && IsOctal(s[i + 2]) && IsOctal(s[i + 3])) {
      out.push_back(static_cast<char>(((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0')));
      i += 4;
    } else if (i + 1 < s.size() && s[i + 1] == '\\') {
      out.push_back('\\');
      i += 2;
    } else {
      throw DbError(SqlState::kInvalidTextRepresentation, "invalid input syntax for type bytea");
    }
  }
  return out;
}

std::string EscapeEncode(std::string_view bytes) {
  std::string out;
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == 0 || c > 0x7f) {  // esc_encode: only NUL and high-bit bytes
      out.push_back('\\');
      out.push_back(static_cast<char>('0' + (c >> 6)));
      out.push_back(static_cast<char>('0' + ((c >> 3) & 7)));
      out.push_back(static_cast<char>('0' + (c & 7)));
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// pg_base64_encode: a newline after every 76 output characters.
std::string Base64Encode(std::string_view bytes) {
  std::string out;
  uint32_t buf = 0;
  int pos = 2;
  size_t line = 0;
  for (char ch : bytes) {
    buf |= static_cast<uint32_t>(static_cast<unsigned char>(ch)) << (pos << 3);
    if (--pos < 0) {
      out.push_back(kBase64[(buf >> 18) & 0x3f]);
      out.push_back(kBase64[(buf >> 12) & 0x3f]);
      out.push_back(kBase64[(buf >> 6) & 0x3f]);
      out.push_back(kBase64[buf & 0x3f]);
      pos = 2;
      buf = 0;
      line += 4;
      if (line >= 76) {
        out.push_back('\n');
        line = 0;
      }
    }
  }
  if (pos != 2) {
    out.push_back(kBase64[(buf >> 18) & 0x3f]);
    out.push_back(kBase64[(buf >> 12) & 0x3f]);
    out.push_back(pos == 0 ? kBase64[(buf >> 6) & 0x3f] : '=');
    out.push_back('=');
  }
  return out;
}

std::string Base64Decode(std::string_view s) {
  std::string out;
  uint32_t buf = 0;
  int pos = 0, end = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    int b;
    if (c == '=') {
      if (end == 0) {
        if (pos == 2) {
          end = 1;
        } else if (pos == 3) {
          end = 2;
        } else {
          throw DbError(SqlState::kInvalidParameterValue, "unexpected \"=\" while decoding base64 sequence");
        }
      }
      b = 0;
    } else {
      const char* p = nullptr;
      for (const char* q = kBase64; *q; ++q) {
        if (*q == c) p = q;
      }
      if (!p) {
        throw DbError(SqlState::kInvalidParameterValue,
                      fmt::format("invalid symbol \"{}\" found while decoding base64 sequence", OneChar(s, i)));
      }
      b = static_cast<int>(p - kBase64);
    }
    buf = (buf << 6) + static_cast<uint32_t>(b);
    if (++pos == 4) {
      out.push_back(static_cast<char>((buf >> 16) & 255));
      if (end == 0 || end > 1) out.push_back(static_cast<char>((buf >> 8) & 255));
      if (end == 0 || end > 2) out.push_back(static_cast<char>(buf & 255));
      buf = 0;
      pos = 0;
    }
  }
  if (pos != 0) {
    throw DbError(SqlState::kInvalidParameterValue,
                  "invalid base64 end sequence")
        .WithHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
  }
  return out;
}

}  // namespace

std::string ParseBytea(std::string_view text) {
  if (text.size() >= 2 && text[0] == '\\' && text[1] == 'x') return HexDecode(text.substr(2));
  return EscapeDecode(text);
}

void AppendByteaHex(std::string_view bytes, std::string& out) {
  out.reserve(out.size() + 2 + bytes.size() * 2);
  out += "\\x";
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    out.push_back(kHexDigits[c >> 4]);
    out.push_back(kHexDigits[c & 15]);
  }
}

std::string EncodeBytes(std::string_view bytes, std::string_view format) {
  if (strncasecmp(format.data(), "hex", 3) == 0 && format.size() == 3) {
    std::string out;
    AppendByteaHex(bytes, out);
    return out.substr(2);
  }
  if (format.size() == 6 && strncasecmp(format.data(), "base64", 6) == 0) return Base64Encode(bytes);
  if (format.size() == 6 && strncasecmp(format.data(), "escape", 6) == 0) return EscapeEncode(bytes);
  throw DbError(SqlState::kInvalidParameterValue, fmt::format("unrecognized encoding: \"{}\"", format));
}

std::string DecodeBytes(std::string_view text, std::string_view format) {
  if (format.size() == 3 && strncasecmp(format.data(), "hex", 3) == 0) return HexDecode(text);
  if (format.size() == 6 && strncasecmp(format.data(), "base64", 6) == 0) return Base64Decode(text);
  if (format.size() == 6 && strncasecmp(format.data(), "escape", 6) == 0) return EscapeDecode(text);
  throw DbError(SqlState::kInvalidParameterValue, fmt::format("unrecognized encoding: \"{}\"", format));
}

}  // namespace basalt::engine::sql
