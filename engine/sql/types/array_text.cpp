// Array text I/O. The parser is a recursive descent over the braces instead
// of PostgreSQL's two passes (ArrayCount, then ReadArrayStr), reporting the
// same DETAIL texts for the malformations clients actually produce.
#include "engine/sql/types/array_text.hpp"

#include <strings.h>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/array_value.hpp"

namespace basalt::engine::sql {
namespace {

bool IsArraySpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

class ArrayParser {
 public:
  ArrayParser(std::string_view text, Type t, const FormatOptions& opts)
      : text_(text), element_{ArrayElementType(t.id), t.typmod}, opts_(opts) {}

  Value Parse() {
    SkipSpace();
    std::vector<int32_t> given_dims, given_lbounds;
    if (Peek() == '[') ParseDimensions(given_dims, given_lbounds);
    if (Peek() != '{') throw Malformed("Array value must start with \"{\" or dimension information.");
    ParseLevel(0);
    SkipSpace();
    if (pos_ < text_.size()) throw Malformed("Junk after closing right brace.");
    ArrayData data;
    if (items_.empty()) {
      if (!given_dims.empty()) throw Malformed("Specified array dimensions do not match array contents.");
      return MakeArray(data);
    }
    data.dims = dims_;
    data.lbounds.assign(dims_.size(), 1);
    if (!given_dims.empty()) {
      if (given_dims != dims_) throw Malformed("Specified array dimensions do not match array contents.");
      data.lbounds = given_lbounds;
    }
    data.items.reserve(items_.size());
    for (auto& item : items_) {
      if (!item) {
        data.items.push_back(Value::Null());
      } else {
        data.items.push_back(ParseText(*item, element_, opts_));
      }
    }
    return MakeArray(data);
  }

 private:
  DbError Malformed(std::string detail) const {
    return std::move(DbError(SqlState::kInvalidTextRepresentation,
                             fmt::format("malformed array literal: \"{}\"", text_))
                         .WithDetail(std::move(detail)));
  }
  DbError Unexpected(char c) const { return Malformed(fmt::format("Unexpected \"{}\" character.", c)); }

  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void SkipSpace() {
    while (pos_ < text_.size() && IsArraySpace(text_[pos_])) ++pos_;
  }

  int32_t ReadInt() {
    size_t start = pos_;
    if (Peek() == '-' || Peek() == '+') ++pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    std::string_view digits = text_.substr(start, pos_ - start);
    if (digits.empty() || digits == "-" || digits == "+") {
      throw Malformed("\"[\" must introduce explicitly-specified array dimensions.");
    }
    int64_t v = 0;
    bool neg = digits[0] == '-';
    for (char c : digits) {
      if (c < '0' || c > '9') continue;
      v = v * 10 + (c - '0');
      if (v > INT32_MAX) throw DbError(SqlState::kNumericValueOutOfRange, "array bound is out of integer range");
    }
    return static_cast<int32_t>(neg ? -v : v);
  }

  // "[lo:hi][lo:hi]=" or "[hi]="
  void ParseDimensions(std::vector<int32_t>& dims, std::vector<int32_t>& lbounds) {
    while (Peek() == '[') {
      ++pos_;
      SkipSpace();
      int32_t lo = 1, hi = ReadInt();
      SkipSpace();
      if (Peek() == ':') {
        ++pos_;
        SkipSpace();
        lo = hi;
        hi = ReadInt();
        SkipSpace();
      }
      if (Peek() != ']') throw Malformed("Missing \"]\" after array dimensions.");
      ++pos_;
      if (hi < lo) {
        throw DbError(SqlState::kArraySubscriptError, "upper bound cannot be less than lower bound");
      }
      dims.push_back(hi - lo + 1);
      lbounds.push_back(lo);
      if (dims.size() > kMaxArrayDims) {
        throw DbError(SqlState::kProgramLimitExceeded,
                      fmt::format("number of array dimensions ({}) exceeds the maximum allowed ({})", dims.size(),
                                  kMaxArrayDims));
      }
      SkipSpace();
    }
    if (Peek() != '=') throw Malformed("Missing \"=\" after array dimensions.");
    ++pos_;
    SkipSpace();
  }

  // At '{' of nesting depth `depth`.
  void ParseLevel(size_t depth) {
    if (depth >= kMaxArrayDims) {
      throw DbError(SqlState::kProgramLimitExceeded,
                    fmt::format("number of array dimensions ({}) exceeds the maximum allowed ({})", depth + 1,
                                kMaxArrayDims));
    }
    ++pos_;  // '{'
    SkipSpace();
    int32_t count = 0;
    bool has_sub = false, has_scalar = false;
    if (Peek() == '}') {
      ++pos_;
      if (depth > 0) throw Malformed("Unexpected \"}\" character.");
      return;  // '{}'
    }
    while (true) {
      SkipSpace();
      char c = Peek();
      if (c == '\0') throw Malformed("Unexpected end of input.");
      if (c == '{') {
        if (has_scalar) throw Unexpected('{');
        has_sub = true;
        ParseLevel(depth + 1);
      } else {
        if (has_sub) throw Malformed("Unexpected array element.");
        if (c == '}' || c == ',') throw Unexpected(c);
        has_scalar = true;
        ParseElement();
      }
      ++count;
      SkipSpace();
      c = Peek();
      if (c == ',') {
        ++pos_;
        continue;
      }
      if (c == '}') {
        ++pos_;
        break;
      }
      if (c == '\0') throw Malformed("Unexpected end of input.");
      throw Unexpected(c);
    }
    // Scalars must all sit at the same (innermost) depth.
    if (has_scalar) {
      if (leaf_depth_ < 0) {
        leaf_depth_ = static_cast<int>(depth);
      } else if (leaf_depth_ != static_cast<int>(depth)) {
        throw Malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
      }
    } else if (leaf_depth_ >= 0 && static_cast<int>(depth) >= leaf_depth_) {
      throw Malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
    }
    if (dims_.size() <= depth) dims_.resize(depth + 1, -1);
    if (dims_[depth] == -1) {
      dims_[depth] = count;
    } else if (dims_[depth] != count) {
      throw Malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
    }
  }

