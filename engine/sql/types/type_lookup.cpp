// Type-name lookup and typmod validation (PostgreSQL's typenameTypeMod plus the
// per-type typmodin functions anychar_typmodin and numerictypmodin).
#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

struct NameEntry {
  std::string_view name;
  TypeId id;
};

// pg_type names, plus the few SQL spellings the brief lets through bare
// ("integer", "int", "boolean", "double precision", "real", "decimal"), which the
// grammar normally rewrites to pg_catalog.<typname> itself.
constexpr NameEntry kNames[] = {
    {"bool", TypeId::kBool},       {"boolean", TypeId::kBool},
    {"int2", TypeId::kInt2},       {"smallint", TypeId::kInt2},
    {"int4", TypeId::kInt4},       {"int", TypeId::kInt4},
    {"integer", TypeId::kInt4},    {"int8", TypeId::kInt8},
    {"bigint", TypeId::kInt8},     {"float4", TypeId::kFloat4},
    {"real", TypeId::kFloat4},     {"float8", TypeId::kFloat8},
    {"double precision", TypeId::kFloat8},
    {"numeric", TypeId::kNumeric}, {"decimal", TypeId::kNumeric},
    {"text", TypeId::kText},       {"varchar", TypeId::kVarchar},
    {"character varying", TypeId::kVarchar},
    {"bpchar", TypeId::kBpchar},   {"name", TypeId::kName},
    {"oid", TypeId::kOid},         {"void", TypeId::kVoid},
    {"unknown", TypeId::kUnknown},
    {"date", TypeId::kDate},       {"time", TypeId::kTime},
    {"timetz", TypeId::kTimeTz},   {"timestamp", TypeId::kTimestamp},
    {"timestamptz", TypeId::kTimestampTz},
    {"interval", TypeId::kInterval},
    {"bytea", TypeId::kBytea},     {"uuid", TypeId::kUuid},
    {"json", TypeId::kJson},       {"jsonb", TypeId::kJsonb},
    {"char", TypeId::kChar},       {"int2vector", TypeId::kInt2Vector},
    {"oidvector", TypeId::kOidVector},
    {"regclass", TypeId::kRegclass},
    {"regtype", TypeId::kRegtype},     {"regproc", TypeId::kRegproc},
    {"regprocedure", TypeId::kRegprocedure},
    {"regoper", TypeId::kRegoper},     {"regoperator", TypeId::kRegoperator},
    {"regnamespace", TypeId::kRegnamespace},
    {"regrole", TypeId::kRegrole},     {"aclitem", TypeId::kAclItem},
};

std::string JoinName(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += '.';
    out += names[i];
  }
  return out;
}

int32_t CharModifier(TypeId id, const std::vector<int64_t>& mods) {
  // anychar_typmodin: the error names the type as "varchar" or "char".
  const char* name = id == TypeId::kVarchar ? "varchar" : "char";
  if (mods.size() != 1) throw DbError(SqlState::kInvalidParameterValue, "invalid type modifier");
  int64_t n = mods[0];
  if (n < 1) {
    throw DbError(SqlState::kInvalidParameterValue, fmt::format("length for type {} must be at least 1", name));
  }
  if (n > kMaxVarcharLength) {
    throw DbError(SqlState::kInvalidParameterValue,
                  fmt::format("length for type {} cannot exceed {}", name, kMaxVarcharLength));
  }
  return CharTypmod(static_cast<int32_t>(n));
}

int32_t NumericModifier(const std::vector<int64_t>& mods) {
  if (mods.empty() || mods.size() > 2) {
    throw DbError(SqlState::kInvalidParameterValue, "invalid NUMERIC type modifier");
  }
  int64_t precision = mods[0];
  int64_t scale = mods.size() == 2 ? mods[1] : 0;
  if (precision < 1 || precision > kNumericMaxPrecision) {
    throw DbError(SqlState::kInvalidParameterValue,
                  fmt::format("NUMERIC precision {} must be between 1 and {}", precision, kNumericMaxPrecision));
  }
  if (scale < kNumericMinScale || scale > kNumericMaxScale) {
    throw DbError(SqlState::kInvalidParameterValue,
                  fmt::format("NUMERIC scale {} must be between {} and {}", scale, kNumericMinScale,
                              kNumericMaxScale));
  }
  return NumericTypmod(static_cast<int32_t>(precision), static_cast<int32_t>(scale));
}

