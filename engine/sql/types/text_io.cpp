// Input and output functions. Sources: PostgreSQL 15 src/backend/utils/adt/
// bool.c (boolin, parse_bool_with_len), numutils.c (pg_strtoint16/32/64),
// oid.c (oidin_subr), varchar.c, name.c, pseudotypes.c (void_in/void_out);
// numeric_in/numeric_out live in Numeric (numeric_io.cpp), the date/time
// types' in datetime_text.cpp.
#include "engine/sql/types/text_io.hpp"

#include "engine/sql/types/acl_item.hpp"
#include "engine/sql/types/reg_types.hpp"
#include "engine/sql/types/regclass.hpp"

#include "engine/sql/types/datetime_ops.hpp"

#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdlib>
#include <limits>
#include <strings.h>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/enum_type.hpp"
#include "engine/sql/types/array_text.hpp"
#include "engine/sql/types/bytea_text.hpp"
#include "engine/sql/types/float_format.hpp"
#include "engine/sql/types/json_value.hpp"
#include "engine/sql/types/uuid_text.hpp"
#include "engine/sql/types/numeric_value.hpp"
#include "engine/sql/types/string_coerce.hpp"

namespace basalt::engine::sql {
namespace {

// PostgreSQL uses isspace() in the C locale.
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view IntegerTypeName(TypeId id) {
  switch (id) {
    case TypeId::kInt2: return "smallint";
    case TypeId::kInt4: return "integer";
    default: return "bigint";
  }
}

// parse_bool_with_len: `s` is already trimmed.
std::optional<bool> ParseBoolWord(std::string_view s) {
  if (s.empty()) return std::nullopt;
  auto prefix_of = [&](const char* word, size_t min_len) {
    return s.size() >= min_len && strncasecmp(s.data(), word, s.size()) == 0 &&
           s.size() <= std::char_traits<char>::length(word);
  };
  switch (s[0]) {
    case 't': case 'T': if (prefix_of("true", 1)) return true; break;
    case 'f': case 'F': if (prefix_of("false", 1)) return false; break;
    case 'y': case 'Y': if (prefix_of("yes", 1)) return true; break;
    case 'n': case 'N': if (prefix_of("no", 1)) return false; break;
    case 'o': case 'O':
      // "o" alone is ambiguous between on and off.
      if (prefix_of("on", 2)) return true;
      if (prefix_of("off", 2)) return false;
      break;
    case '1': if (s.size() == 1) return true; break;
    case '0': if (s.size() == 1) return false; break;
    default: break;
  }
  return std::nullopt;
}

}  // namespace

bool ParseBool(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && IsSpace(text[b])) ++b;
  while (e > b && IsSpace(text[e - 1])) --e;
  if (auto r = ParseBoolWord(text.substr(b, e - b))) return *r;
  throw DbError(SqlState::kInvalidTextRepresentation,
                fmt::format("invalid input syntax for type boolean: \"{}\"", text));
}

int64_t ParseInteger(std::string_view text, TypeId id) {
  int64_t min, max;
  switch (id) {
    case TypeId::kInt2: min = INT16_MIN, max = INT16_MAX; break;
    case TypeId::kInt4: min = INT32_MIN, max = INT32_MAX; break;
    default: min = INT64_MIN, max = INT64_MAX; break;
  }
  auto syntax = [&]() {
    return DbError(SqlState::kInvalidTextRepresentation,
                   fmt::format("invalid input syntax for type {}: \"{}\"", IntegerTypeName(id), text));
  };
  auto range = [&]() {
    return DbError(SqlState::kNumericValueOutOfRange,
                   fmt::format("value \"{}\" is out of range for type {}", text, IntegerTypeName(id)));
  };
  size_t i = 0, n = text.size();
  while (i < n && IsSpace(text[i])) ++i;
  bool neg = false;
  if (i < n && (text[i] == '-' || text[i] == '+')) neg = text[i++] == '-';
  if (i >= n || !IsDigit(text[i])) throw syntax();
  // Accumulate negatively like pg_strtoint*, so the minimum value fits; overflow
  // is reported even if junk follows, as PostgreSQL does.
  int64_t acc = 0;
  while (i < n && IsDigit(text[i])) {
    int digit = text[i++] - '0';
    if (__builtin_mul_overflow(acc, 10, &acc) || __builtin_sub_overflow(acc, digit, &acc) || acc < min) {
      throw range();
    }
  }
  while (i < n && IsSpace(text[i])) ++i;
  if (i != n) throw syntax();
  if (!neg) {
    if (acc < -max) throw range();
    acc = -acc;
  }
  return acc;
}

