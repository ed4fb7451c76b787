// format(fmt, VARIADIC args), after PostgreSQL 15's text_format (varlena.c):
// %[n$][-][width|*|*n$](s|I|L) and %%. An unnumbered specifier takes the
// argument after the previously used one; a `*` width takes an argument of its
// own. %s prints NULL as empty, %L as NULL, %I rejects it. Padding counts
// characters. Arguments arrive already converted to their output text.
#include <optional>
#include <string>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {
namespace {

constexpr const char* kPercentHint = "For a single \"%\" use \"%%\".";

class FormatParser {
 public:
  explicit FormatParser(std::string_view fmt) : s_(fmt) {}

  bool AtEnd() const { return i_ >= s_.size(); }
  char Cur() const { return s_[i_]; }
  size_t Pos() const { return i_; }
  void Next() { ++i_; }
  // ADVANCE_PARSE_POINTER: the specifier may not end here.
  void Advance() {
    ++i_;
    if (AtEnd()) {
      throw DbError(SqlState::kInvalidParameterValue, "unterminated format() type specifier").WithHint(kPercentHint);
    }
  }
  // text_format_parse_digits: true if digits were consumed into `n`.
  bool Digits(int& n) {
    if (Cur() < '0' || Cur() > '9') return false;
    int64_t v = 0;
    while (Cur() >= '0' && Cur() <= '9') {
      v = v * 10 + (Cur() - '0');
      if (v > INT32_MAX) throw DbError(SqlState::kNumericValueOutOfRange, "number is out of range");
      Advance();
    }
    n = static_cast<int>(v);
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

void AppendPadded(std::string& out, std::string_view s, bool left_align, int width) {
  int64_t len = width > 0 ? Utf8Length(s) : 0;
  if (left_align) {
    out += s;
    if (len < width) out.append(static_cast<size_t>(width - len), ' ');
  } else {
    if (len < width) out.append(static_cast<size_t>(width - len), ' ');
    out += s;
  }
}

void ArgZero() {
  throw DbError(SqlState::kInvalidParameterValue, "format specifies argument 0, but arguments are numbered from 1");
}

}  // namespace

// Returns the formatted text; `args` are the values' output texts (nullopt = NULL).
std::optional<std::string> SqlFormat(std::string_view fmt, const std::vector<std::optional<std::string>>& args) {
  std::string out;
  FormatParser p(fmt);
  const size_t nargs = args.size() + 1;  // PostgreSQL counts the format string as argument 0
  size_t arg = 0;
  for (; !p.AtEnd(); p.Next()) {
    if (p.Cur() != '%') {
      out += p.Cur();
      continue;
    }
    p.Advance();
    if (p.Cur() == '%') {
      out += '%';
      continue;
    }
    int argpos = -1, widthpos = -1, width = 0, n = 0;
    bool left_align = false, width_given = false;
    if (p.Digits(n)) {
      if (p.Cur() != '$') {
        width = n;
        width_given = true;
      } else {
        if (n == 0) ArgZero();
        argpos = n;
        p.Advance();
      }
    }
    if (!width_given) {
      while (p.Cur() == '-') {
        left_align = true;
        p.Advance();
      }
      if (p.Cur() == '*') {
        p.Advance();
        if (p.Digits(n)) {
          if (p.Cur() != '$') {
            throw DbError(SqlState::kInvalidParameterValue, "width argument position must be ended by \"$\"");
          }
          if (n == 0) ArgZero();
          widthpos = n;
          p.Advance();
        } else {
          widthpos = 0;
        }
      } else if (p.Digits(n)) {
        width = n;
      }
    }
    char conv = p.Cur();
    if (conv != 's' && conv != 'I' && conv != 'L') {
      std::string spec(fmt.substr(p.Pos(), Utf8CharLen(static_cast<unsigned char>(conv))));
      throw DbError(SqlState::kInvalidParameterValue, "unrecognized format() type specifier \"" + spec + "\"")
          .WithHint(kPercentHint);
    }
    if (widthpos >= 0) {
      arg = widthpos > 0 ? static_cast<size_t>(widthpos) : arg + 1;
      if (arg >= nargs) throw DbError(SqlState::kInvalidParameterValue, "too few arguments for format()");
      const auto& w = args[arg - 1];
      int64_t wv = w ? ParseInteger(*w, TypeId::kInt4) : 0;
      if (wv < 0) {
        if (wv == INT32_MIN) throw DbError(SqlState::kNumericValueOutOfRange, "number is out of range");
        left_align = true;
        wv = -wv;
      }
      width = static_cast<int>(wv);
    }
    arg = argpos > 0 ? static_cast<size_t>(argpos) : arg + 1;
    if (arg >= nargs) throw DbError(SqlState::kInvalidParameterValue, "too few arguments for format()");
    const auto& v = args[arg - 1];
    if (!v) {
      if (conv == 'I') {
        throw DbError(SqlState::kNullValueNotAllowed, "null values cannot be formatted as an SQL identifier");
      }
      AppendPadded(out, conv == 'L' ? "NULL" : "", left_align, width);
      continue;
    }
    if (conv == 's') AppendPadded(out, *v, left_align, width);
    else if (conv == 'I') AppendPadded(out, QuoteIdentText(*v), left_align, width);
    else AppendPadded(out, QuoteLiteralText(*v), left_align, width);
  }
  return out;
}

}  // namespace basalt::engine::sql
