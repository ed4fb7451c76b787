// engine/sql/types/string_coerce.hpp
//
// Length rules of the character types, as PostgreSQL 15's varchar.c and name.c
// apply them. Lengths of varchar(n)/char(n) count characters of UTF-8 text (the
// only server encoding Basalt has); name counts bytes (at most 63, cut at a
// character boundary). A bpchar value is stored with its padding spaces; the
// spaces are insignificant only for comparison and when converted to text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace basalt::engine::sql {

// Number of UTF-8 characters in `s` (continuation bytes do not count).
size_t Utf8Length(std::string_view s);

// Byte length of the first `chars` characters of `s` (all of it if shorter).
size_t Utf8PrefixBytes(std::string_view s, size_t chars);

// char(n) input and length coercion: pads with spaces to n characters. Longer
// input is cut to n characters; unless `is_explicit`, only spaces may be cut,
// otherwise 22001 `value too long for type character(n)`. typmod -1: unchanged.
std::string CoerceBpchar(std::string_view s, int32_t typmod, bool is_explicit);

// varchar(n) input and length coercion: like CoerceBpchar without padding
// (22001 `value too long for type character varying(n)`).
std::string CoerceVarchar(std::string_view s, int32_t typmod, bool is_explicit);

// name input: the first 63 bytes, cut back to a character boundary.
std::string ClipName(std::string_view s);

// bpchar without its trailing spaces (PostgreSQL's bcTruelen): what comparison,
// hashing and the bpchar -> text cast see.
std::string_view TrimBpchar(std::string_view s);

}  // namespace basalt::engine::sql
