// String functions of PostgreSQL 15 (src/backend/utils/adt/varlena.c,
// oracle_compat.c): concat, substring, position, replace, split_part, padding
// and trimming, case mapping, left/right, repeat, reverse, translate, ascii,
// chr, lengths, md5, to_hex. Text is UTF-8 and every position and length is
// in characters, as PostgreSQL counts them under a UTF-8 server encoding.
// Case mapping is ASCII-only, which is what the C / C.UTF-8 collations do for
// upper/lower/initcap on ASCII letters.
#include <openssl/evp.h>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/functions/function_util.hpp"

namespace basalt::engine::sql {

namespace {

const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kBool{TypeId::kBool, -1};

const std::string& S(const Value& v) { return v.as_string(); }
int64_t I(const Value& v) { return v.as_int(); }

constexpr int64_t kMaxAlloc = 0x3fffffff;  // PostgreSQL's MaxAllocSize - 1

void CheckLength(int64_t bytes) {
  if (bytes > kMaxAlloc) throw DbError(SqlState::kProgramLimitExceeded, "requested length too large");
}

Value Concat(FnArgs a, FnTypes t, Type, EvalContext& ctx) {
  std::string out;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_null()) AppendValueText(a[i], t[i], out, ctx);
  }
  return Value::String(std::move(out));
}

Value ConcatWs(FnArgs a, FnTypes t, Type, EvalContext& ctx) {
  if (a[0].is_null()) return Value::Null();
  std::string out;
  bool first = true;
  for (size_t i = 1; i < a.size(); ++i) {
    if (a[i].is_null()) continue;
    if (!first) out += S(a[0]);
    first = false;
    AppendValueText(a[i], t[i], out, ctx);
  }
  return Value::String(std::move(out));
}

Value Format(FnArgs a, FnTypes t, Type, EvalContext& ctx) {
  if (a[0].is_null()) return Value::Null();
  std::vector<std::optional<std::string>> args;
  args.reserve(a.size() - 1);
  for (size_t i = 1; i < a.size(); ++i) {
    if (a[i].is_null()) {
      args.emplace_back();
    } else {
      std::string s;
      AppendValueText(a[i], t[i], s, ctx);
      args.emplace_back(std::move(s));
    }
  }
  return Value::String(*SqlFormat(S(a[0]), args));
}

// text_substring: characters [start, start + count), clipped to the string.
std::string_view Substring(std::string_view s, int64_t start, std::optional<int64_t> count) {
  int64_t end = INT64_MAX;
  if (count) {
    if (*count < 0) throw DbError(SqlState::kSubstringError, "negative substring length not allowed");
    end = (start > INT64_MAX - *count) ? INT64_MAX : start + *count;
  }
  int64_t from = std::max<int64_t>(start, 1);
  if (end <= from) return {};
  size_t i = 0;
  int64_t pos = 1;
  while (i < s.size() && pos < from) {
    i += Utf8CharLen(static_cast<unsigned char>(s[i]));
    ++pos;
  }
  size_t b = std::min(i, s.size());
  while (i < s.size() && pos < end) {
    i += Utf8CharLen(static_cast<unsigned char>(s[i]));
    ++pos;
  }
  return s.substr(b, std::min(i, s.size()) - b);
}

Value Substr3(FnArgs a, FnTypes, Type, EvalContext&) { return Value::String(Substring(S(a[0]), I(a[1]), I(a[2]))); }
Value Substr2(FnArgs a, FnTypes, Type, EvalContext&) {
  return Value::String(Substring(S(a[0]), I(a[1]), std::nullopt));
}

// Overlay(s placing r from p for n) = substring(s, 1, p-1) || r || substring(s, p+n).
Value Overlay(std::string_view s, std::string_view r, int64_t p, int64_t n) {
  if (p <= 0) throw DbError(SqlState::kSubstringError, "negative substring length not allowed");
  if (n < 0) throw DbError(SqlState::kSubstringError, "negative substring length not allowed");
  std::string out(Substring(s, 1, p - 1));
  out += r;
  int64_t tail = p > INT32_MAX - n ? INT32_MAX : p + n;
  out += Substring(s, tail, std::nullopt);
  return Value::String(std::move(out));
}
Value Overlay4(FnArgs a, FnTypes, Type, EvalContext&) { return Overlay(S(a[0]), S(a[1]), I(a[2]), I(a[3])); }
Value Overlay3(FnArgs a, FnTypes, Type, EvalContext&) {
  return Overlay(S(a[0]), S(a[1]), I(a[2]), Utf8Length(S(a[1])));
}

