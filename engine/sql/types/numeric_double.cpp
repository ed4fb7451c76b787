// numeric over a double (see numeric_double.hpp). The decimal work happens on DecimalDigits, a digit
// string with a decimal-point position, so that rounding and printing follow
// the decimal value the user wrote rather than its nearest binary double.
#include "engine/sql/types/numeric_double.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

// value = (negative ? -1 : 1) * 0.<digits> * 10^weight; digits has no leading or
// trailing zeros and is empty for zero.
struct DecimalDigits {
  bool negative = false;
  std::string digits;
  int weight = 0;
};

DecimalDigits ToDecimal(double v, int significant) {
  DecimalDigits d;
  d.negative = std::signbit(v);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", significant - 1, std::fabs(v));
  const char* e = std::strchr(buf, 'e');
  for (const char* p = buf; p < e; ++p) {
    if (*p != '.') d.digits += *p;
  }
  d.weight = std::atoi(e + 1) + 1;
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  size_t lead = d.digits.find_first_not_of('0');
  if (lead == std::string::npos) {
    d.digits.clear();
    d.weight = 0;
  }
  return d;
}

// Keeps `scale` digits after the decimal point, rounding half away from zero.
void RoundDecimal(DecimalDigits& d, int scale) {
  int keep = d.weight + scale;
  if (keep >= static_cast<int>(d.digits.size())) return;
  if (keep < 0) {
    d.digits.clear();
    d.weight = 0;
    return;
  }
  bool up = d.digits[keep] >= '5';
  d.digits.resize(keep);
  if (up) {
    int i = keep - 1;
    while (i >= 0 && d.digits[i] == '9') d.digits[i--] = '0';
    if (i < 0) {
      d.digits.insert(d.digits.begin(), '1');
      d.weight += 1;
    } else {
      d.digits[i] += 1;
    }
  }
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) d.weight = 0;
}

double FromDecimal(const DecimalDigits& d) {
  if (d.digits.empty()) return 0.0;
  std::string s = d.negative ? "-0." : "0.";
  s += d.digits;
  s += "e" + std::to_string(d.weight);
  return std::strtod(s.c_str(), nullptr);
}

// Positional text with exactly `frac` digits after the point (none if 0).
void AppendPositional(const DecimalDigits& d, int frac, std::string& out) {
  if (d.negative && !d.digits.empty()) out += '-';
  int n = static_cast<int>(d.digits.size());
  auto digit_at = [&](int pos) -> char {  // pos 0 = first digit after 0.
    return pos >= 0 && pos < n ? d.digits[pos] : '0';
  };
  if (d.weight <= 0) {
    out += '0';
  } else {
    for (int i = 0; i < d.weight; ++i) out += digit_at(i);
  }
  if (frac > 0) {
    out += '.';
    for (int i = 0; i < frac; ++i) out += digit_at(d.weight + i);
  }
}

[[noreturn]] void ThrowFieldOverflow(int precision, int scale, std::string detail_tail) {
  throw DbError(SqlState::kNumericValueOutOfRange, "numeric field overflow")
      .WithDetail(fmt::format("A field with precision {}, scale {} {}", precision, scale, detail_tail));
}

