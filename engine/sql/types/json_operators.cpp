// pg_operator's rows on json and jsonb (PostgreSQL 15): navigation (-> ->>
// #> #>>), containment and existence (@> <@ ? ?| ?&), || and deletion (-
// #-), and jsonb's btree comparisons.
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/json_ops.hpp"
#include "engine/sql/types/operator_catalog.hpp"

namespace basalt::engine::sql {
namespace {

using I = TypeId;

Value Text(const std::optional<std::string>& s) { return s ? Value::String(*s) : Value::Null(); }

JsonNode Tree(const Value& v) { return JsonbTree(v.as_string()); }

// json keeps its text: navigation results are spans of the input.
Value JsonSpan(const JsonNode* n, const Value& source) {
  if (!n) return Value::Null();
  return Value::String(source.as_string().substr(n->begin, n->end - n->begin));
}

#define STRICT2 \
  if (a.is_null() || b.is_null()) return Value::Null()

Value JsonbField(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = Tree(a);
  const JsonNode* n = FindMember(t, b.as_string());
  return n ? JsonbValue(*n) : Value::Null();
}
Value JsonbFieldText(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = Tree(a);
  const JsonNode* n = FindMember(t, b.as_string());
  return n ? Text(JsonbAsText(*n)) : Value::Null();
}
Value JsonbElem(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = Tree(a);
  const JsonNode* n = JsonArrayElement(t, b.as_int());
  return n ? JsonbValue(*n) : Value::Null();
}
Value JsonbElemText(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = Tree(a);
  const JsonNode* n = JsonArrayElement(t, b.as_int());
  return n ? Text(JsonbAsText(*n)) : Value::Null();
}
Value JsonbPathOp(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = Tree(a);
  const JsonNode* n = JsonPath(t, TextArrayPath(b));
  return n ? JsonbValue(*n) : Value::Null();
}
Value JsonbPathText(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = Tree(a);
  const JsonNode* n = JsonPath(t, TextArrayPath(b));
  return n ? Text(JsonbAsText(*n)) : Value::Null();
}

Value JsonField(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = ParseJson(a.as_string(), false);
  return JsonSpan(JsonObjectField(t, b.as_string()), a);
}
Value JsonFieldText(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = ParseJson(a.as_string(), false);
  const JsonNode* n = JsonObjectField(t, b.as_string());
  return n ? Text(JsonAsText(*n, a.as_string())) : Value::Null();
}
Value JsonElem(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = ParseJson(a.as_string(), false);
  return JsonSpan(JsonArrayElement(t, b.as_int()), a);
}
Value JsonElemText(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = ParseJson(a.as_string(), false);
  const JsonNode* n = JsonArrayElement(t, b.as_int());
  return n ? Text(JsonAsText(*n, a.as_string())) : Value::Null();
}
Value JsonPathOp(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = ParseJson(a.as_string(), false);
  return JsonSpan(JsonPath(t, TextArrayPath(b)), a);
}
Value JsonPathText(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = ParseJson(a.as_string(), false);
  const JsonNode* n = JsonPath(t, TextArrayPath(b));
  return n ? Text(JsonAsText(*n, a.as_string())) : Value::Null();
}

Value Contains(const Value& a, const Value& b) {
  STRICT2;
  return Value::Bool(JsonbContains(Tree(a), Tree(b)));
}
Value Contained(const Value& a, const Value& b) {
  STRICT2;
  return Value::Bool(JsonbContains(Tree(b), Tree(a)));
}
Value Exists(const Value& a, const Value& b) {
  STRICT2;
  return Value::Bool(JsonbExists(Tree(a), b.as_string()));
}
template <bool All>
Value ExistsMany(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = Tree(a);
  ArrayReader r(b.as_string());
  Value key;
  while (r.Next(key)) {
    if (key.is_null()) continue;
    bool has = JsonbExists(t, key.as_string());
    if (All && !has) return Value::Bool(false);
    if (!All && has) return Value::Bool(true);
  }
  return Value::Bool(All);
}
Value Concat(const Value& a, const Value& b) {
  STRICT2;
  return JsonbValue(JsonbConcat(Tree(a), Tree(b)));
}
Value DeleteKey(const Value& a, const Value& b) {
  STRICT2;
  return JsonbValue(JsonbDeleteKey(Tree(a), b.as_string()));
}
Value DeleteIndex(const Value& a, const Value& b) {
  STRICT2;
  return JsonbValue(JsonbDeleteIndex(Tree(a), b.as_int()));
}
Value DeleteKeys(const Value& a, const Value& b) {
  STRICT2;
  JsonNode t = Tree(a);
  if (t.is_scalar()) return JsonbValue(JsonbDeleteKey(t, ""));  // raises "cannot delete from scalar"
  ArrayReader r(b.as_string());
  Value key;
  while (r.Next(key)) {
    if (!key.is_null()) t = JsonbDeleteKey(t, key.as_string());
  }
  return JsonbValue(t);
}
Value DeletePath(const Value& a, const Value& b) {
  STRICT2;
  return JsonbValue(JsonbDeletePath(Tree(a), TextArrayPath(b)));
}

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe };
template <Op O>
Value Cmp(const Value& a, const Value& b) {
  STRICT2;
  int c = Compare(a, b, I::kJsonb);
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

#undef STRICT2

CandidateArg Arg(TypeId id) {
  return CandidateArg{CandidateArg::Kind::kType, id, TypeCategory(id), IsPreferredType(id)};
}

}  // namespace

void AppendJsonOperators(std::vector<OperatorDef>& defs) {
  auto bin = [&](std::string_view name, TypeId l, TypeId r, TypeId result, BinaryOperatorFn fn,
                 std::string_view proc) {
    OperatorDef d;
    d.name = name;
    d.left = Arg(l);
    d.right = Arg(r);
    d.result = result;
    d.fn = fn;
    d.proc_name = proc;
    defs.push_back(d);
  };
  bin("->", I::kJsonb, I::kText, I::kJsonb, JsonbField, "jsonb_object_field");
  bin("->>", I::kJsonb, I::kText, I::kText, JsonbFieldText, "jsonb_object_field_text");
  bin("->", I::kJsonb, I::kInt4, I::kJsonb, JsonbElem, "jsonb_array_element");
  bin("->>", I::kJsonb, I::kInt4, I::kText, JsonbElemText, "jsonb_array_element_text");
  bin("#>", I::kJsonb, I::kTextArray, I::kJsonb, JsonbPathOp, "jsonb_extract_path_op");
  bin("#>>", I::kJsonb, I::kTextArray, I::kText, JsonbPathText, "jsonb_extract_path_text_op");
  bin("->", I::kJson, I::kText, I::kJson, JsonField, "json_object_field");
  bin("->>", I::kJson, I::kText, I::kText, JsonFieldText, "json_object_field_text");
  bin("->", I::kJson, I::kInt4, I::kJson, JsonElem, "json_array_element");
  bin("->>", I::kJson, I::kInt4, I::kText, JsonElemText, "json_array_element_text");
  bin("#>", I::kJson, I::kTextArray, I::kJson, JsonPathOp, "json_extract_path_op");
  bin("#>>", I::kJson, I::kTextArray, I::kText, JsonPathText, "json_extract_path_text_op");
  bin("@>", I::kJsonb, I::kJsonb, I::kBool, Contains, "jsonb_contains");
  bin("<@", I::kJsonb, I::kJsonb, I::kBool, Contained, "jsonb_contained");
  bin("?", I::kJsonb, I::kText, I::kBool, Exists, "jsonb_exists");
  bin("?|", I::kJsonb, I::kTextArray, I::kBool, ExistsMany<false>, "jsonb_exists_any");
  bin("?&", I::kJsonb, I::kTextArray, I::kBool, ExistsMany<true>, "jsonb_exists_all");
  bin("||", I::kJsonb, I::kJsonb, I::kJsonb, Concat, "jsonb_concat");
  bin("-", I::kJsonb, I::kText, I::kJsonb, DeleteKey, "jsonb_delete");
  bin("-", I::kJsonb, I::kInt4, I::kJsonb, DeleteIndex, "jsonb_delete");
  bin("-", I::kJsonb, I::kTextArray, I::kJsonb, DeleteKeys, "jsonb_delete");
  bin("#-", I::kJsonb, I::kTextArray, I::kJsonb, DeletePath, "jsonb_delete_path");
  bin("=", I::kJsonb, I::kJsonb, I::kBool, Cmp<Op::kEq>, "jsonb_eq");
  bin("<>", I::kJsonb, I::kJsonb, I::kBool, Cmp<Op::kNe>, "jsonb_ne");
  bin("<", I::kJsonb, I::kJsonb, I::kBool, Cmp<Op::kLt>, "jsonb_lt");
  bin("<=", I::kJsonb, I::kJsonb, I::kBool, Cmp<Op::kLe>, "jsonb_le");
  bin(">", I::kJsonb, I::kJsonb, I::kBool, Cmp<Op::kGt>, "jsonb_gt");
  bin(">=", I::kJsonb, I::kJsonb, I::kBool, Cmp<Op::kGe>, "jsonb_ge");
}

}  // namespace basalt::engine::sql
