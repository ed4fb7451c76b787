// Float text I/O. Sources: PostgreSQL 15 src/backend/utils/adt/float.c
// (float8in_internal, float8out_internal, float4in, float4out) and
// src/common/d2s.c / f2s.c (the fixed/exponential thresholds of to_chars).
#include "engine/sql/types/float_format.hpp"

#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <locale.h>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql {
namespace {

bool AppendSpecial(double v, std::string& out) {
  if (std::isnan(v)) {
    out += "NaN";
    return true;
  }
  if (std::isinf(v)) {
    out += v < 0 ? "-Infinity" : "Infinity";
    return true;
  }
  return false;
}

// Lays out to_chars' shortest scientific output ("-1.2345e+20") the way
// PostgreSQL's Ryu to_chars does; fixed notation for exponents in
// [-4, fixed_limit).
void LayoutShortest(const char* sci, size_t len, int fixed_limit, std::string& out) {
  std::string_view s(sci, len);
  bool negative = s.front() == '-';
  if (negative) s.remove_prefix(1);
  size_t e = s.find('e');
  std::string digits;
  for (char c : s.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exp = std::atoi(std::string(s.substr(e + 1)).c_str());
  if (negative) out += '-';
  int olength = static_cast<int>(digits.size());
  if (exp >= -4 && exp < fixed_limit) {
    if (exp < 0) {
      out += "0.";
      out.append(-exp - 1, '0');
      out += digits;
    } else if (olength <= exp + 1) {
      out += digits;
      out.append(exp + 1 - olength, '0');
    } else {
      out.append(digits, 0, exp + 1);
      out += '.';
      out.append(digits, exp + 1, std::string::npos);
    }
    return;
  }
  out += digits[0];
  if (olength > 1) {
    out += '.';
    out.append(digits, 1, std::string::npos);
  }
  out += 'e';
  out += exp < 0 ? '-' : '+';
  int a = std::abs(exp);
  if (a < 10) out += '0';
  out += std::to_string(a);
}

void AppendPrintfG(double v, int ndigits, std::string& out) {
  if (ndigits < 1) ndigits = 1;
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%.*g", ndigits, v);
  out.append(buf, n);
}

locale_t CLocale() {
  static locale_t loc = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
  return loc;
}

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool StartsWithNoCase(const char* s, const char* prefix) { return strncasecmp(s, prefix, std::strlen(prefix)) == 0; }

// float8in_internal's structure: run strtod; only if it fails look for
// NaN/Infinity ourselves; then allow trailing whitespace only.
template <typename T>
double ParseFloat(std::string_view text, const char* type_name) {
  std::string buf(text);
  const char* num = buf.c_str();
  auto syntax = [&]() {
    return DbError(SqlState::kInvalidTextRepresentation,
                   fmt::format("invalid input syntax for type {}: \"{}\"", type_name, text));
  };
  while (*num && IsSpace(*num)) ++num;
  if (*num == '\0') throw syntax();

  char* endptr = nullptr;
  errno = 0;
  T val;
  if constexpr (std::is_same_v<T, float>) {
    val = strtof_l(num, &endptr, CLocale());
  } else {
    val = strtod_l(num, &endptr, CLocale());
  }
  if (endptr == num || errno != 0) {
    int save_errno = errno;
    if (StartsWithNoCase(num, "NaN")) {
      val = NAN;
      endptr = const_cast<char*>(num) + 3;
    } else if (StartsWithNoCase(num, "Infinity")) {
      val = INFINITY;
      endptr = const_cast<char*>(num) + 8;
    } else if (StartsWithNoCase(num, "+Infinity")) {
      val = INFINITY;
      endptr = const_cast<char*>(num) + 9;
    } else if (StartsWithNoCase(num, "-Infinity")) {
      val = -INFINITY;
      endptr = const_cast<char*>(num) + 9;
    } else if (StartsWithNoCase(num, "inf")) {
      val = INFINITY;
      endptr = const_cast<char*>(num) + 3;
    } else if (StartsWithNoCase(num, "+inf")) {
      val = INFINITY;
      endptr = const_cast<char*>(num) + 4;
    } else if (StartsWithNoCase(num, "-inf")) {
      val = -INFINITY;
      endptr = const_cast<char*>(num) + 4;
    } else if (save_errno == ERANGE) {
      // Denormals set ERANGE too but are accepted; only true underflow to
      // zero and overflow to infinity are errors.
      if (val == 0 || std::isinf(val)) {
        // float8in quotes only the number it parsed; float4in quotes the whole input.
        std::string_view quoted = std::is_same_v<T, float> ? text : std::string_view(num, endptr - num);
        throw DbError(SqlState::kNumericValueOutOfRange,
                      fmt::format("\"{}\" is out of range for type {}", quoted, type_name));
      }
    } else {
      throw syntax();
    }
  }
  while (*endptr && IsSpace(*endptr)) ++endptr;
  if (*endptr != '\0') throw syntax();
  return static_cast<double>(val);
}

}  // namespace

void FormatFloat8(double v, int extra_float_digits, std::string& out) {
  if (AppendSpecial(v, out)) return;
  if (extra_float_digits > 0) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    LayoutShortest(buf, res.ptr - buf, 15, out);
    return;
  }
  AppendPrintfG(v, DBL_DIG + extra_float_digits, out);
}

void FormatFloat4(float v, int extra_float_digits, std::string& out) {
  if (AppendSpecial(v, out)) return;
  if (extra_float_digits > 0) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    LayoutShortest(buf, res.ptr - buf, 6, out);
    return;
  }
  AppendPrintfG(static_cast<double>(v), FLT_DIG + extra_float_digits, out);
}

double ParseFloat8(std::string_view text) { return ParseFloat<double>(text, "double precision"); }

double ParseFloat4(std::string_view text) { return ParseFloat<float>(text, "real"); }

}  // namespace basalt::engine::sql
