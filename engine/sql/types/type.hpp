// engine/sql/types/type.hpp
//
// SQL types as Basalt knows them. TypeId names the base type; Type adds the
// typmod exactly as PostgreSQL stores it (varchar(n) and char(n): n + 4,
// numeric(p,s): ((p << 16) | s) + 4, -1 when absent), so RowDescription and
// format_type() report what PostgreSQL reports.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace basalt::engine::sql {

enum class TypeId : uint8_t {
  kUnknown,  // an untyped literal ('abc' before coercion), PostgreSQL's "unknown"
  kBool,
  kInt2,
  kInt4,
  kInt8,
  kFloat4,
  kFloat8,
  kNumeric,  // exact decimal: Value::String of Numeric::Serialize() (numeric_value.hpp)
  kText,
  kVarchar,
  kBpchar,   // char(n)
  kName,
  kOid,
  kVoid,
  kDate,         // int days since 2000-01-01 (datetime.hpp)
  kTime,         // int microseconds since midnight
  kTimeTz,       // 12-byte string: time + zone (datetime.hpp)
  kTimestamp,    // int microseconds since 2000-01-01, no zone
  kTimestampTz,  // int microseconds since 2000-01-01 UTC
  kInterval,     // 16-byte string: time, days, months (datetime.hpp)
};

// The storage class a value of a type uses inside Value. numeric is kString
// (serialized Numeric bytes), so code that switches on PhysicalKind must treat
// TypeId::kNumeric before falling into the string case (compare.cpp,
// catalog/row_codec.cpp's key encoding).
enum class PhysicalKind : uint8_t { kBool, kInt, kFloat, kString };

struct Type {
  TypeId id = TypeId::kUnknown;
  int32_t typmod = -1;

  bool operator==(const Type&) const = default;
};

PhysicalKind PhysicalKindOf(TypeId id);

// PostgreSQL's pg_type OID (int4 = 23, text = 25, ...).
uint32_t TypeOid(TypeId id);

// pg_type.typlen: 1/2/4/8 for fixed-size types, -1 for varlena, -2 for cstring.
int16_t TypeLength(TypeId id);

// The internal name as pg_type.typname has it ("int4", "varchar", "bpchar").
std::string_view TypeInternalName(TypeId id);

// The SQL name as format_type() prints it, with its modifier:
// "integer", "character varying(20)", "numeric(10,2)", "character(3)".
std::string FormatType(Type type);

// The type's name as error messages print it (PostgreSQL's format_type_be):
// like FormatType without a modifier, except bpchar is "character".
std::string TypeDisplayName(TypeId id);

// Is `id` one of the integer, float or numeric types?
bool IsNumeric(TypeId id);
bool IsInteger(TypeId id);
// text, varchar, bpchar, name.
bool IsString(TypeId id);
// date, time, timetz, timestamp, timestamptz, interval.
bool IsDateTime(TypeId id);

// pg_type.typcategory: 'B' bool, 'N' numeric types and oid, 'S' strings,
// 'X' unknown, 'P' void, 'D' date/time, 'T' interval. Used by operator resolution.
char TypeCategory(TypeId id);
// pg_type.typispreferred: bool, float8, oid, text, timestamptz and interval.
bool IsPreferredType(TypeId id);

}  // namespace basalt::engine::sql
