// engine/sql/types/numeric_io.cpp
//
// Numeric's external forms: text (PostgreSQL 15's numeric_in/numeric_out and
// set_var_from_str), typmod coercion (apply_typmod, apply_typmod_special),
// float conversions (float8_numeric, numeric_float8 via float8in), and Basalt's
// own storage and key encodings.
//
// Storage form (Serialize): one sign byte (0 +, 1 -, 2 NaN, 3 +Inf, 4 -Inf); a
// finite value continues with varint(zigzag(weight)), varint(dscale) and its
// base-10000 digits as big-endian uint16s. Values are always stripped.
//
// Key form (AppendKey), memcmp-ordered like Compare:
//   -Inf 0x01 | negative 0x02 | zero 0x03 | positive 0x04 | +Inf 0x05 | NaN 0x06
// A positive value continues with uint16 BE (weight + 0x8000), then each digit d
// as uint16 BE (d + 1), then 0x0000: the terminator sorts below any digit, so a
// value that is a digit-prefix of another (1 vs 1.5) sorts first, and bytes of a
// following key column never take part in the comparison. Negative values store
// the bitwise complement of all of that (terminator 0xFFFF), reversing the order.
// dscale is not encoded, so equal values (1.0, 1.00) have equal keys.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/numeric.hpp"

namespace basalt::engine::sql {
namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

[[noreturn]] void ThrowSyntax(std::string_view text) {
  throw DbError(SqlState::kInvalidTextRepresentation,
                fmt::format("invalid input syntax for type numeric: \"{}\"", text));
}

[[noreturn]] void ThrowOverflow() {
  throw DbError(SqlState::kNumericValueOutOfRange, "value overflows numeric format");
}

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[pos + i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// set_var_from_str: parses a decimal number starting at `pos`, stopping at the
// first character that can't continue it; *end receives that position.
NumericVar ParseDecimal(std::string_view text, size_t pos, size_t* end) {
  const size_t n = text.size();
  size_t cp = pos;
  NumericSign sign = NumericSign::kPos;
  if (cp < n && (text[cp] == '+' || text[cp] == '-')) {
    if (text[cp] == '-') sign = NumericSign::kNeg;
    ++cp;
  }
  bool have_dp = false;
  if (cp < n && text[cp] == '.') {
    have_dp = true;
    ++cp;
  }
  if (cp >= n || !IsDigit(text[cp])) ThrowSyntax(text);

  // Decimal digits with kDecDigits zeros of leading padding (for alignment) and
  // room for kDecDigits - 1 of trailing padding; short inputs stay on the stack.
  uint8_t small[128];
  std::vector<uint8_t> large;
  uint8_t* dec = small;
  if (n - cp + 2 * kDecDigits > sizeof small) {
    large.resize(n - cp + 2 * kDecDigits);
    dec = large.data();
  }
  size_t len = kDecDigits;
  std::fill(dec, dec + kDecDigits, 0);
  int dweight = -1;
  int64_t dscale = 0;
  while (cp < n) {
    char c = text[cp];
    if (IsDigit(c)) {
      dec[len++] = static_cast<uint8_t>(c - '0');
      if (!have_dp) {
        dweight++;
      } else {
        dscale++;
      }
      ++cp;
    } else if (c == '.') {
      if (have_dp) ThrowSyntax(text);
      have_dp = true;
      ++cp;
    } else {
      break;
    }
  }
  const int ddigits = static_cast<int>(len) - kDecDigits;
  std::fill(dec + len, dec + len + kDecDigits - 1, 0);  // trailing padding

  if (cp < n && (text[cp] == 'e' || text[cp] == 'E')) {
    ++cp;
    // The exponent is read with strtol: leading whitespace and a sign are allowed.
    size_t ep = cp;
    while (ep < n && IsSpace(text[ep])) ++ep;
    bool neg = false;
    if (ep < n && (text[ep] == '+' || text[ep] == '-')) neg = text[ep++] == '-';
    if (ep >= n || !IsDigit(text[ep])) ThrowSyntax(text);
    int64_t exponent = 0;
    while (ep < n && IsDigit(text[ep])) {
      if (exponent < INT64_MAX / 100) exponent = exponent * 10 + (text[ep] - '0');
      ++ep;
    }
    cp = ep;
    if (neg) exponent = -exponent;
    if (exponent >= INT_MAX / 2 || exponent <= -(INT_MAX / 2)) ThrowOverflow();
    dweight += static_cast<int>(exponent);
    dscale -= exponent;
    if (dscale < 0) dscale = 0;
  }
  if (dscale > INT_MAX / 2) ThrowOverflow();

  // Convert the decimal digits to base NBASE: offset decimal zeros go before
  // the first digit so the first NBASE digit is aligned.
  int weight;
  if (dweight >= 0) {
    weight = (dweight + 1 + kDecDigits - 1) / kDecDigits - 1;
  } else {
    weight = -((-dweight - 1) / kDecDigits + 1);
  }
  const int offset = (weight + 1) * kDecDigits - (dweight + 1);
  const int ndigits = (ddigits + offset + kDecDigits - 1) / kDecDigits;
  NumericVar v;
  v.sign = sign;
  v.weight = weight;
  v.dscale = static_cast<int>(dscale);
  v.digits.resize(ndigits);
  size_t i = static_cast<size_t>(kDecDigits - offset);
  for (int k = 0; k < ndigits; ++k, i += kDecDigits) {
    v.digits[k] = static_cast<NumericDigit>(((dec[i] * 10 + dec[i + 1]) * 10 + dec[i + 2]) * 10 + dec[i + 3]);
  }
  StripVar(v);
  *end = cp;
  return v;
}

void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

[[noreturn]] void ThrowCorrupt() { throw DbError(SqlState::kDataCorrupted, "invalid stored numeric value"); }

uint64_t GetVarint(std::string_view in, size_t* pos) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (*pos >= in.size()) ThrowCorrupt();
    uint8_t b = static_cast<uint8_t>(in[(*pos)++]);
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
  ThrowCorrupt();
}

void PutU16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v & 0xff));
}

