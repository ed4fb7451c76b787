// The POSIX regex functions and operators of PostgreSQL 15 on RE2:
// textregexeq (~) and texticregexeq (~*), regexp_replace, regexp_match,
// regexp_like, regexp_count, substring(text from pattern) and the SQL-regex
// substring(text similar pattern escape e), plus similar_to_escape, which the
// binder uses for SIMILAR TO. Patterns compile once per thread (regex_support).
#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/functions/regex_support.hpp"
#include "engine/sql/types/array_value.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kBool{TypeId::kBool, -1};
const Type kTextArray{TypeId::kTextArray, -1};

const std::string& S(const Value& v) { return v.as_string(); }
std::string_view SV(const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); }

bool Matches(const std::string& text, const std::string& pattern, bool ci) {
  auto re = CompileRegex(pattern, ci);
  return re2::RE2::PartialMatch(text, *re);
}

Value RegexEq(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Bool(Matches(S(a[0]), S(a[1]), false)); }
Value RegexEqI(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Bool(Matches(S(a[0]), S(a[1]), true)); }

// Finds the next match at or after `pos`; fills groups[0..n]. False if none.
bool FindAt(const re2::RE2& re, std::string_view text, size_t pos, std::vector<re2::StringPiece>& groups) {
  groups.assign(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1, re2::StringPiece());
  return re.Match(text, pos, text.size(), re2::RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()));
}

// Advances past an empty match by one character.
size_t StepPast(std::string_view text, size_t pos) {
  return pos < text.size() ? pos + Utf8CharLen(static_cast<unsigned char>(text[pos])) : pos + 1;
}

// appendStringInfoRegexpSubstr: \1..\9 groups, \& the whole match, \\ a backslash.
void AppendReplacement(std::string& out, std::string_view repl, const std::vector<re2::StringPiece>& groups) {
  for (size_t i = 0; i < repl.size(); ++i) {
    char c = repl[i];
    if (c != '\\' || i + 1 >= repl.size()) {
      out += c;
      continue;
    }
    char n = repl[i + 1];
    if (n >= '1' && n <= '9') {
      size_t g = static_cast<size_t>(n - '0');
      if (g < groups.size() && groups[g].data() != nullptr) out += SV(groups[g]);
      ++i;
    } else if (n == '&') {
      out += SV(groups[0]);
      ++i;
    } else if (n == '\\') {
      out += '\\';
      ++i;
    } else {
      out += '\\';
    }
  }
}

Value Replace(const std::string& src, const std::string& pattern, const std::string& repl, const RegexFlags& f) {
  auto re = CompileRegex(pattern, f.case_insensitive, f.newline_sensitive);
  std::string_view text(src);
  std::string out;
  std::vector<re2::StringPiece> groups;
  size_t pos = 0, copied = 0;
  while (pos <= text.size() && FindAt(*re, text, pos, groups)) {
    size_t start = static_cast<size_t>(groups[0].data() - text.data());
    size_t end = start + groups[0].size();
    out.append(text.substr(copied, start - copied));
    AppendReplacement(out, repl, groups);
    copied = end;
    if (!f.global) break;
    pos = end == start ? StepPast(text, end) : end;
    if (end == start && end < text.size()) {
      // The skipped character is copied unchanged.
      out.append(text.substr(end, pos - end));
      copied = pos;
    }
  }
  if (copied < text.size()) out.append(text.substr(copied));
  return Value::String(std::move(out));
}

Value RegexpReplace3(FnArgs a, FnTypes, Type, EvalContext&) { return Replace(S(a[0]), S(a[1]), S(a[2]), {}); }
Value RegexpReplace4(FnArgs a, FnTypes, Type, EvalContext&) {
  return Replace(S(a[0]), S(a[1]), S(a[2]), ParseRegexFlags(S(a[3])));
}