Value Strpos(FnArgs a, FnTypes, Type, EvalContext&) {
  const std::string& s = S(a[0]);
  size_t at = s.find(S(a[1]));
  if (at == std::string::npos) return Value::Int(0);
  return Value::Int(Utf8Length(std::string_view(s).substr(0, at)) + 1);
}

Value Replace(FnArgs a, FnTypes, Type, EvalContext&) {
  const std::string& s = S(a[0]);
  const std::string& from = S(a[1]);
  if (from.empty()) return a[0];
  std::string out;
  size_t pos = 0;
  for (size_t at; (at = s.find(from, pos)) != std::string::npos; pos = at + from.size()) {
    out.append(s, pos, at - pos);
    out += S(a[2]);
    CheckLength(static_cast<int64_t>(out.size()));
  }
  out.append(s, pos);
  return Value::String(std::move(out));
}

Value SplitPart(FnArgs a, FnTypes, Type, EvalContext&) {
  const std::string& s = S(a[0]);
  const std::string& d = S(a[1]);
  int64_t n = I(a[2]);
  if (n == 0) throw DbError(SqlState::kInvalidParameterValue, "field position must not be zero");
  if (s.empty()) return Value::String("");
  if (d.empty()) return Value::String((n == 1 || n == -1) ? s : std::string());
  std::vector<std::string_view> parts;
  size_t pos = 0;
  for (size_t at; (at = s.find(d, pos)) != std::string::npos; pos = at + d.size()) {
    parts.push_back(std::string_view(s).substr(pos, at - pos));
  }
  parts.push_back(std::string_view(s).substr(pos));
  int64_t count = static_cast<int64_t>(parts.size());
  int64_t idx = n > 0 ? n - 1 : count + n;
  if (idx < 0 || idx >= count) return Value::String("");
  return Value::String(parts[static_cast<size_t>(idx)]);
}

Value Pad(std::string_view s, int64_t len, std::string_view fill, bool left) {
  if (len <= 0) return Value::String("");
  auto offs = Utf8Offsets(s);
  int64_t have = static_cast<int64_t>(offs.size()) - 1;
  if (have >= len || fill.empty()) {
    return Value::String(s.substr(0, offs[static_cast<size_t>(std::min(have, len))]));
  }
  CheckLength(len * 4);
  auto fill_chars = Utf8Chars(fill);
  std::string pad;
  for (int64_t i = 0; i < len - have; ++i) pad += fill_chars[static_cast<size_t>(i) % fill_chars.size()];
  std::string out = left ? pad + std::string(s) : std::string(s) + pad;
  return Value::String(std::move(out));
}
Value Lpad3(FnArgs a, FnTypes, Type, EvalContext&) { return Pad(S(a[0]), I(a[1]), S(a[2]), true); }
Value Lpad2(FnArgs a, FnTypes, Type, EvalContext&) { return Pad(S(a[0]), I(a[1]), " ", true); }
Value Rpad3(FnArgs a, FnTypes, Type, EvalContext&) { return Pad(S(a[0]), I(a[1]), S(a[2]), false); }
Value Rpad2(FnArgs a, FnTypes, Type, EvalContext&) { return Pad(S(a[0]), I(a[1]), " ", false); }

Value Trim(std::string_view s, std::string_view set, bool leading, bool trailing) {
  auto chars = Utf8Chars(set);
  auto in_set = [&](std::string_view c) { return std::find(chars.begin(), chars.end(), c) != chars.end(); };
  auto sc = Utf8Chars(s);
  size_t b = 0, e = sc.size();
  if (leading) while (b < e && in_set(sc[b])) ++b;
  if (trailing) while (e > b && in_set(sc[e - 1])) --e;
  if (b == e) return Value::String("");
  size_t from = static_cast<size_t>(sc[b].data() - s.data());
  size_t to = static_cast<size_t>(sc[e - 1].data() - s.data()) + sc[e - 1].size();
  return Value::String(s.substr(from, to - from));
}
Value Btrim2(FnArgs a, FnTypes, Type, EvalContext&) { return Trim(S(a[0]), S(a[1]), true, true); }
Value Btrim1(FnArgs a, FnTypes, Type, EvalContext&) { return Trim(S(a[0]), " ", true, true); }
Value Ltrim2(FnArgs a, FnTypes, Type, EvalContext&) { return Trim(S(a[0]), S(a[1]), true, false); }
Value Ltrim1(FnArgs a, FnTypes, Type, EvalContext&) { return Trim(S(a[0]), " ", true, false); }
Value Rtrim2(FnArgs a, FnTypes, Type, EvalContext&) { return Trim(S(a[0]), S(a[1]), false, true); }
Value Rtrim1(FnArgs a, FnTypes, Type, EvalContext&) { return Trim(S(a[0]), " ", false, true); }

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

