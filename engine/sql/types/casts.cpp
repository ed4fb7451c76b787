// Cast implementations. The conversion functions follow PostgreSQL 15's int.c,
// int8.c, float.c (rint() then range check: round half to even), numeric.c
// (via Numeric: round half away from zero; NaN/Infinity errors; float8_numeric's
// 15 significant digits), bool.c (booltext) and
// varchar.c (rtrim1 for bpchar -> text).
#include "engine/sql/types/casts.hpp"

#include <cmath>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/casts_ext.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/numeric_value.hpp"
#include "engine/sql/types/regclass.hpp"
#include "engine/sql/types/string_coerce.hpp"

namespace basalt::engine::sql {
namespace {

using C = CastContext;

struct CastRow {
  TypeId from, to;
  CastContext ctx;
};

// pg_cast rows whose source and target are both Basalt types (PostgreSQL 15).
constexpr CastRow kPgCast[] = {
    {TypeId::kBool, TypeId::kInt4, C::kExplicit},
    {TypeId::kBool, TypeId::kText, C::kAssignment},
    {TypeId::kBool, TypeId::kBpchar, C::kAssignment},
    {TypeId::kBool, TypeId::kVarchar, C::kAssignment},
    {TypeId::kName, TypeId::kText, C::kImplicit},
    {TypeId::kName, TypeId::kBpchar, C::kAssignment},
    {TypeId::kName, TypeId::kVarchar, C::kAssignment},
    {TypeId::kInt8, TypeId::kInt2, C::kAssignment},
    {TypeId::kInt8, TypeId::kInt4, C::kAssignment},
    {TypeId::kInt8, TypeId::kOid, C::kImplicit},
    {TypeId::kInt8, TypeId::kFloat4, C::kImplicit},
    {TypeId::kInt8, TypeId::kFloat8, C::kImplicit},
    {TypeId::kInt8, TypeId::kNumeric, C::kImplicit},
    {TypeId::kInt2, TypeId::kInt8, C::kImplicit},
    {TypeId::kInt2, TypeId::kInt4, C::kImplicit},
    {TypeId::kInt2, TypeId::kOid, C::kImplicit},
    {TypeId::kInt2, TypeId::kFloat4, C::kImplicit},
    {TypeId::kInt2, TypeId::kFloat8, C::kImplicit},
    {TypeId::kInt2, TypeId::kNumeric, C::kImplicit},
    {TypeId::kInt4, TypeId::kBool, C::kExplicit},
    {TypeId::kInt4, TypeId::kInt8, C::kImplicit},
    {TypeId::kInt4, TypeId::kInt2, C::kAssignment},
    {TypeId::kInt4, TypeId::kOid, C::kImplicit},
    {TypeId::kInt4, TypeId::kFloat4, C::kImplicit},
    {TypeId::kInt4, TypeId::kFloat8, C::kImplicit},
    {TypeId::kInt4, TypeId::kNumeric, C::kImplicit},
    {TypeId::kText, TypeId::kName, C::kImplicit},
    {TypeId::kText, TypeId::kBpchar, C::kImplicit},
    {TypeId::kText, TypeId::kVarchar, C::kImplicit},
    {TypeId::kOid, TypeId::kInt8, C::kAssignment},
    {TypeId::kOid, TypeId::kInt4, C::kAssignment},
    {TypeId::kFloat4, TypeId::kInt8, C::kAssignment},
    {TypeId::kFloat4, TypeId::kInt2, C::kAssignment},
    {TypeId::kFloat4, TypeId::kInt4, C::kAssignment},
    {TypeId::kFloat4, TypeId::kFloat8, C::kImplicit},
    {TypeId::kFloat4, TypeId::kNumeric, C::kAssignment},
    {TypeId::kFloat8, TypeId::kInt8, C::kAssignment},
    {TypeId::kFloat8, TypeId::kInt2, C::kAssignment},
    {TypeId::kFloat8, TypeId::kInt4, C::kAssignment},
    {TypeId::kFloat8, TypeId::kFloat4, C::kAssignment},
    {TypeId::kFloat8, TypeId::kNumeric, C::kAssignment},
    {TypeId::kBpchar, TypeId::kName, C::kImplicit},
    {TypeId::kBpchar, TypeId::kText, C::kImplicit},
    {TypeId::kBpchar, TypeId::kVarchar, C::kImplicit},
    {TypeId::kVarchar, TypeId::kName, C::kImplicit},
    {TypeId::kVarchar, TypeId::kText, C::kImplicit},
    {TypeId::kVarchar, TypeId::kBpchar, C::kImplicit},
    {TypeId::kNumeric, TypeId::kInt8, C::kAssignment},
    {TypeId::kNumeric, TypeId::kInt2, C::kAssignment},
    {TypeId::kNumeric, TypeId::kInt4, C::kAssignment},
    {TypeId::kNumeric, TypeId::kFloat4, C::kImplicit},
    {TypeId::kNumeric, TypeId::kFloat8, C::kImplicit},
    {TypeId::kDate, TypeId::kTimestamp, C::kImplicit},
    {TypeId::kDate, TypeId::kTimestampTz, C::kImplicit},
    {TypeId::kTime, TypeId::kInterval, C::kImplicit},
    {TypeId::kTime, TypeId::kTimeTz, C::kImplicit},
    {TypeId::kTimestamp, TypeId::kDate, C::kAssignment},
    {TypeId::kTimestamp, TypeId::kTime, C::kAssignment},
    {TypeId::kTimestamp, TypeId::kTimestampTz, C::kImplicit},
    {TypeId::kTimestampTz, TypeId::kDate, C::kAssignment},
    {TypeId::kTimestampTz, TypeId::kTime, C::kAssignment},
    {TypeId::kTimestampTz, TypeId::kTimestamp, C::kAssignment},
    {TypeId::kTimestampTz, TypeId::kTimeTz, C::kAssignment},
    {TypeId::kInterval, TypeId::kTime, C::kAssignment},
    {TypeId::kTimeTz, TypeId::kTime, C::kAssignment},
};

const char* IntegerName(TypeId id) {
  switch (id) {
    case TypeId::kInt2: return "smallint";
    case TypeId::kInt4: return "integer";
    default: return "bigint";
  }
}

[[noreturn]] void ThrowIntRange(TypeId id) {
  throw DbError(SqlState::kNumericValueOutOfRange, fmt::format("{} out of range", IntegerName(id)));
}

int64_t CheckIntRange(int64_t x, TypeId to) {
  bool ok = to == TypeId::kInt2 ? (x >= INT16_MIN && x <= INT16_MAX)
            : to == TypeId::kInt4 ? (x >= INT32_MIN && x <= INT32_MAX)
                                  : true;
  if (!ok) ThrowIntRange(to);
  return x;
}

// ftoi4/dtoi4 and friends: rint(), then the FLOAT8_FITS_IN_INTxx test.
int64_t FloatToInt(double d, TypeId to) {
  double r = std::rint(d);
  bool ok;
  switch (to) {
    case TypeId::kInt2: ok = r >= -32768.0 && r < 32768.0; break;
    case TypeId::kInt4: ok = r >= -2147483648.0 && r < 2147483648.0; break;
    default: ok = r >= -9223372036854775808.0 && r < 9223372036854775808.0; break;
  }
  if (std::isnan(r) || !ok) ThrowIntRange(to);
  return static_cast<int64_t>(r);
}

// numeric_int2/int4/int8: round half away from zero, then range-check; NaN
// and infinities are 0A000 (Numeric's To* functions carry PostgreSQL's texts).
int64_t NumericToInt(const Value& v, TypeId to) {
  Numeric n = NumericFromValue(v);
  switch (to) {
    case TypeId::kInt2: return n.ToInt16();
    case TypeId::kInt4: return n.ToInt32();
    default: return n.ToInt64();
  }
}

double ToFloat4(double d) {
  float f = static_cast<float>(d);
  if (std::isinf(f) && !std::isinf(d)) {
    throw DbError(SqlState::kNumericValueOutOfRange, "value out of range: overflow");
  }
  if (f == 0.0f && d != 0.0) throw DbError(SqlState::kNumericValueOutOfRange, "value out of range: underflow");
  return f;
}

// The text a value turns into when cast to a string type.
std::string StringForm(const Value& v, Type from, TypeId to, const FormatOptions& opts) {
  switch (from.id) {
    case TypeId::kBool:
      // pg_cast's booltext serves text, varchar and bpchar; bool -> name is
      // an I/O conversion and prints boolout's 't'/'f'.
      if (to != TypeId::kName) return v.as_bool() ? "true" : "false";
      return ToText(v, from, opts);
    case TypeId::kBpchar: return std::string(TrimBpchar(v.as_string()));
    case TypeId::kChar: return v.as_string();  // char_text: the byte itself
    default: return ToText(v, from, opts);
  }
}

Value FromString(const std::string& s, Type to, bool is_explicit, const FormatOptions& opts) {
  switch (to.id) {
    case TypeId::kText: return Value::String(s);
    case TypeId::kVarchar: return Value::String(CoerceVarchar(s, to.typmod, is_explicit));
    case TypeId::kBpchar: return Value::String(CoerceBpchar(s, to.typmod, is_explicit));
    case TypeId::kName: return Value::String(ClipName(s));
    default: return ApplyTypmod(ParseText(s, Type{to.id, -1, to.oid}, opts), to, is_explicit);
  }
}

}  // namespace

std::optional<CastContext> CastAvailability(TypeId from, TypeId to) {
  if (from == to || from == TypeId::kUnknown) return C::kImplicit;
  if (to == TypeId::kUnknown) return std::nullopt;
  if (auto ext = ExtendedCastAvailability(from, to)) return *ext;
  if (auto reg = RegTypeCastAvailability(from, to)) return *reg;  // regclass.cpp
  for (const auto& row : kPgCast) {
    if (row.from == from && row.to == to) return row.ctx;
  }
  // find_coercion_pathway's automatic I/O conversions.
  if (TypeCategory(to) == 'S') return C::kAssignment;
  if (TypeCategory(from) == 'S') return C::kExplicit;
  return std::nullopt;
}

bool CanCast(TypeId from, TypeId to, CastContext ctx) {
  auto a = CastAvailability(from, to);
  return a && static_cast<uint8_t>(*a) <= static_cast<uint8_t>(ctx);
}

Value ApplyTypmod(const Value& v, Type t, bool is_explicit) {
  if (v.is_null() || t.typmod < 0) return v;
  if (IsArrayType(t.id)) return ApplyArrayTypmod(v, t, is_explicit);
  switch (t.id) {
    case TypeId::kVarchar: return Value::String(CoerceVarchar(v.as_string(), t.typmod, is_explicit));
    case TypeId::kBpchar: return Value::String(CoerceBpchar(v.as_string(), t.typmod, is_explicit));
    case TypeId::kNumeric: return NumericToValue(NumericFromValue(v).ApplyTypmod(t.typmod));
    case TypeId::kTime: return Value::Int(datetime::RoundTime(v.as_int(), t.typmod));
    case TypeId::kTimeTz: {
      datetime::TimeTz tt = datetime::TimeTzFromValue(v);
      tt.time = datetime::RoundTime(tt.time, t.typmod);
      return datetime::TimeTzToValue(tt);
    }
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return Value::Int(datetime::RoundTimestamp(v.as_int(), t.typmod));
    case TypeId::kInterval: {
      int precision = t.typmod & 0xFFFF;
      return datetime::IntervalToValue(
          datetime::RoundInterval(datetime::IntervalFromValue(v), precision == 0xFFFF ? -1 : precision));
    }
    default: return v;
  }
}

// Without explicit options, casts involving time zones use the session
// settings installed on this thread.
Value Cast(const Value& v, Type from, Type to, CastContext ctx) {
  FormatOptions opts;
  opts.datetime = datetime::ThreadDateTimeSettings();
  return Cast(v, from, to, ctx, opts);
}

Value Cast(const Value& v, Type from, Type to, CastContext ctx, const FormatOptions& opts) {
  if (!CanCast(from.id, to.id, ctx)) {
    throw DbError(SqlState::kCannotCoerce,
                  fmt::format("cannot cast type {} to {}", TypeDisplayName(from.id), TypeDisplayName(to.id)));
  }
  if (v.is_null()) return v;
  const bool is_explicit = ctx == C::kExplicit;
  if (from.id == TypeId::kUnknown) {
    return ApplyTypmod(ParseText(v.as_string(), Type{to.id, -1, to.oid}, opts), to, is_explicit);
  }
  if (from.id == to.id) return ApplyTypmod(v, to, is_explicit);
  if (auto ext = ExtendedCast(v, from, to, ctx, opts)) return ApplyTypmod(*ext, to, is_explicit);
  if (auto reg = RegTypeCast(v, from, to)) return *reg;  // regclass.cpp
  if (IsString(to.id)) return FromString(StringForm(v, from, to.id, opts), to, is_explicit, opts);
  if (IsString(from.id)) return FromString(v.as_string(), to, is_explicit, opts);
  if (IsDateTime(from.id)) return ApplyTypmod(datetime::CastDateTime(v, from.id, to.id, opts.datetime), to, is_explicit);

  switch (to.id) {
    case TypeId::kBool: return Value::Bool(v.as_int() != 0);  // int4 -> bool
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8:
      switch (from.id) {
        case TypeId::kBool: return Value::Int(v.as_bool() ? 1 : 0);
        case TypeId::kOid:  // oid -> int4 is binary: 4294967295 becomes -1
          return Value::Int(to.id == TypeId::kInt4 ? static_cast<int32_t>(static_cast<uint32_t>(v.as_int()))
                                                   : v.as_int());
        case TypeId::kFloat4:
        case TypeId::kFloat8: return Value::Int(FloatToInt(v.as_float(), to.id));
        case TypeId::kNumeric: return Value::Int(NumericToInt(v, to.id));
        default: return Value::Int(CheckIntRange(v.as_int(), to.id));
      }
    case TypeId::kOid:
      if (from.id == TypeId::kInt8) {
        int64_t x = v.as_int();
        if (x < 0 || x > UINT32_MAX) throw DbError(SqlState::kNumericValueOutOfRange, "OID out of range");
        return v;
      }
      return Value::Int(static_cast<uint32_t>(static_cast<int32_t>(v.as_int())));
    case TypeId::kFloat4:
      if (IsInteger(from.id)) return Value::Float(static_cast<float>(v.as_int()));
      if (from.id == TypeId::kNumeric) return Value::Float(NumericFromValue(v).ToFloat());
      return Value::Float(ToFloat4(v.as_float()));
    case TypeId::kFloat8:
      if (IsInteger(from.id)) return Value::Float(static_cast<double>(v.as_int()));
      if (from.id == TypeId::kNumeric) return Value::Float(NumericFromValue(v).ToDouble());
      return Value::Float(v.as_float());
    case TypeId::kNumeric: {
      Numeric n;
      if (IsInteger(from.id)) {
        n = Numeric::FromInt64(v.as_int());
      } else if (from.id == TypeId::kFloat4) {
        n = Numeric::FromFloat(static_cast<float>(v.as_float()));
      } else {
        n = Numeric::FromDouble(v.as_float());
      }
      return NumericToValue(n.ApplyTypmod(to.typmod));
    }
    default: break;
  }
  throw DbError(SqlState::kCannotCoerce, fmt::format("cannot cast type {} to {}", TypeDisplayName(from.id), TypeDisplayName(to.id)));
}

}  // namespace basalt::engine::sql