// anytime_typmodin / anytimestamp_typmodin. PostgreSQL warns and clamps a
// precision above 6; Basalt clamps silently (no WARNING channel here).
int32_t TimePrecisionModifier(TypeId id, const std::vector<int64_t>& mods) {
  if (mods.size() != 1) throw DbError(SqlState::kInvalidParameterValue, "invalid type modifier");
  const char* name = id == TypeId::kTime ? "TIME" : id == TypeId::kTimeTz ? "TIME" : "TIMESTAMP";
  const char* suffix = (id == TypeId::kTimeTz || id == TypeId::kTimestampTz) ? " WITH TIME ZONE" : "";
  if (mods[0] < 0) {
    throw DbError(SqlState::kInvalidParameterValue,
                  fmt::format("{}({}){} precision must not be negative", name, mods[0], suffix));
  }
  return static_cast<int32_t>(std::min<int64_t>(mods[0], kMaxDateTimePrecision));
}

// intervaltypmodin: {range} or {range, precision}; only the full range
// (no YEAR TO MONTH style field restriction) is supported.
int32_t IntervalModifier(const std::vector<int64_t>& mods) {
  if (mods.empty() || mods.size() > 2) throw DbError(SqlState::kInvalidParameterValue, "invalid INTERVAL type modifier");
  if (mods[0] != kIntervalFullRange) {
    throw DbError(SqlState::kFeatureNotSupported, "interval field restrictions (YEAR TO MONTH etc.) are not supported");
  }
  int64_t precision = kIntervalFullPrecision;
  if (mods.size() == 2) {
    if (mods[1] < 0) {
      throw DbError(SqlState::kInvalidParameterValue,
                    fmt::format("INTERVAL({}) precision must not be negative", mods[1]));
    }
    precision = std::min<int64_t>(mods[1], kMaxDateTimePrecision);
  }
  return static_cast<int32_t>((kIntervalFullRange << 16) | precision);
}

}  // namespace

std::optional<Type> LookupType(const std::vector<std::string>& names, const std::vector<int64_t>& modifiers) {
  if (names.empty() || names.size() > 2) return std::nullopt;
  if (names.size() == 2 && names[0] != "pg_catalog") return std::nullopt;
  const std::string& base = names.back();
  std::optional<TypeId> id;
  // "_int4" is int4's array type, as in pg_type.
  std::string_view element_name = base;
  bool underscore_array = base.size() > 1 && base[0] == '_';
  if (underscore_array) element_name.remove_prefix(1);
  for (const auto& e : kNames) {
    if (e.name == element_name) {
      id = e.id;
      break;
    }
  }
  if (!id) return std::nullopt;
  if (underscore_array) {
    TypeId array = ArrayTypeOf(*id);
    if (array == TypeId::kUnknown || element_name != TypeInternalName(*id)) return std::nullopt;
    if (!modifiers.empty()) {
      throw DbError(SqlState::kSyntaxError,
                    fmt::format("type modifier is not allowed for type \"{}\"", JoinName(names)));
    }
    return Type{array, -1};
  }

  Type type{*id, -1};
  if (modifiers.empty()) return type;
  switch (*id) {
    case TypeId::kVarchar:
    case TypeId::kBpchar: type.typmod = CharModifier(*id, modifiers); break;
    case TypeId::kNumeric: type.typmod = NumericModifier(modifiers); break;
    case TypeId::kTime:
    case TypeId::kTimeTz:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: type.typmod = TimePrecisionModifier(*id, modifiers); break;
    case TypeId::kInterval: type.typmod = IntervalModifier(modifiers); break;
    default:
      throw DbError(SqlState::kSyntaxError,
                    fmt::format("type modifier is not allowed for type \"{}\"", JoinName(names)));
  }
  return type;
}

std::optional<Type> LookupType(const std::vector<std::string>& names, const std::vector<int64_t>& modifiers,
                               int array_bounds) {
  auto type = LookupType(names, modifiers);
  if (!type || array_bounds <= 0 || IsArrayType(type->id)) return type;
  TypeId array = ArrayTypeOf(type->id);
  if (array == TypeId::kUnknown) return std::nullopt;
  return Type{array, type->typmod};
}

}  // namespace basalt::engine::sql