[[noreturn]] void ThrowSyntax(std::string_view text) {
  throw DbError(SqlState::kInvalidTextRepresentation,
                fmt::format("invalid input syntax for type numeric: \"{}\"", text));
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

double ApplyNumericTypmod(double v, int32_t typmod) {
  if (typmod < kVarHdrSz || std::isnan(v)) return v;
  int precision = NumericTypmodPrecision(typmod);
  int scale = NumericTypmodScale(typmod);
  if (std::isinf(v)) ThrowFieldOverflow(precision, scale, "cannot hold an infinite value.");
  DecimalDigits d = ToDecimal(v, 15);
  RoundDecimal(d, scale);
  int max_digits = precision - scale;
  if (!d.digits.empty() && d.weight > max_digits) {
    ThrowFieldOverflow(precision, scale,
                       max_digits ? fmt::format("must round to an absolute value less than 10^{}.", max_digits)
                                  : std::string("must round to an absolute value less than 1."));
  }
  return FromDecimal(d);
}

double RoundNumericHalfAway(double v) {
  if (!std::isfinite(v)) return v;
  DecimalDigits d = ToDecimal(v, 15);
  RoundDecimal(d, 0);
  return FromDecimal(d);
}

void FormatNumeric(double v, int32_t typmod, std::string& out) {
  if (std::isnan(v)) {
    out += "NaN";
    return;
  }
  if (std::isinf(v)) {
    out += v < 0 ? "-Infinity" : "Infinity";
    return;
  }
  DecimalDigits d = ToDecimal(v, 15);
  int frac;
  if (typmod >= kVarHdrSz) {
    int scale = NumericTypmodScale(typmod);
    RoundDecimal(d, scale);
    frac = scale > 0 ? scale : 0;
  } else {
    frac = std::max(0, static_cast<int>(d.digits.size()) - d.weight);
  }
  AppendPositional(d, frac, out);
}

double ParseNumeric(std::string_view text) {
  size_t i = 0, n = text.size();
  while (i < n && IsSpace(text[i])) ++i;
  std::string_view rest = text.substr(i);
  size_t consumed = 0;
  double special = 0;
  bool have_special = false;
  // numeric_in checks NaN before any sign, then [+-]Infinity/inf.
  if (StartsWithNoCase(rest, "nan")) {
    special = NAN;
    consumed = 3;
    have_special = true;
  } else {
    size_t s = 0;
    bool neg = false;
    if (s < rest.size() && (rest[s] == '+' || rest[s] == '-')) neg = rest[s++] == '-';
    std::string_view body = rest.substr(s);
    if (StartsWithNoCase(body, "infinity")) {
      consumed = s + 8;
      have_special = true;
    } else if (StartsWithNoCase(body, "inf")) {
      consumed = s + 3;
      have_special = true;
    }
    if (have_special) special = neg ? -INFINITY : INFINITY;
  }
  if (have_special) {
    size_t j = i + consumed;
    while (j < n && IsSpace(text[j])) ++j;
    if (j != n) ThrowSyntax(text);
    return special;
  }

  // [+-] digits [. digits] [e [+-] digits], at least one mantissa digit.
  size_t j = i;
  if (j < n && (text[j] == '+' || text[j] == '-')) ++j;
  bool have_digits = false;
  while (j < n && std::isdigit(static_cast<unsigned char>(text[j]))) ++j, have_digits = true;
  if (j < n && text[j] == '.') {
    ++j;
    while (j < n && std::isdigit(static_cast<unsigned char>(text[j]))) ++j, have_digits = true;
  }
  if (!have_digits) ThrowSyntax(text);
  if (j < n && (text[j] == 'e' || text[j] == 'E')) {
    ++j;
    if (j < n && (text[j] == '+' || text[j] == '-')) ++j;
    bool exp_digits = false;
    while (j < n && std::isdigit(static_cast<unsigned char>(text[j]))) ++j, exp_digits = true;
    if (!exp_digits) ThrowSyntax(text);
  }
  size_t end = j;
  while (j < n && IsSpace(text[j])) ++j;
  if (j != n) ThrowSyntax(text);

  std::string number(text.substr(i, end - i));
  double v = std::strtod(number.c_str(), nullptr);
  if (std::isinf(v)) {
    // TODO(types): the real decimal type holds up to 131072 digits; a double cannot.
    throw DbError(SqlState::kNumericValueOutOfRange, "value overflows numeric format");
  }
  if (v == 0.0) v = 0.0;  // numeric has no negative zero
  return v;
}

double NumericModulo(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return std::fmod(x, y);
  DecimalDigits dx = ToDecimal(x, 15), dy = ToDecimal(y, 15);
  auto frac = [](const DecimalDigits& d) { return std::max(0, static_cast<int>(d.digits.size()) - d.weight); };
  int scale = std::max(frac(dx), frac(dy));
  // Both operands as integers scaled by 10^scale, if that fits in 128 bits.
  auto scaled = [&](const DecimalDigits& d, unsigned __int128& out) {
    if (d.digits.empty()) {
      out = 0;
      return true;
    }
    int ndigits = d.weight + scale;
    if (ndigits > 38) return false;
    out = 0;
    for (int i = 0; i < ndigits; ++i) {
      out = out * 10 + (i < static_cast<int>(d.digits.size()) ? d.digits[i] - '0' : 0);
    }
    return true;
  };
  unsigned __int128 ix, iy;
  if (!scaled(dx, ix) || !scaled(dy, iy) || iy == 0) return std::fmod(x, y);
  unsigned __int128 r = ix % iy;
  std::string text;
  do {
    text.insert(text.begin(), static_cast<char>('0' + static_cast<int>(r % 10)));
    r /= 10;
  } while (r != 0);
  double result = std::strtod((text + "e-" + std::to_string(scale)).c_str(), nullptr);
  if (result == 0.0) return 0.0;
  return dx.negative ? -result : result;
}

double NumericFromFloat8(double v) {
  if (!std::isfinite(v)) return v;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  double r = std::strtod(buf, nullptr);
  return r == 0.0 ? 0.0 : r;
}

double NumericFromFloat4(double v) {
  if (!std::isfinite(v)) return v;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", static_cast<double>(static_cast<float>(v)));
  double r = std::strtod(buf, nullptr);
  return r == 0.0 ? 0.0 : r;
}

}  // namespace basalt::engine::sql