RegexFlags NoGlobal(std::string_view flags, const char* fn) {
  RegexFlags f = ParseRegexFlags(flags);
  if (f.global) {
    DbError err(SqlState::kInvalidParameterValue, fmt::format("{}() does not support the \"global\" option", fn));
    if (std::string_view(fn) == "regexp_match") err.WithHint("Use the regexp_matches function instead.");
    throw err;
  }
  return f;
}

Value Match(const std::string& src, const std::string& pattern, const RegexFlags& f) {
  auto re = CompileRegex(pattern, f.case_insensitive, f.newline_sensitive);
  std::vector<re2::StringPiece> groups;
  if (!FindAt(*re, src, 0, groups)) return Value::Null();
  std::vector<Value> items;
  if (groups.size() == 1) {
    items.push_back(Value::String(SV(groups[0])));
  } else {
    for (size_t i = 1; i < groups.size(); ++i) {
      items.push_back(groups[i].data() == nullptr ? Value::Null() : Value::String(SV(groups[i])));
    }
  }
  return MakeArray(items);
}

Value RegexpMatch2(FnArgs a, FnTypes, Type, EvalContext&) { return Match(S(a[0]), S(a[1]), {}); }
Value RegexpMatch3(FnArgs a, FnTypes, Type, EvalContext&) {
  return Match(S(a[0]), S(a[1]), NoGlobal(S(a[2]), "regexp_match"));
}

Value RegexpLike2(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Bool(Matches(S(a[0]), S(a[1]), false)); }
Value RegexpLike3(FnArgs a, FnTypes, Type, EvalContext&) {
  RegexFlags f = NoGlobal(S(a[2]), "regexp_like");
  auto re = CompileRegex(S(a[1]), f.case_insensitive, f.newline_sensitive);
  return Value::Bool(re2::RE2::PartialMatch(S(a[0]), *re));
}

Value Count(const std::string& src, const std::string& pattern, int64_t start, const RegexFlags& f) {
  if (start <= 0) {
    throw DbError(SqlState::kInvalidParameterValue, fmt::format("invalid value for parameter \"{}\": {}", "start", start));
  }
  auto re = CompileRegex(pattern, f.case_insensitive, f.newline_sensitive);
  std::string_view text(src);
  auto offs = Utf8Offsets(text);
  if (static_cast<size_t>(start) > offs.size()) return Value::Int(0);
  size_t pos = offs[static_cast<size_t>(start - 1)];
  std::vector<re2::StringPiece> groups;
  int64_t n = 0;
  while (pos <= text.size() && FindAt(*re, text, pos, groups)) {
    ++n;
    size_t s = static_cast<size_t>(groups[0].data() - text.data());
    size_t e = s + groups[0].size();
    pos = e == s ? StepPast(text, e) : e;
  }
  return Value::Int(n);
}
Value RegexpCount2(FnArgs a, FnTypes, Type, EvalContext&) { return Count(S(a[0]), S(a[1]), 1, {}); }
Value RegexpCount3(FnArgs a, FnTypes, Type, EvalContext&) { return Count(S(a[0]), S(a[1]), a[2].as_int(), {}); }
Value RegexpCount4(FnArgs a, FnTypes, Type, EvalContext&) {
  return Count(S(a[0]), S(a[1]), a[2].as_int(), NoGlobal(S(a[3]), "regexp_count"));
}

// substring(text from pattern): the first parenthesised subexpression's match
// if the pattern has one, else the whole match; NULL without a match.
Value Substring(const std::string& src, const std::string& regex) {
  auto re = CompileRegex(regex, false);
  std::vector<re2::StringPiece> groups;
  if (!FindAt(*re, src, 0, groups)) return Value::Null();
  const re2::StringPiece& g = groups.size() > 1 ? groups[1] : groups[0];
  if (g.data() == nullptr) return Value::Null();
  return Value::String(SV(g));
}
Value RegexSubstring(FnArgs a, FnTypes, Type, EvalContext&) { return Substring(S(a[0]), S(a[1])); }
Value SimilarSubstring(FnArgs a, FnTypes, Type, EvalContext&) {
  return Substring(S(a[0]), SimilarToRegex(S(a[1]), S(a[2])));
}