Value Initcap(FnArgs a, FnTypes, Type, EvalContext&) {
  std::string out = S(a[0]);
  bool word = false;
  for (char& c : out) {
    if (word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
    // Non-ASCII bytes count as letters (iswalnum in C.UTF-8 is true for them).
    word = IsAsciiAlnum(c) || (static_cast<unsigned char>(c) >= 0x80);
  }
  return Value::String(std::move(out));
}

Value Left(FnArgs a, FnTypes, Type, EvalContext&) {
  std::string_view s = S(a[0]);
  int64_t n = I(a[1]);
  auto offs = Utf8Offsets(s);
  int64_t len = static_cast<int64_t>(offs.size()) - 1;
  int64_t keep = n >= 0 ? std::min(n, len) : std::max<int64_t>(len + n, 0);
  return Value::String(s.substr(0, offs[static_cast<size_t>(keep)]));
}

Value Right(FnArgs a, FnTypes, Type, EvalContext&) {
  std::string_view s = S(a[0]);
  int64_t n = I(a[1]);
  auto offs = Utf8Offsets(s);
  int64_t len = static_cast<int64_t>(offs.size()) - 1;
  int64_t keep = n >= 0 ? std::min(n, len) : std::max<int64_t>(len + n, 0);
  return Value::String(s.substr(offs[static_cast<size_t>(len - keep)]));
}

Value Repeat(FnArgs a, FnTypes, Type, EvalContext&) {
  const std::string& s = S(a[0]);
  int64_t n = I(a[1]);
  if (n <= 0 || s.empty()) return Value::String("");
  if (static_cast<int64_t>(s.size()) > kMaxAlloc / n) {
    throw DbError(SqlState::kProgramLimitExceeded, "requested length too large");
  }
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out += s;
  return Value::String(std::move(out));
}

Value Reverse(FnArgs a, FnTypes, Type, EvalContext&) {
  auto chars = Utf8Chars(S(a[0]));
  std::string out;
  out.reserve(S(a[0]).size());
  for (auto it = chars.rbegin(); it != chars.rend(); ++it) out += *it;
  return Value::String(std::move(out));
}

Value StartsWith(FnArgs a, FnTypes, Type, EvalContext&) { return Value::Bool(S(a[0]).starts_with(S(a[1]))); }

Value Translate(FnArgs a, FnTypes, Type, EvalContext&) {
  auto from = Utf8Chars(S(a[1]));
  auto to = Utf8Chars(S(a[2]));
  std::string out;
  for (std::string_view c : Utf8Chars(S(a[0]))) {
    auto it = std::find(from.begin(), from.end(), c);
    if (it == from.end()) {
      out += c;
      continue;
    }
    size_t idx = static_cast<size_t>(it - from.begin());
    if (idx < to.size()) out += to[idx];
  }
  return Value::String(std::move(out));
}

Value Ascii(FnArgs a, FnTypes, Type, EvalContext&) {
  const std::string& s = S(a[0]);
  if (s.empty()) return Value::Int(0);
  return Value::Int(Utf8Decode(s));
}

Value Chr(FnArgs a, FnTypes, Type, EvalContext&) {
  int64_t v = I(a[0]);
  if (v < 0) throw DbError(SqlState::kInvalidParameterValue, "character number must be positive");
  if (v == 0) throw DbError(SqlState::kProgramLimitExceeded, "null character not permitted");
  if (v > 0x10FFFF) {
    throw DbError(SqlState::kProgramLimitExceeded, fmt::format("requested character too large for encoding: {}", v));
  }
  if (v >= 0xD800 && v <= 0xDFFF) {
    throw DbError(SqlState::kProgramLimitExceeded, fmt::format("requested character not valid for encoding: {}", v));
  }
  std::string out;
  Utf8Append(static_cast<uint32_t>(v), out);
  return Value::String(std::move(out));
}

Value OctetLength(FnArgs a, FnTypes, Type, EvalContext&) {
  return Value::Int(static_cast<int64_t>(S(a[0]).size()));
}
Value BitLength(FnArgs a, FnTypes, Type, EvalContext&) {
  return Value::Int(static_cast<int64_t>(S(a[0]).size()) * 8);
}

Value Md5(FnArgs a, FnTypes, Type, EvalContext&) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const std::string& s = S(a[0]);
  if (EVP_Digest(s.data(), s.size(), digest, &len, EVP_md5(), nullptr) != 1) {
    throw DbError(SqlState::kInternalError, "could not compute MD5 hash");
  }
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return Value::String(std::move(out));
}

