// Catalog facts about Basalt's built-in types, copied from PostgreSQL 15's
// pg_type.dat so that RowDescription, pg_type and format_type() agree with a
// real server.
#include "engine/sql/types/type.hpp"

#include <string>

#include "engine/sql/types/array_type.hpp"
#include "engine/sql/types/enum_type.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {

PhysicalKind PhysicalKindOf(TypeId id) {
  switch (id) {
    case TypeId::kBool: return PhysicalKind::kBool;
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8:
    case TypeId::kOid:
    case TypeId::kRegclass:
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole:
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return PhysicalKind::kInt;
    case TypeId::kTimeTz:
    case TypeId::kInterval: return PhysicalKind::kString;
    case TypeId::kFloat4:
    case TypeId::kFloat8: return PhysicalKind::kFloat;
    case TypeId::kNumeric:  // Numeric::Serialize() bytes
    case TypeId::kUnknown:
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kBpchar:
    case TypeId::kName:
    case TypeId::kVoid: return PhysicalKind::kString;
    default: return PhysicalKind::kString;  // bytea, uuid, json(b), "char", vectors, arrays
  }
  return PhysicalKind::kString;
}

uint32_t TypeOid(Type t) { return t.id == TypeId::kEnum ? t.oid : TypeOid(t.id); }

uint32_t TypeOid(TypeId id) {
  if (IsArrayType(id)) return ArrayTypeOid(id);
  switch (id) {
    case TypeId::kUnknown: return 705;
    case TypeId::kBool: return 16;
    case TypeId::kInt2: return 21;
    case TypeId::kInt4: return 23;
    case TypeId::kInt8: return 20;
    case TypeId::kFloat4: return 700;
    case TypeId::kFloat8: return 701;
    case TypeId::kNumeric: return 1700;
    case TypeId::kText: return 25;
    case TypeId::kVarchar: return 1043;
    case TypeId::kBpchar: return 1042;
    case TypeId::kName: return 19;
    case TypeId::kOid: return 26;
    case TypeId::kRegclass: return 2205;
    case TypeId::kRegtype: return 2206;
    case TypeId::kRegproc: return 24;
    case TypeId::kRegprocedure: return 2202;
    case TypeId::kRegoper: return 2203;
    case TypeId::kRegoperator: return 2204;
    case TypeId::kRegnamespace: return 4089;
    case TypeId::kRegrole: return 4096;
    case TypeId::kAclItem: return 1033;
    case TypeId::kVoid: return 2278;
    case TypeId::kDate: return 1082;
    case TypeId::kTime: return 1083;
    case TypeId::kTimeTz: return 1266;
    case TypeId::kTimestamp: return 1114;
    case TypeId::kTimestampTz: return 1184;
    case TypeId::kInterval: return 1186;
    case TypeId::kBytea: return 17;
    case TypeId::kUuid: return 2950;
    case TypeId::kJson: return 114;
    case TypeId::kJsonb: return 3802;
    case TypeId::kChar: return 18;
    case TypeId::kInt2Vector: return 22;
    case TypeId::kOidVector: return 30;
    default: break;
  }
  return 0;
}

int16_t TypeLength(TypeId id) {
  switch (id) {
    case TypeId::kBool: return 1;
    case TypeId::kInt2: return 2;
    case TypeId::kInt4:
    case TypeId::kFloat4:
    case TypeId::kOid:
    case TypeId::kRegclass:
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole:
    case TypeId::kVoid: return 4;
    case TypeId::kAclItem: return 12;
    case TypeId::kInt8:
    case TypeId::kFloat8:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return 8;
    case TypeId::kDate: return 4;
    case TypeId::kTimeTz: return 12;
    case TypeId::kInterval: return 16;
    case TypeId::kName: return 64;  // NAMEDATALEN
    case TypeId::kUnknown: return -2;
    case TypeId::kNumeric:
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kBpchar: return -1;
    case TypeId::kUuid: return 16;
    case TypeId::kChar: return 1;
    case TypeId::kEnum: return 4;
    default: return -1;  // bytea, json(b), vectors, arrays
  }
  return -1;
}

std::string_view TypeInternalName(TypeId id) {
  if (IsArrayType(id)) return ArrayTypeInternalName(id);
  switch (id) {
    case TypeId::kUnknown: return "unknown";
    case TypeId::kBool: return "bool";
    case TypeId::kInt2: return "int2";
    case TypeId::kInt4: return "int4";
    case TypeId::kInt8: return "int8";
    case TypeId::kFloat4: return "float4";
    case TypeId::kFloat8: return "float8";
    case TypeId::kNumeric: return "numeric";
    case TypeId::kText: return "text";
    case TypeId::kVarchar: return "varchar";
    case TypeId::kBpchar: return "bpchar";
    case TypeId::kName: return "name";
    case TypeId::kOid: return "oid";
    case TypeId::kRegclass: return "regclass";
    case TypeId::kRegtype: return "regtype";
    case TypeId::kRegproc: return "regproc";
    case TypeId::kRegprocedure: return "regprocedure";
    case TypeId::kRegoper: return "regoper";
    case TypeId::kRegoperator: return "regoperator";
    case TypeId::kRegnamespace: return "regnamespace";
    case TypeId::kRegrole: return "regrole";
    case TypeId::kAclItem: return "aclitem";
    case TypeId::kVoid: return "void";
    case TypeId::kDate: return "date";
    case TypeId::kTime: return "time";
    case TypeId::kTimeTz: return "timetz";
    case TypeId::kTimestamp: return "timestamp";
    case TypeId::kTimestampTz: return "timestamptz";
    case TypeId::kInterval: return "interval";
    case TypeId::kBytea: return "bytea";
    case TypeId::kUuid: return "uuid";
    case TypeId::kJson: return "json";
    case TypeId::kJsonb: return "jsonb";
    case TypeId::kChar: return "char";
    case TypeId::kInt2Vector: return "int2vector";
    case TypeId::kOidVector: return "oidvector";
    default: break;
  }
  return "unknown";
}