[[noreturn]] void ThrowFieldOverflow(int precision, int scale, std::string_view tail) {
  throw DbError(SqlState::kNumericValueOutOfRange, "numeric field overflow")
      .WithDetail(fmt::format("A field with precision {}, scale {} {}", precision, scale, tail));
}

}  // namespace

// numeric_in
Numeric Numeric::Parse(std::string_view text) {
  const size_t n = text.size();
  size_t cp = 0;
  while (cp < n && IsSpace(text[cp])) ++cp;
  NumericVar v;
  // The same spellings float8in accepts, checked in PostgreSQL's order.
  if (StartsWithNoCase(text, cp, "NaN")) {
    v.sign = NumericSign::kNaN;
    cp += 3;
  } else if (StartsWithNoCase(text, cp, "Infinity")) {
    v.sign = NumericSign::kPosInf;
    cp += 8;
  } else if (StartsWithNoCase(text, cp, "+Infinity")) {
    v.sign = NumericSign::kPosInf;
    cp += 9;
  } else if (StartsWithNoCase(text, cp, "-Infinity")) {
    v.sign = NumericSign::kNegInf;
    cp += 9;
  } else if (StartsWithNoCase(text, cp, "inf")) {
    v.sign = NumericSign::kPosInf;
    cp += 3;
  } else if (StartsWithNoCase(text, cp, "+inf")) {
    v.sign = NumericSign::kPosInf;
    cp += 4;
  } else if (StartsWithNoCase(text, cp, "-inf")) {
    v.sign = NumericSign::kNegInf;
    cp += 4;
  } else {
    v = ParseDecimal(text, cp, &cp);
  }
  // Trailing junk is a syntax error, reported before any overflow.
  while (cp < n) {
    if (!IsSpace(text[cp])) ThrowSyntax(text);
    ++cp;
  }
  return FromVar(std::move(v));
}

