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
  kBytea,        // string of the raw bytes (bytea_io.hpp)
  kUuid,         // 16-byte string (uuid_io.hpp)
  kJson,         // string: the validated input text, kept verbatim (json_value.hpp)
  kJsonb,        // string: the normalised output text (json_value.hpp)
  kChar,         // "char": string of 0 or 1 byte
  kInt2Vector,   // int2vector: an array Value (array_value.hpp) of int2, lower bound 0
  kOidVector,    // oidvector: an array Value of oid, lower bound 0
  // Array types, one TypeId per element type (array_value.hpp: ArrayElementType,
  // ArrayTypeOf). Every array Value is a string in the array encoding; a
  // Type's typmod on an array type is the element's typmod (varchar(10)[]).
  kBoolArray,
  kByteaArray,
  kCharArray,
  kNameArray,
  kInt2Array,
  kInt2VectorArray,
  kInt4Array,
  kTextArray,
  kOidVectorArray,
  kBpcharArray,
  kVarcharArray,
  kInt8Array,
  kFloat4Array,
  kFloat8Array,
  kOidArray,
  kDateArray,
  kTimeArray,
  kTimeTzArray,
  kTimestampArray,
  kTimestampTzArray,
  kIntervalArray,
  kNumericArray,
  kUuidArray,
  kJsonArray,
  kJsonbArray,
  // A user-defined enum type (CREATE TYPE ... AS ENUM); Type::oid names which
  // one. Values are strings (enum_type.hpp: 8-byte sort key, then the label).
  kEnum,
  // Object identifier types: an OID (Value::Int) read and printed as a name
  // through the resolver the session installs (regclass.hpp).
  kRegclass,
  kRegtype,       // the other reg* types: same Value::Int representation,
  kRegproc,       // each printed through the session's resolver (regclass.hpp)
  kRegprocedure,
  kRegoper,
  kRegoperator,
  kRegnamespace,
  kRegrole,
  kAclItem,       // aclitem: string in its text form ("=r/owner")
  // Arrays of the catalog types above (after kRegclass so the original array
  // range stays contiguous; IsArrayType covers both ranges).
  kRegclassArray,
  kRegtypeArray,
  kAclItemArray,
};

// Number of TypeIds (for tables indexed by TypeId).
inline constexpr int kTypeIdCount = static_cast<int>(TypeId::kAclItemArray) + 1;

// Is `id` one of the array types (kBoolArray .. kJsonbArray, kRegclassArray ..
// kAclItemArray)? int2vector and oidvector are not (they have their own text
// form) but share the encoding.
constexpr bool IsArrayType(TypeId id) {
  return (static_cast<int>(id) >= static_cast<int>(TypeId::kBoolArray) &&
          static_cast<int>(id) <= static_cast<int>(TypeId::kJsonbArray)) ||
         (static_cast<int>(id) >= static_cast<int>(TypeId::kRegclassArray) &&
          static_cast<int>(id) <= static_cast<int>(TypeId::kAclItemArray));
}
// The element type of an array type (int2 for int2vector, oid for oidvector);
// kUnknown for a non-array type.
TypeId ArrayElementType(TypeId array);
// The array type whose elements are `element` (kInt4 -> kInt4Array); kUnknown
// when Basalt has none (void, unknown, arrays themselves).
TypeId ArrayTypeOf(TypeId element);

// The storage class a value of a type uses inside Value. numeric is kString
// (serialized Numeric bytes), so code that switches on PhysicalKind must treat
// TypeId::kNumeric before falling into the string case (compare.cpp,
// catalog/row_codec.cpp's key encoding).
enum class PhysicalKind : uint8_t { kBool, kInt, kFloat, kString };

struct Type {
  TypeId id = TypeId::kUnknown;
  int32_t typmod = -1;
  // pg_type OID of a user-defined type (kEnum); 0 for built-in types.
  uint32_t oid = 0;

  bool operator==(const Type&) const = default;
};

PhysicalKind PhysicalKindOf(TypeId id);

// PostgreSQL's pg_type OID (int4 = 23, text = 25, ...).
uint32_t TypeOid(TypeId id);
// The same for a full Type: user-defined types (kEnum) report Type::oid.
uint32_t TypeOid(Type t);

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