uint32_t ParseOid(std::string_view text) {
  auto syntax = [&]() {
    return DbError(SqlState::kInvalidTextRepresentation,
                   fmt::format("invalid input syntax for type oid: \"{}\"", text));
  };
  auto range = [&]() {
    return DbError(SqlState::kNumericValueOutOfRange,
                   fmt::format("value \"{}\" is out of range for type oid", text));
  };
  std::string buf(text);
  const char* s = buf.c_str();
  if (*s == '\0') throw syntax();
  char* end = nullptr;
  errno = 0;
  unsigned long cvt = std::strtoul(s, &end, 10);
  if (errno && errno != ERANGE && errno != EINVAL) throw syntax();
  if (end == s) throw syntax();
  if (errno == ERANGE) throw range();
  while (*end && IsSpace(*end)) ++end;
  if (*end) throw syntax();
  // strtoul accepts a sign and wraps; PostgreSQL accepts both the unsigned and
  // the signed 32-bit range ('-1'::oid = 4294967295).
  uint32_t result = static_cast<uint32_t>(cvt);
  if (cvt != static_cast<unsigned long>(result) &&
      cvt != static_cast<unsigned long>(static_cast<long>(static_cast<int32_t>(result)))) {
    throw range();
  }
  return result;
}

// Without explicit options, date/time input follows the settings the session
// installed on this thread (TimeZone, DateStyle order, transaction time).
Value ParseText(std::string_view text, Type t) {
  FormatOptions opts;
  opts.datetime = datetime::ThreadDateTimeSettings();
  return ParseText(text, t, opts);
}

Value ParseText(std::string_view text, Type t, const FormatOptions& opts) {
  namespace dt = datetime;
  if (IsArrayType(t.id)) return ParseArrayText(text, t, opts);
  switch (t.id) {
    case TypeId::kEnum: return ParseEnum(text, t);
    case TypeId::kDate: return Value::Int(dt::ParseDate(text, opts.datetime));
    case TypeId::kTime: return Value::Int(dt::ParseTime(text, t.typmod, opts.datetime));
    case TypeId::kTimeTz: return dt::TimeTzToValue(dt::ParseTimeTz(text, t.typmod, opts.datetime));
    case TypeId::kTimestamp: return Value::Int(dt::ParseTimestamp(text, t.typmod, opts.datetime));
    case TypeId::kTimestampTz: return Value::Int(dt::ParseTimestampTz(text, t.typmod, opts.datetime));
    case TypeId::kInterval: return dt::IntervalToValue(dt::ParseInterval(text, t.typmod));
    case TypeId::kBool: return Value::Bool(ParseBool(text));
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8: return Value::Int(ParseInteger(text, t.id));
    case TypeId::kOid: return Value::Int(ParseOid(text));
    case TypeId::kRegclass: return Value::Int(RegclassIn(text));
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole:
      return Value::Int(RegObjectIn(t.id, text));
    case TypeId::kAclItem: return Value::String(ParseAclItem(text));
    case TypeId::kFloat4: return Value::Float(ParseFloat4(text));
    case TypeId::kFloat8: return Value::Float(ParseFloat8(text));
    case TypeId::kNumeric: return NumericToValue(Numeric::Parse(text).ApplyTypmod(t.typmod));
    case TypeId::kText:
    case TypeId::kUnknown: return Value::String(text);
    case TypeId::kVarchar: return Value::String(CoerceVarchar(text, t.typmod, false));
    case TypeId::kBpchar: return Value::String(CoerceBpchar(text, t.typmod, false));
    case TypeId::kName: return Value::String(ClipName(text));
    case TypeId::kVoid: return Value::String(std::string());
    case TypeId::kBytea: return Value::String(ParseBytea(text));
    case TypeId::kUuid: return Value::String(ParseUuid(text));
    case TypeId::kJson: return Value::String(ParseJsonText(text));
    case TypeId::kJsonb: return Value::String(ParseJsonbText(text));
    case TypeId::kChar: return Value::String(ParseChar(text));
    case TypeId::kInt2Vector:
    case TypeId::kOidVector: return ParseArrayText(text, t, opts);
    default: break;
  }
  throw DbError(SqlState::kFeatureNotSupported, "input of this type is not supported");
}