// numeric_out
std::string Numeric::ToString() const {
  switch (var_.sign) {
    case NumericSign::kNaN: return "NaN";
    case NumericSign::kPosInf: return "Infinity";
    case NumericSign::kNegInf: return "-Infinity";
    default: return VarToString(var_, var_.dscale);
  }
}

// apply_typmod and apply_typmod_special
Numeric Numeric::ApplyTypmod(int32_t typmod) const {
  if (typmod < 4 || IsNaN()) return *this;
  const int precision = ((typmod - 4) >> 16) & 0xffff;
  const int scale = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
  if (IsInfinite()) ThrowFieldOverflow(precision, scale, "cannot hold an infinite value.");
  const int maxdigits = precision - scale;
  NumericVar v = var_;
  RoundVar(v, scale);
  if (v.dscale < 0) v.dscale = 0;
  int ddigits = (v.weight + 1) * kDecDigits;
  if (ddigits > maxdigits) {
    for (int i = 0; i < v.ndigits(); ++i) {
      NumericDigit dig = v.digits[i];
      if (dig) {
        // Discount the first digit's leading decimal zeros.
        if (dig < 10) {
          ddigits -= 3;
        } else if (dig < 100) {
          ddigits -= 2;
        } else if (dig < 1000) {
          ddigits -= 1;
        }
        if (ddigits > maxdigits) {
          ThrowFieldOverflow(precision, scale,
                             fmt::format("must round to an absolute value less than {}{}.", maxdigits ? "10^" : "",
                                         maxdigits ? maxdigits : 1));
        }
        break;
      }
      ddigits -= kDecDigits;
    }
  }
  return FromVar(std::move(v));
}

// float8_numeric: "%.15g" (DBL_DIG digits), then parsed.
Numeric Numeric::FromDouble(double v) {
  if (std::isnan(v)) return NaN();
  if (std::isinf(v)) return v < 0 ? NegativeInfinity() : PositiveInfinity();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", DBL_DIG, v);
  size_t end;
  return FromVar(ParseDecimal(buf, 0, &end));
}

// float4_numeric: "%.6g" (FLT_DIG digits).
Numeric Numeric::FromFloat(float v) {
  if (std::isnan(v)) return NaN();
  if (std::isinf(v)) return v < 0 ? NegativeInfinity() : PositiveInfinity();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", FLT_DIG, static_cast<double>(v));
  size_t end;
  return FromVar(ParseDecimal(buf, 0, &end));
}

// numeric_float8: float8in applied to numeric_out's text.
double Numeric::ToDouble() const {
  switch (var_.sign) {
    case NumericSign::kNaN: return std::nan("");
    case NumericSign::kPosInf: return HUGE_VAL;
    case NumericSign::kNegInf: return -HUGE_VAL;
    default: break;
  }
  std::string text = ToString();
  errno = 0;
  double val = std::strtod(text.c_str(), nullptr);
  // ERANGE with a denormal result is fine; only zero or infinity is out of range.
  if (errno == ERANGE && (val == 0.0 || val >= HUGE_VAL || val <= -HUGE_VAL)) {
    throw DbError(SqlState::kNumericValueOutOfRange,
                  fmt::format("\"{}\" is out of range for type double precision", text));
  }
  return val;
}

// numeric_float4: float4in applied to numeric_out's text.
float Numeric::ToFloat() const {
  switch (var_.sign) {
    case NumericSign::kNaN: return std::nanf("");
    case NumericSign::kPosInf: return HUGE_VALF;
    case NumericSign::kNegInf: return -HUGE_VALF;
    default: break;
  }
  std::string text = ToString();
  errno = 0;
  float val = std::strtof(text.c_str(), nullptr);
  if (errno == ERANGE && (val == 0.0f || val >= HUGE_VALF || val <= -HUGE_VALF)) {
    throw DbError(SqlState::kNumericValueOutOfRange, fmt::format("\"{}\" is out of range for type real", text));
  }
  return val;
}

