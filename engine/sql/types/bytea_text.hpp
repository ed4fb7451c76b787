// engine/sql/types/bytea_text.hpp
//
// bytea's text forms and the encode()/decode() formats, as PostgreSQL 15's
// varlena.c (byteain/byteaout with bytea_output = hex) and encode.c (hex,
// base64, escape) define them, with their error texts and SQLSTATEs:
// 22023 for bad hex/base64 data, 22P02 for bad escape input.
#pragma once

#include <string>
#include <string_view>

namespace basalt::engine::sql {

// byteain: "\x" hex (whitespace between byte pairs allowed) or the escape
// format (\\ and \ooo octal).
std::string ParseBytea(std::string_view text);
// byteaout with bytea_output = hex: "\x" then two lower-case digits per byte.
void AppendByteaHex(std::string_view bytes, std::string& out);

// encode(bytes, format) / decode(text, format) for "hex", "base64" and
// "escape"; 22023 `unrecognized encoding: "x"` for any other format.
std::string EncodeBytes(std::string_view bytes, std::string_view format);
std::string DecodeBytes(std::string_view text, std::string_view format);

}  // namespace basalt::engine::sql