Value ToHex(uint64_t v) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), kHex[v & 15]);
    v >>= 4;
  } while (v != 0);
  return Value::String(std::move(out));
}
Value ToHex4(FnArgs a, FnTypes, Type, EvalContext&) {
  return ToHex(static_cast<uint32_t>(static_cast<int32_t>(I(a[0]))));
}
Value ToHex8(FnArgs a, FnTypes, Type, EvalContext&) { return ToHex(static_cast<uint64_t>(I(a[0]))); }

Value QuoteIdent(FnArgs a, FnTypes, Type, EvalContext&) { return Value::String(QuoteIdentText(S(a[0]))); }
Value QuoteLiteral(FnArgs a, FnTypes, Type, EvalContext&) { return Value::String(QuoteLiteralText(S(a[0]))); }
Value QuoteNullable(FnArgs a, FnTypes, Type, EvalContext&) {
  return Value::String(a[0].is_null() ? std::string("NULL") : QuoteLiteralText(S(a[0])));
}

}  // namespace

void RegisterStringFunctions(std::vector<FunctionEntry>& v) {
  auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn) {
    v.push_back({name, FunctionInfo{std::move(args), result, fn}});
  };
  v.push_back({"concat", FunctionInfo{{}, kText, &Concat, /*strict=*/false, /*variadic_any=*/true}});
  v.push_back({"concat_ws", FunctionInfo{{kText}, kText, &ConcatWs, false, true}});
  v.push_back({"format", FunctionInfo{{kText}, kText, &Format, false, true}});
  v.push_back({"format", FunctionInfo{{kText}, kText, &Format, /*strict=*/false}});
  add("substring", {kText, kInt4, kInt4}, kText, &Substr3);
  add("substring", {kText, kInt4}, kText, &Substr2);
  add("substr", {kText, kInt4, kInt4}, kText, &Substr3);
  add("substr", {kText, kInt4}, kText, &Substr2);
  add("overlay", {kText, kText, kInt4, kInt4}, kText, &Overlay4);
  add("overlay", {kText, kText, kInt4}, kText, &Overlay3);
  add("position", {kText, kText}, kInt4, &Strpos);
  add("strpos", {kText, kText}, kInt4, &Strpos);
  add("replace", {kText, kText, kText}, kText, &Replace);
  add("split_part", {kText, kText, kInt4}, kText, &SplitPart);
  add("lpad", {kText, kInt4, kText}, kText, &Lpad3);
  add("lpad", {kText, kInt4}, kText, &Lpad2);
  add("rpad", {kText, kInt4, kText}, kText, &Rpad3);
  add("rpad", {kText, kInt4}, kText, &Rpad2);
  add("btrim", {kText, kText}, kText, &Btrim2);
  add("btrim", {kText}, kText, &Btrim1);
  add("ltrim", {kText, kText}, kText, &Ltrim2);
  add("ltrim", {kText}, kText, &Ltrim1);
  add("rtrim", {kText, kText}, kText, &Rtrim2);
  add("rtrim", {kText}, kText, &Rtrim1);
  add("initcap", {kText}, kText, &Initcap);
  add("left", {kText, kInt4}, kText, &Left);
  add("right", {kText, kInt4}, kText, &Right);
  add("repeat", {kText, kInt4}, kText, &Repeat);
  add("reverse", {kText}, kText, &Reverse);
  add("starts_with", {kText, kText}, kBool, &StartsWith);
  add("translate", {kText, kText, kText}, kText, &Translate);
  add("ascii", {kText}, kInt4, &Ascii);
  add("chr", {kInt4}, kText, &Chr);
  add("octet_length", {kText}, kInt4, &OctetLength);
  add("bit_length", {kText}, kInt4, &BitLength);
  add("md5", {kText}, kText, &Md5);
  add("to_hex", {kInt4}, kText, &ToHex4);
  add("to_hex", {kInt8}, kText, &ToHex8);
  add("quote_ident", {kText}, kText, &QuoteIdent);
  add("quote_literal", {kText}, kText, &QuoteLiteral);
  v.push_back({"quote_nullable", FunctionInfo{{kText}, kText, &QuoteNullable, /*strict=*/false}});
}

}  // namespace basalt::engine::sql