Value SimilarToEscape2(FnArgs a, FnTypes, Type, EvalContext&) {
  return Value::String(SimilarToRegex(S(a[0]), S(a[1])));
}
Value SimilarToEscape1(FnArgs a, FnTypes, Type, EvalContext&) { return Value::String(SimilarToRegex(S(a[0]), "\\")); }

Value SplitToArray(const std::string& src, const std::string& pattern, const RegexFlags& f) {
  auto re = CompileRegex(pattern, f.case_insensitive, f.newline_sensitive);
  std::string_view text(src);
  std::vector<Value> items;
  std::vector<re2::StringPiece> groups;
  // As PostgreSQL's setup_regexp_matches with ignore_degenerate: a match
  // splits only if it starts before the end and ends after the previous
  // match's end, so empty matches at the start or end split nothing.
  size_t piece = 0, pos = 0, prev_end = 0;
  while (pos <= text.size() && FindAt(*re, text, pos, groups)) {
    size_t s = static_cast<size_t>(groups[0].data() - text.data());
    size_t e = s + groups[0].size();
    if (s < text.size() && e > prev_end) {
      items.push_back(Value::String(text.substr(piece, s - piece)));
      piece = e;
    }
    prev_end = e;
    pos = e == s ? StepPast(text, e) : e;
  }
  items.push_back(Value::String(text.substr(std::min(piece, text.size()))));
  return MakeArray(items);
}
Value SplitToArray2(FnArgs a, FnTypes, Type, EvalContext&) { return SplitToArray(S(a[0]), S(a[1]), {}); }
Value SplitToArray3(FnArgs a, FnTypes, Type, EvalContext&) {
  return SplitToArray(S(a[0]), S(a[1]), NoGlobal(S(a[2]), "regexp_split_to_array"));
}

}  // namespace

Value RegexSplitToArrayValue(const std::string& src, const std::string& pattern, std::string_view flags) {
  RegexFlags f = flags.empty() ? RegexFlags{} : NoGlobal(flags, "regexp_split_to_table");
  return SplitToArray(src, pattern, f);
}

void RegisterRegexFunctions(std::vector<FunctionEntry>& v) {
  auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn) {
    v.push_back({name, FunctionInfo{std::move(args), result, fn}});
  };
  add("textregexeq", {kText, kText}, kBool, &RegexEq);
  add("texticregexeq", {kText, kText}, kBool, &RegexEqI);
  add("regexp_replace", {kText, kText, kText}, kText, &RegexpReplace3);
  add("regexp_replace", {kText, kText, kText, kText}, kText, &RegexpReplace4);
  add("regexp_match", {kText, kText}, kTextArray, &RegexpMatch2);
  add("regexp_match", {kText, kText, kText}, kTextArray, &RegexpMatch3);
  add("regexp_like", {kText, kText}, kBool, &RegexpLike2);
  add("regexp_like", {kText, kText, kText}, kBool, &RegexpLike3);
  add("regexp_count", {kText, kText}, kInt4, &RegexpCount2);
  add("regexp_count", {kText, kText, kInt4}, kInt4, &RegexpCount3);
  add("regexp_count", {kText, kText, kInt4, kText}, kInt4, &RegexpCount4);
  add("regexp_split_to_array", {kText, kText}, kTextArray, &SplitToArray2);
  add("regexp_split_to_array", {kText, kText, kText}, kTextArray, &SplitToArray3);
  add("substring", {kText, kText}, kText, &RegexSubstring);
  add("substring", {kText, kText, kText}, kText, &SimilarSubstring);
  add("similar_to_escape", {kText, kText}, kText, &SimilarToEscape2);
  add("similar_to_escape", {kText}, kText, &SimilarToEscape1);
}

}  // namespace basalt::engine::sql