  void ParseElement() {
    std::string value;
    bool quoted = false, escaped_any = false;
    if (Peek() == '"') {
      quoted = true;
      ++pos_;
      while (true) {
        if (pos_ >= text_.size()) throw Malformed("Unexpected end of input.");
        char c = text_[pos_++];
        if (c == '"') break;
        if (c == '\\') {
          if (pos_ >= text_.size()) throw Malformed("Unexpected end of input.");
          c = text_[pos_++];
        }
        value.push_back(c);
      }
    } else {
      // Unquoted: up to the delimiter or brace; trailing unescaped space is cut.
      size_t keep = 0;
      while (true) {
        if (pos_ >= text_.size()) throw Malformed("Unexpected end of input.");
        char c = text_[pos_];
        if (c == ',' || c == '}') break;
        if (c == '{' || c == '"') throw Unexpected(c);
        ++pos_;
        if (c == '\\') {
          if (pos_ >= text_.size()) throw Malformed("Unexpected end of input.");
          value.push_back(text_[pos_++]);
          escaped_any = true;
          keep = value.size();
          continue;
        }
        value.push_back(c);
        if (!IsArraySpace(c)) keep = value.size();
      }
      value.resize(keep);
    }
    if (!quoted && !escaped_any && value.size() == 4 && strncasecmp(value.c_str(), "NULL", 4) == 0) {
      items_.emplace_back(std::nullopt);
    } else {
      items_.emplace_back(std::move(value));
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  Type element_;
  const FormatOptions& opts_;
  std::vector<int32_t> dims_;
  int leaf_depth_ = -1;
  std::vector<std::optional<std::string>> items_;
};

void AppendQuoted(std::string_view s, std::string& out) {
  bool need = s.empty() || (s.size() == 4 && strncasecmp(s.data(), "NULL", 4) == 0);
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || IsArraySpace(c)) {
      need = true;
      break;
    }
  }
  if (!need) {
    out += s;
    return;
  }
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
}

Value ParseVector(std::string_view text, TypeId element) {
  std::vector<Value> items;
  size_t i = 0;
  while (true) {
    while (i < text.size() && IsArraySpace(text[i])) ++i;
    if (i >= text.size()) break;
    size_t start = i;
    while (i < text.size() && !IsArraySpace(text[i])) ++i;
    std::string_view token = text.substr(start, i - start);
    items.push_back(element == TypeId::kOid ? Value::Int(ParseOid(token))
                                            : Value::Int(ParseInteger(token, TypeId::kInt2)));
  }
  return MakeArray(items, 0);
}

}  // namespace

Value ParseArrayText(std::string_view text, Type t, const FormatOptions& opts) {
  if (t.id == TypeId::kInt2Vector || t.id == TypeId::kOidVector) return ParseVector(text, ArrayElementType(t.id));
  return ArrayParser(text, t, opts).Parse();
}

void AppendArrayText(const Value& v, Type t, std::string& out, const FormatOptions& opts) {
  Type element{ArrayElementType(t.id), t.typmod};
  ArrayReader r(v.as_string());
  Value item;
  if (t.id == TypeId::kInt2Vector || t.id == TypeId::kOidVector) {
    bool first = true;
    while (r.Next(item)) {
      if (!first) out.push_back(' ');
      first = false;
      if (!item.is_null()) AppendText(item, element, out, opts);
    }
    return;
  }
  if (r.ndim() == 0) {
    out += "{}";
    return;
  }
  bool decorate = false;
  for (int d = 0; d < r.ndim(); ++d) decorate |= r.lower_bound(d) != 1;
  if (decorate) {
    for (int d = 0; d < r.ndim(); ++d) {
      out += fmt::format("[{}:{}]", r.lower_bound(d), static_cast<int64_t>(r.lower_bound(d)) + r.length(d) - 1);
    }
    out.push_back('=');
  }
  // Before item n, every inner dimension whose block n completes closes and
  // reopens: n % (product of its and the deeper lengths) == 0.
  int ndim = r.ndim();
  for (int d = 0; d < ndim; ++d) out.push_back('{');
  std::string buf;
  int64_t n = 0;
  while (r.Next(item)) {
    if (n > 0) {
      int wrapped = 0;
      int64_t block = 1;
      for (int d = ndim - 1; d > 0; --d) {
        block *= r.length(d);
        if (n % block != 0) break;
        ++wrapped;
      }
      out.append(static_cast<size_t>(wrapped), '}');
      out.push_back(',');
      out.append(static_cast<size_t>(wrapped), '{');
    }
    ++n;
    if (item.is_null()) {
      out += "NULL";
    } else {
      buf.clear();
      AppendText(item, element, buf, opts);
      AppendQuoted(buf, out);
    }
  }
  for (int d = 0; d < ndim; ++d) out.push_back('}');
}

}  // namespace basalt::engine::sql
