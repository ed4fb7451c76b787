// engine/sql/functions/regex_support.hpp
//
// PostgreSQL regular expressions on RE2 (linear time, no catastrophic
// backtracking). PostgreSQL's ARE syntax is translated where it differs
// cheaply (\m \M \y \Y \Z, [[:<:]] [[:>:]]); back-references, which RE2 cannot
// run in linear time, fail with 0A000. Matching is PostgreSQL's default
// "non-newline-sensitive" mode: `.` matches a newline and ^/$ anchor only at
// the ends of the string. Compiled patterns are cached per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <re2/re2.h>

namespace basalt::engine::sql {

struct RegexFlags {
  bool case_insensitive = false;
  bool global = false;
  bool newline_sensitive = false;
};

// Parses a flags string ("gi"); 22023 `invalid regular expression option: "z"`.
RegexFlags ParseRegexFlags(std::string_view flags);

// The compiled pattern (cached); 2201B `invalid regular expression: ...`.
std::shared_ptr<const re2::RE2> CompileRegex(std::string_view pattern, bool case_insensitive,
                                             bool newline_sensitive = false);

// Translates a PostgreSQL ARE to RE2 syntax (exposed for tests).
std::string TranslateRegex(std::string_view pattern);

// similar_to_escape: a SQL SIMILAR TO pattern as a POSIX regex anchored at
// both ends; `escape` is empty (no escape) or one character.
std::string SimilarToRegex(std::string_view pattern, std::string_view escape);

}  // namespace basalt::engine::sql