void AppendText(const Value& v, Type t, std::string& out, const FormatOptions& opts) {
  if (IsArrayType(t.id)) return AppendArrayText(v, t, out, opts);
  switch (t.id) {
    case TypeId::kRegclass: out += RegclassOut(static_cast<uint32_t>(v.as_int())); return;
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole:
      out += RegObjectOut(t.id, static_cast<uint32_t>(v.as_int()));
      return;
    case TypeId::kAclItem: out += v.as_string(); return;
    case TypeId::kEnum: out += EnumValueLabel(v); return;
    case TypeId::kBool: out += v.as_bool() ? 't' : 'f'; return;
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8:
    case TypeId::kOid: {
      char buf[24];
      auto res = std::to_chars(buf, buf + sizeof buf, v.as_int());
      out.append(buf, res.ptr);
      return;
    }
    case TypeId::kFloat4: FormatFloat4(static_cast<float>(v.as_float()), opts.extra_float_digits, out); return;
    case TypeId::kFloat8: FormatFloat8(v.as_float(), opts.extra_float_digits, out); return;
    // numeric_out prints the value's own display scale; a numeric(p,s) value
    // already has dscale s from ApplyTypmod.
    case TypeId::kNumeric: out += NumericFromValue(v).ToString(); return;
    case TypeId::kUnknown:
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kBpchar:
    case TypeId::kName: out += v.as_string(); return;
    case TypeId::kVoid: return;
    case TypeId::kDate: datetime::AppendDate(static_cast<int32_t>(v.as_int()), out); return;
    case TypeId::kTime: datetime::AppendTime(v.as_int(), out); return;
    case TypeId::kTimeTz: datetime::AppendTimeTz(datetime::TimeTzFromValue(v), out); return;
    case TypeId::kTimestamp: datetime::AppendTimestamp(v.as_int(), out); return;
    case TypeId::kTimestampTz: datetime::AppendTimestampTz(v.as_int(), opts.datetime.zone(), out); return;
    case TypeId::kInterval: datetime::AppendInterval(datetime::IntervalFromValue(v), out); return;
    case TypeId::kBytea: AppendByteaHex(v.as_string(), out); return;
    case TypeId::kUuid: AppendUuid(v.as_string(), out); return;
    case TypeId::kJson:
    case TypeId::kJsonb: out += v.as_string(); return;
    case TypeId::kChar: AppendChar(v.as_string(), out); return;
    case TypeId::kInt2Vector:
    case TypeId::kOidVector: AppendArrayText(v, t, out, opts); return;
    default: return;
  }
}

std::string ToText(const Value& v, Type t, const FormatOptions& opts) {
  std::string out;
  AppendText(v, t, out, opts);
  return out;
}

}  // namespace basalt::engine::sql
