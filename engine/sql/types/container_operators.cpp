// pg_operator's rows for arrays (one row per array type where PostgreSQL has
// one polymorphic anyarray/anycompatiblearray row), bytea, uuid, "char",
// int2vector and oidvector. Operator functions get no type argument, so the
// array rows are instantiated per array TypeId.
#include "engine/sql/types/array_ops.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/operator_catalog.hpp"

namespace basalt::engine::sql {
namespace {

using I = TypeId;

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe };

template <TypeId T, Op O>
Value CmpFn(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  int c = Compare(a, b, T);
  switch (O) {
    case Op::kEq: return Value::Bool(c == 0);
    case Op::kNe: return Value::Bool(c != 0);
    case Op::kLt: return Value::Bool(c < 0);
    case Op::kLe: return Value::Bool(c <= 0);
    case Op::kGt: return Value::Bool(c > 0);
    case Op::kGe: return Value::Bool(c >= 0);
  }
  return Value::Null();
}

template <TypeId A>
Value ContainsFn(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  return Value::Bool(ArrayContains(a, b, ArrayElementType(A)));
}
template <TypeId A>
Value ContainedFn(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  return Value::Bool(ArrayContains(b, a, ArrayElementType(A)));
}
template <TypeId A>
Value OverlapFn(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  return Value::Bool(ArrayOverlaps(a, b, ArrayElementType(A)));
}
Value CatFn(const Value& a, const Value& b) {
  if (a.is_null() && b.is_null()) return Value::Null();
  return ArrayCat(a, b);
}
Value AppendFn(const Value& a, const Value& b) { return ArrayAppend(a, b); }
Value PrependFn(const Value& a, const Value& b) { return ArrayPrepend(a, b); }

Value ByteaCat(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  return Value::String(a.as_string() + b.as_string());
}

CandidateArg Arg(TypeId id) {
  return CandidateArg{CandidateArg::Kind::kType, id, TypeCategory(id), IsPreferredType(id)};
}

void Bin(std::vector<OperatorDef>& defs, std::string_view name, TypeId l, TypeId r, TypeId result,
         BinaryOperatorFn fn, std::string_view proc) {
  OperatorDef d;
  d.name = name;
  d.left = Arg(l);
  d.right = Arg(r);
  // array_append / array_prepend: the element side is polymorphic.
  // Like PostgreSQL's pseudo-type argument it counts neither as exact nor as
  // preferred, and its category is P.
  for (CandidateArg* a : {&d.left, &d.right}) {
    bool poly = (a == &d.left && proc == "array_prepend") || (a == &d.right && proc == "array_append");
    if (!poly) continue;
    a->polymorphic = true;
    a->category = 'P';
    a->preferred = false;
  }
  d.result = result;
  d.fn = fn;
  d.proc_name = proc;
  defs.push_back(d);
}

template <TypeId T>
void Comparisons(std::vector<OperatorDef>& defs, std::string_view stem_eq, std::string_view stem_ne,
                 std::string_view stem_lt, std::string_view stem_le, std::string_view stem_gt,
                 std::string_view stem_ge) {
  Bin(defs, "=", T, T, I::kBool, CmpFn<T, Op::kEq>, stem_eq);
  Bin(defs, "<>", T, T, I::kBool, CmpFn<T, Op::kNe>, stem_ne);
  Bin(defs, "<", T, T, I::kBool, CmpFn<T, Op::kLt>, stem_lt);
  Bin(defs, "<=", T, T, I::kBool, CmpFn<T, Op::kLe>, stem_le);
  Bin(defs, ">", T, T, I::kBool, CmpFn<T, Op::kGt>, stem_gt);
  Bin(defs, ">=", T, T, I::kBool, CmpFn<T, Op::kGe>, stem_ge);
}

template <TypeId A>
void ArrayRows(std::vector<OperatorDef>& defs) {
  Comparisons<A>(defs, "array_eq", "array_ne", "array_lt", "array_le", "array_gt", "array_ge");
  TypeId e = ArrayElementType(A);
  Bin(defs, "||", A, A, A, CatFn, "array_cat");
  Bin(defs, "||", A, e, A, AppendFn, "array_append");
  Bin(defs, "||", e, A, A, PrependFn, "array_prepend");
  Bin(defs, "@>", A, A, I::kBool, ContainsFn<A>, "arraycontains");
  Bin(defs, "<@", A, A, I::kBool, ContainedFn<A>, "arraycontained");
  Bin(defs, "&&", A, A, I::kBool, OverlapFn<A>, "arrayoverlap");
}

template <TypeId... As>
void AllArrays(std::vector<OperatorDef>& defs) {
  (ArrayRows<As>(defs), ...);
}

}  // namespace

void AppendContainerOperators(std::vector<OperatorDef>& defs) {
  AllArrays<I::kBoolArray, I::kByteaArray, I::kCharArray, I::kNameArray, I::kInt2Array, I::kInt4Array,
            I::kTextArray, I::kBpcharArray, I::kVarcharArray, I::kInt8Array, I::kFloat4Array, I::kFloat8Array,
            I::kOidArray, I::kDateArray, I::kTimeArray, I::kTimeTzArray, I::kTimestampArray, I::kTimestampTzArray,
            I::kIntervalArray, I::kNumericArray, I::kUuidArray, I::kJsonbArray>(defs);
  // int2vector[], oidvector[] and json[] have no element comparison (json has no =).
  Comparisons<I::kBytea>(defs, "byteaeq", "byteane", "bytealt", "byteale", "byteagt", "byteage");
  Bin(defs, "||", I::kBytea, I::kBytea, I::kBytea, ByteaCat, "byteacat");
  Comparisons<I::kUuid>(defs, "uuid_eq", "uuid_ne", "uuid_lt", "uuid_le", "uuid_gt", "uuid_ge");
  Comparisons<I::kChar>(defs, "chareq", "charne", "charlt", "charle", "chargt", "charge");
  Comparisons<I::kOidVector>(defs, "oidvectoreq", "oidvectorne", "oidvectorlt", "oidvectorle", "oidvectorgt",
                             "oidvectorge");
  Bin(defs, "=", I::kInt2Vector, I::kInt2Vector, I::kBool, CmpFn<I::kInt2Vector, Op::kEq>, "int2vectoreq");
}

}  // namespace basalt::engine::sql