std::string Numeric::Serialize() const {
  std::string out;
  out.reserve(4 + 2 * static_cast<size_t>(var_.ndigits()));
  out.push_back(static_cast<char>(var_.sign));
  if (var_.IsSpecial()) return out;
  int64_t w = var_.weight;
  PutVarint(out, static_cast<uint64_t>((w << 1) ^ (w >> 63)));
  PutVarint(out, static_cast<uint64_t>(var_.dscale));
  for (int i = 0; i < var_.ndigits(); ++i) PutU16(out, static_cast<uint16_t>(var_.digits[i]));
  return out;
}

Numeric Numeric::Deserialize(std::string_view bytes) {
  if (bytes.empty()) ThrowCorrupt();
  uint8_t s = static_cast<uint8_t>(bytes[0]);
  if (s > static_cast<uint8_t>(NumericSign::kNegInf)) ThrowCorrupt();
  NumericVar v;
  v.sign = static_cast<NumericSign>(s);
  if (v.IsSpecial()) {
    if (bytes.size() != 1) ThrowCorrupt();
    return FromVar(std::move(v));
  }
  size_t pos = 1;
  uint64_t zw = GetVarint(bytes, &pos);
  int64_t weight = static_cast<int64_t>(zw >> 1) ^ -static_cast<int64_t>(zw & 1);
  uint64_t dscale = GetVarint(bytes, &pos);
  if (weight < kNumericWeightMin || weight > kNumericWeightMax || dscale > kNumericDscaleMax) ThrowCorrupt();
  if ((bytes.size() - pos) % 2 != 0) ThrowCorrupt();
  v.weight = static_cast<int>(weight);
  v.dscale = static_cast<int>(dscale);
  const int nd = static_cast<int>((bytes.size() - pos) / 2);
  v.digits.resize(nd);
  for (int i = 0; i < nd; ++i, pos += 2) {
    int d = (static_cast<uint8_t>(bytes[pos]) << 8) | static_cast<uint8_t>(bytes[pos + 1]);
    if (d >= kNBase) ThrowCorrupt();
    v.digits[i] = static_cast<NumericDigit>(d);
  }
  return FromVar(std::move(v));
}

void Numeric::AppendKey(std::string& out) const {
  switch (var_.sign) {
    case NumericSign::kNegInf: out.push_back(0x01); return;
    case NumericSign::kPosInf: out.push_back(0x05); return;
    case NumericSign::kNaN: out.push_back(0x06); return;
    default: break;
  }
  if (var_.IsZero()) {
    out.push_back(0x03);
    return;
  }
  const bool neg = var_.sign == NumericSign::kNeg;
  const uint16_t mask = neg ? 0xFFFF : 0;
  out.push_back(neg ? 0x02 : 0x04);
  PutU16(out, static_cast<uint16_t>((var_.weight + 0x8000) ^ mask));
  for (int i = 0; i < var_.ndigits(); ++i) PutU16(out, static_cast<uint16_t>((var_.digits[i] + 1) ^ mask));
  PutU16(out, mask);
}

size_t Numeric::Hash() const {
  // FNV-1a over sign, weight and digits: dscale and stripped zeros don't count.
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](uint64_t x) {
    for (int i = 0; i < 8; ++i) {
      h ^= (x >> (8 * i)) & 0xff;
      h *= 1099511628211ULL;
    }
  };
  mix(static_cast<uint64_t>(var_.sign));
  if (var_.IsSpecial() || var_.IsZero()) return static_cast<size_t>(h);
  mix(static_cast<uint64_t>(static_cast<int64_t>(var_.weight)));
  for (int i = 0; i < var_.ndigits(); ++i) mix(static_cast<uint64_t>(var_.digits[i]));
  return static_cast<size_t>(h);
}

}  // namespace basalt::engine::sql
