// Casts for the container and special types (casts_ext.hpp). Sources:
// PostgreSQL 15 pg_cast.dat, parse_coerce.c (find_coercion_pathway),
// char.c (char_text, text_char, i4tochar, chartoi4).
#include "engine/sql/types/casts_ext.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/json_value.hpp"

namespace basalt::engine::sql {
namespace {

using C = CastContext;

bool IsVector(TypeId id) { return id == TypeId::kInt2Vector || id == TypeId::kOidVector; }

}  // namespace

std::optional<std::optional<CastContext>> ExtendedCastAvailability(TypeId from, TypeId to) {
  using R = std::optional<std::optional<CastContext>>;
  if (IsArrayType(from) && IsArrayType(to)) {
    TypeId ef = ArrayElementType(from), et = ArrayElementType(to);
    if (IsArrayType(ef) || IsArrayType(et)) return R(std::nullopt);
    return R(CastAvailability(ef, et));
  }
  if (from == TypeId::kInt2Vector && to == TypeId::kInt2Array) return R(C::kImplicit);
  if (from == TypeId::kOidVector && to == TypeId::kOidArray) return R(C::kImplicit);
  if ((from == TypeId::kJson && to == TypeId::kJsonb) || (from == TypeId::kJsonb && to == TypeId::kJson)) {
    return R(C::kAssignment);
  }
  if (from == TypeId::kChar) {
    if (to == TypeId::kText) return R(C::kImplicit);
    if (to == TypeId::kBpchar || to == TypeId::kVarchar) return R(C::kAssignment);
    if (to == TypeId::kInt4) return R(C::kExplicit);
  }
  if (to == TypeId::kChar) {
    if (from == TypeId::kText || from == TypeId::kBpchar || from == TypeId::kVarchar) return R(C::kAssignment);
    if (from == TypeId::kInt4) return R(C::kExplicit);
  }
  return std::nullopt;
}

Value ApplyArrayTypmod(const Value& v, Type t, bool is_explicit) {
  if (v.is_null() || t.typmod < 0) return v;
  Type element{ArrayElementType(t.id), t.typmod};
  ArrayData data = DecodeArray(v);
  for (Value& item : data.items) item = ApplyTypmod(item, element, is_explicit);
  return MakeArray(data);
}

std::optional<Value> ExtendedCast(const Value& v, Type from, Type to, CastContext ctx, const FormatOptions& opts) {
  if (IsArrayType(from.id) && IsArrayType(to.id)) {
    Type ef{ArrayElementType(from.id), from.typmod}, et{ArrayElementType(to.id), to.typmod};
    ArrayData data = DecodeArray(v);
    for (Value& item : data.items) item = Cast(item, ef, et, ctx, opts);
    return MakeArray(data);
  }
  if (IsVector(from.id) && IsArrayType(to.id)) return v;  // same encoding, lower bound 0 kept
  if (from.id == TypeId::kJson && to.id == TypeId::kJsonb) return Value::String(ParseJsonbText(v.as_string()));
  if (from.id == TypeId::kJsonb && to.id == TypeId::kJson) return v;
  if (from.id == TypeId::kChar) {
    if (to.id == TypeId::kInt4) {
      return Value::Int(v.as_string().empty() ? 0 : static_cast<int8_t>(v.as_string()[0]));
    }
    if (IsString(to.id)) return std::nullopt;  // char_text: the byte itself, handled as a string
  }
  if (to.id == TypeId::kChar) {
    if (from.id == TypeId::kInt4) {
      int64_t x = v.as_int();
      if (x < -128 || x > 127) throw DbError(SqlState::kNumericValueOutOfRange, "\"char\" out of range");
      auto c = static_cast<char>(static_cast<int8_t>(x));
      return Value::String(c == '\0' ? std::string() : std::string(1, c));
    }
    if (IsString(from.id)) {  // text_char: the first byte
      const std::string& s = v.as_string();
      return Value::String(s.empty() ? std::string() : std::string(1, s[0]));
    }
  }
  return std::nullopt;
}

}  // namespace basalt::engine::sql