namespace {
std::string WithPrecision(const char* name, int32_t typmod) {
  if (typmod < 0) return name;
  return std::string(name) + "(" + std::to_string(typmod) + ")";
}
}  // namespace

std::string FormatType(Type type) {
  if (type.id == TypeId::kEnum) return EnumTypeName(type.oid);
  if (IsArrayType(type.id)) return FormatType(Type{ArrayElementType(type.id), type.typmod}) + "[]";
  switch (type.id) {
    case TypeId::kBool: return "boolean";
    case TypeId::kInt2: return "smallint";
    case TypeId::kInt4: return "integer";
    case TypeId::kInt8: return "bigint";
    case TypeId::kFloat4: return "real";
    case TypeId::kFloat8: return "double precision";
    case TypeId::kNumeric:
      if (type.typmod < kVarHdrSz) return "numeric";
      return "numeric(" + std::to_string(NumericTypmodPrecision(type.typmod)) + "," +
             std::to_string(NumericTypmodScale(type.typmod)) + ")";
    case TypeId::kVarchar:
      if (type.typmod < kVarHdrSz) return "character varying";
      return "character varying(" + std::to_string(type.typmod - kVarHdrSz) + ")";
    case TypeId::kBpchar:
      // format_type() prints the internal name for an unconstrained bpchar.
      if (type.typmod < kVarHdrSz) return "bpchar";
      return "character(" + std::to_string(type.typmod - kVarHdrSz) + ")";
    case TypeId::kUnknown:
    case TypeId::kText:
    case TypeId::kName:
    case TypeId::kOid:
    case TypeId::kVoid: return std::string(TypeInternalName(type.id));
    case TypeId::kDate: return "date";
    // format_type prints the precision between the name and "with/without".
    case TypeId::kTime: return WithPrecision("time", type.typmod) + " without time zone";
    case TypeId::kTimeTz: return WithPrecision("time", type.typmod) + " with time zone";
    case TypeId::kTimestamp: return WithPrecision("timestamp", type.typmod) + " without time zone";
    case TypeId::kTimestampTz: return WithPrecision("timestamp", type.typmod) + " with time zone";
    case TypeId::kInterval: {
      int precision = type.typmod < 0 ? 0xFFFF : (type.typmod & 0xFFFF);
      return precision == 0xFFFF ? "interval" : "interval(" + std::to_string(precision) + ")";
    }
    case TypeId::kChar: return "\"char\"";
    default: return std::string(TypeInternalName(type.id));
  }
  return "unknown";
}

std::string TypeDisplayName(TypeId id) {
  if (id == TypeId::kBpchar) return "character";
  if (IsArrayType(id)) return TypeDisplayName(ArrayElementType(id)) + "[]";
  return FormatType(Type{id, -1});
}

bool IsNumeric(TypeId id) {
  return IsInteger(id) || id == TypeId::kFloat4 || id == TypeId::kFloat8 || id == TypeId::kNumeric;
}

bool IsInteger(TypeId id) {
  return id == TypeId::kInt2 || id == TypeId::kInt4 || id == TypeId::kInt8;
}

bool IsString(TypeId id) {
  return id == TypeId::kText || id == TypeId::kVarchar || id == TypeId::kBpchar || id == TypeId::kName;
}

char TypeCategory(TypeId id) {
  if (IsArrayType(id)) return 'A';
  if (id == TypeId::kEnum) return 'E';
  switch (id) {
    case TypeId::kBool: return 'B';
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8:
    case TypeId::kFloat4:
    case TypeId::kFloat8:
    case TypeId::kNumeric:
    case TypeId::kOid:
    case TypeId::kRegclass:
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole: return 'N';
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kBpchar:
    case TypeId::kName: return 'S';
    case TypeId::kUnknown: return 'X';
    case TypeId::kVoid: return 'P';
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimeTz:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return 'D';
    case TypeId::kInterval: return 'T';
    case TypeId::kInt2Vector:
    case TypeId::kOidVector: return 'A';
    case TypeId::kChar: return 'Z';
    default: return 'U';  // bytea, uuid, json, jsonb
  }
  return 'X';
}

bool IsPreferredType(TypeId id) {
  return id == TypeId::kBool || id == TypeId::kFloat8 || id == TypeId::kOid || id == TypeId::kText ||
         id == TypeId::kTimestampTz || id == TypeId::kInterval;
}

bool IsDateTime(TypeId id) {
  return id == TypeId::kDate || id == TypeId::kTime || id == TypeId::kTimeTz || id == TypeId::kTimestamp ||
         id == TypeId::kTimestampTz || id == TypeId::kInterval;
}

}  // namespace basalt::engine::sql
