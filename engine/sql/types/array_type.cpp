// The array types' catalog facts (PostgreSQL 15's pg_type.dat rows for the
// `_elem` types): which element each array type has, its OID and its
// internal name. int2vector and oidvector are listed too because they are
// arrays underneath (element int2/oid, lower bound 0).
#include "engine/sql/types/array_type.hpp"

namespace basalt::engine::sql {
namespace {

struct ArrayRow {
  TypeId array;
  TypeId element;
  uint32_t oid;
  std::string_view name;
};

constexpr ArrayRow kArrays[] = {
    {TypeId::kBoolArray, TypeId::kBool, 1000, "_bool"},
    {TypeId::kByteaArray, TypeId::kBytea, 1001, "_bytea"},
    {TypeId::kCharArray, TypeId::kChar, 1002, "_char"},
    {TypeId::kNameArray, TypeId::kName, 1003, "_name"},
    {TypeId::kInt2Array, TypeId::kInt2, 1005, "_int2"},
    {TypeId::kInt2VectorArray, TypeId::kInt2Vector, 1006, "_int2vector"},
    {TypeId::kInt4Array, TypeId::kInt4, 1007, "_int4"},
    {TypeId::kTextArray, TypeId::kText, 1009, "_text"},
    {TypeId::kOidVectorArray, TypeId::kOidVector, 1013, "_oidvector"},
    {TypeId::kBpcharArray, TypeId::kBpchar, 1014, "_bpchar"},
    {TypeId::kVarcharArray, TypeId::kVarchar, 1015, "_varchar"},
    {TypeId::kInt8Array, TypeId::kInt8, 1016, "_int8"},
    {TypeId::kFloat4Array, TypeId::kFloat4, 1021, "_float4"},
    {TypeId::kFloat8Array, TypeId::kFloat8, 1022, "_float8"},
    {TypeId::kOidArray, TypeId::kOid, 1028, "_oid"},
    {TypeId::kDateArray, TypeId::kDate, 1182, "_date"},
    {TypeId::kTimeArray, TypeId::kTime, 1183, "_time"},
    {TypeId::kTimeTzArray, TypeId::kTimeTz, 1270, "_timetz"},
    {TypeId::kTimestampArray, TypeId::kTimestamp, 1115, "_timestamp"},
    {TypeId::kTimestampTzArray, TypeId::kTimestampTz, 1185, "_timestamptz"},
    {TypeId::kIntervalArray, TypeId::kInterval, 1187, "_interval"},
    {TypeId::kNumericArray, TypeId::kNumeric, 1231, "_numeric"},
    {TypeId::kUuidArray, TypeId::kUuid, 2951, "_uuid"},
    {TypeId::kJsonArray, TypeId::kJson, 199, "_json"},
    {TypeId::kJsonbArray, TypeId::kJsonb, 3807, "_jsonb"},
    {TypeId::kRegclassArray, TypeId::kRegclass, 2210, "_regclass"},
    {TypeId::kRegtypeArray, TypeId::kRegtype, 2211, "_regtype"},
    {TypeId::kAclItemArray, TypeId::kAclItem, 1034, "_aclitem"},
};

const ArrayRow* FindArray(TypeId array) {
  for (const auto& row : kArrays) {
    if (row.array == array) return &row;
  }
  return nullptr;
}

}  // namespace

TypeId ArrayElementType(TypeId array) {
  if (array == TypeId::kInt2Vector) return TypeId::kInt2;
  if (array == TypeId::kOidVector) return TypeId::kOid;
  if (!IsArrayType(array)) return TypeId::kUnknown;
  const ArrayRow* row = FindArray(array);
  return row ? row->element : TypeId::kUnknown;
}

TypeId ArrayTypeOf(TypeId element) {
  for (const auto& row : kArrays) {
    if (row.element == element) return row.array;
  }
  return TypeId::kUnknown;
}

uint32_t ArrayTypeOid(TypeId array) {
  const ArrayRow* row = FindArray(array);
  return row ? row->oid : 0;
}

std::string_view ArrayTypeInternalName(TypeId array) {
  const ArrayRow* row = FindArray(array);
  return row ? row->name : std::string_view("unknown");
}

std::optional<TypeId> ArrayTypeFromOid(uint32_t oid) {
  for (const auto& row : kArrays) {
    if (row.oid == oid) return row.array;
  }
  return std::nullopt;
}

}  // namespace basalt::engine::sql
