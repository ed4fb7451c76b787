// engine/sql/functions/function_util.hpp
//
// Small helpers shared by the scalar function families: the argument aliases of
// the ScalarFn signature, UTF-8 character stepping (text is always UTF-8 and
// PostgreSQL counts characters, not bytes) and the text form of any value.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

using FnArgs = std::span<const Value>;
using FnTypes = const std::vector<Type>&;

// Byte length of the UTF-8 character starting with `lead` (1 for stray bytes).
inline size_t Utf8CharLen(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Number of characters in `s`.
inline int64_t Utf8Length(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte offsets of the start of every character of `s`, plus s.size() at the end.
std::vector<size_t> Utf8Offsets(std::string_view s);

// Splits `s` into its characters.
std::vector<std::string_view> Utf8Chars(std::string_view s);

// Decodes the code point starting at s[0] (s non-empty).
uint32_t Utf8Decode(std::string_view s);
// Appends the UTF-8 encoding of `cp`.
void Utf8Append(uint32_t cp, std::string& out);

// The output-function text of non-null `v` of type `t`, formatted with the
// session's settings (extra_float_digits, TimeZone).
void AppendValueText(const Value& v, Type t, std::string& out, const EvalContext& ctx);

// quote_ident's rule: lower-case letters, digits and underscores, not starting
// with a digit, and not a keyword that would need quoting; else double-quoted.
std::string QuoteIdentText(std::string_view s);
// quote_literal: single quotes doubled; with a backslash, an E'' literal with
// backslashes doubled.
std::string QuoteLiteralText(std::string_view s);

// format()'s formatting (format_function.cpp) over the arguments' output
// texts (nullopt = NULL); throws PostgreSQL's 22023/22004/22003 errors.
std::optional<std::string> SqlFormat(std::string_view fmt, const std::vector<std::optional<std::string>>& args);

}  // namespace basalt::engine::sql
