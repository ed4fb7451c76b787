// Regex compilation and translation for the ~ family, SIMILAR TO and the
// regexp_* functions. PostgreSQL's error texts come from its regex library
// (regerror); RE2's error codes are mapped to the closest of them.
#include "engine/sql/functions/regex_support.hpp"

#include <list>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql {
namespace {

std::string RegError(re2::RE2::ErrorCode code) {
  switch (code) {
    case re2::RE2::ErrorMissingParen:
    case re2::RE2::ErrorUnexpectedParen: return "parentheses () not balanced";
    case re2::RE2::ErrorMissingBracket: return "brackets [] not balanced";
    case re2::RE2::ErrorRepeatArgument: return "quantifier operand invalid";
    case re2::RE2::ErrorRepeatSize: return "invalid repetition count(s)";
    case re2::RE2::ErrorRepeatOp: return "quantifier operand invalid";
    case re2::RE2::ErrorBadEscape:
    case re2::RE2::ErrorTrailingBackslash: return "invalid escape \\ sequence";
    case re2::RE2::ErrorBadCharRange: return "invalid character range";
    case re2::RE2::ErrorBadCharClass: return "invalid character class";
    case re2::RE2::ErrorPatternTooLarge: return "regular expression is too complex";
    default: return "invalid regular expression";
  }
}

struct CacheKey {
  std::string pattern;
  uint8_t options;
  bool operator==(const CacheKey&) const = default;
};
struct CacheKeyHash {
  size_t operator()(const CacheKey& k) const { return std::hash<std::string>()(k.pattern) * 31 + k.options; }
};

constexpr size_t kCacheSize = 64;

}  // namespace

RegexFlags ParseRegexFlags(std::string_view flags) {
  RegexFlags f;
  for (char c : flags) {
    switch (c) {
      case 'g': f.global = true; break;
      case 'i': f.case_insensitive = true; break;
      case 'c': f.case_insensitive = false; break;
      case 'n':
      case 'm': f.newline_sensitive = true; break;
      case 's': f.newline_sensitive = false; break;
      default:
        throw DbError(SqlState::kInvalidParameterValue, fmt::format("invalid regular expression option: \"{}\"", c));
    }
  }
  return f;
}

std::string TranslateRegex(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 8);
  bool in_bracket = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (in_bracket) {
      out += c;
      if (c == '[' && i + 1 < p.size() && (p[i + 1] == ':' || p[i + 1] == '.' || p[i + 1] == '=')) {
        // [:alpha:] inside a bracket: copy through the closing ":]".
        char kind = p[i + 1];
        size_t end = p.find(std::string{kind, ']'}, i + 2);
        if (end != std::string_view::npos) {
          out.append(p.substr(i + 1, end + 2 - (i + 1)));
          i = end + 1;
        }
      } else if (c == '\\' && i + 1 < p.size()) {
        out += p[++i];
      } else if (c == ']' && !(out.size() >= 2 && (out[out.size() - 2] == '[' ||
                                                  (out.size() >= 3 && out[out.size() - 2] == '^' &&
                                                   out[out.size() - 3] == '[')))) {
        in_bracket = false;
      }
      continue;
    }
    if (c == '[') {
      if (p.substr(i, 7) == "[[:<:]]" || p.substr(i, 7) == "[[:>:]]") {
        out += "\\b";
        i += 6;
        continue;
      }
      in_bracket = true;
      out += c;
      continue;
    }
    if (c == '\\' && i + 1 < p.size()) {
      char n = p[i + 1];
      ++i;
      switch (n) {
        case 'm':
        case 'M':
        case 'y': out += "\\b"; break;
        case 'Y': out += "\\B"; break;
        case 'Z': out += "\\z"; break;
        case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
          throw DbError(SqlState::kFeatureNotSupported, "regular expression back-references are not supported");
        default:
          out += '\\';
          out += n;
      }
      continue;
    }
    out += c;
  }
  return out;
}

std::shared_ptr<const re2::RE2> CompileRegex(std::string_view pattern, bool case_insensitive, bool newline_sensitive) {
  thread_local std::unordered_map<CacheKey, std::shared_ptr<const re2::RE2>, CacheKeyHash> cache;
  CacheKey key{std::string(pattern), static_cast<uint8_t>((case_insensitive ? 1 : 0) | (newline_sensitive ? 2 : 0))};
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  re2::RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_case_sensitive(!case_insensitive);
  opts.set_dot_nl(!newline_sensitive);
  opts.set_max_mem(64 << 20);
  std::string translated = TranslateRegex(pattern);
  if (newline_sensitive) translated = "(?m)" + translated;
  auto re = std::make_shared<const re2::RE2>(translated, opts);
  if (!re->ok()) {
    throw DbError(SqlState::kInvalidRegularExpression, "invalid regular expression: " + RegError(re->error_code()));
  }
  if (cache.size() >= kCacheSize) cache.clear();
  cache.emplace(std::move(key), re);
  return re;
}

std::string SimilarToRegex(std::string_view pat, std::string_view escape) {
  if (escape.size() > 1) {
    // One character, possibly multibyte.
    unsigned char lead = static_cast<unsigned char>(escape[0]);
    size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (escape.size() != len) {
      throw DbError(SqlState::kInvalidEscapeSequence, "invalid escape string")
          .WithHint("Escape string must be empty or one character.");
    }
  }
  std::string out = "^(?:";
  int separators = 0;
  bool after_escape = false;
  bool in_bracket = false;
  size_t bracket_start = 0;
  for (size_t i = 0; i < pat.size();) {
    unsigned char lead = static_cast<unsigned char>(pat[i]);
    size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    std::string_view ch = pat.substr(i, len);
    i += len;
    char c = ch[0];
    if (after_escape) {
      if (c == '"' && !in_bracket) {
        if (++separators > 2) {
          throw DbError(SqlState::kInvalidUseOfEscapeCharacter,
                        "SQL regular expression may not contain more than two escape-double-quote separators");
        }
        out += separators == 1 ? "){1,1}?(" : "){1,1}(?:";
      } else {
        out += '\\';
        out += ch;
      }
      after_escape = false;
    } else if (!escape.empty() && ch == escape) {
      after_escape = true;
    } else if (in_bracket) {
      if (c == '\\') out += '\\';
      out += ch;
      if (c == ']' && out.size() - 1 > bracket_start + 1) in_bracket = false;
    } else if (c == '[') {
      in_bracket = true;
      bracket_start = out.size();
      out += c;
    } else if (c == '%') {
      out += ".*";
    } else if (c == '_') {
      out += '.';
    } else if (c == '(') {
      out += "(?:";
    } else if (c == '\\' || c == '.' || c == '^' || c == '$') {
      out += '\\';
      out += c;
    } else {
      out += ch;
    }
  }
  out += ")$";
  return out;
}

}  // namespace basalt::engine::sql
