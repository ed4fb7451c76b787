// Set-returning functions over arrays and json(b): unnest, jsonb_each(_text),
// jsonb_array_elements(_text), jsonb_object_keys and their json twins
// (PostgreSQL 15 arrayfuncs.c array_unnest, jsonfuncs.c each_worker,
// elements_worker, json_object_keys), registered through the table-function
// registry (table_functions.hpp).
#include "engine/error/db_error.hpp"
#include "engine/sql/functions/table_functions.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/json_ops.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};

class ValuesGenerator final : public RowGenerator {
 public:
  explicit ValuesGenerator(std::vector<std::vector<Value>> rows) : rows_(std::move(rows)) {}
  bool Next(std::vector<Value>& out) override {
    if (pos_ >= rows_.size()) return false;
    for (size_t i = 0; i < out.size() && i < rows_[pos_].size(); ++i) out[i] = std::move(rows_[pos_][i]);
    ++pos_;
    return true;
  }

 private:
  std::vector<std::vector<Value>> rows_;
  size_t pos_ = 0;
};

class UnnestGenerator final : public RowGenerator {
 public:
  explicit UnnestGenerator(Value array) : array_(std::move(array)), reader_(array_.as_string()) {}
  bool Next(std::vector<Value>& out) override { return reader_.Next(out[0]); }

 private:
  Value array_;
  ArrayReader reader_;
};

// The tree of a json or jsonb argument.
JsonNode Tree(const Value& v, bool jsonb) { return jsonb ? JsonbTree(v.as_string()) : ParseJson(v.as_string(), false); }

Value NodeValue(const JsonNode& n, const Value& source, bool jsonb) {
  if (jsonb) return JsonbValue(n);
  return Value::String(source.as_string().substr(n.begin, n.end - n.begin));
}

Value NodeText(const JsonNode& n, const Value& source, bool jsonb) {
  auto s = jsonb ? JsonbAsText(n) : JsonAsText(n, source.as_string());
  return s ? Value::String(*s) : Value::Null();
}

template <bool kJsonb, bool kText>
RowGeneratorPtr Each(std::vector<Value> args, const TableFunctionInfo&, EvalContext&) {
  JsonNode t = Tree(args[0], kJsonb);
  if (t.kind != JsonNode::Kind::kObject) {
    throw DbError(SqlState::kInvalidParameterValue, "cannot call " + std::string(kJsonb ? "jsonb" : "json") +
                                                        (kText ? "_each_text" : "_each") + " on a non-object");
  }
  std::vector<std::vector<Value>> rows;
  for (const auto& [key, value] : t.members) {
    rows.push_back({Value::String(key), kText ? NodeText(value, args[0], kJsonb) : NodeValue(value, args[0], kJsonb)});
  }
  return std::make_unique<ValuesGenerator>(std::move(rows));
}

template <bool kJsonb, bool kText>
RowGeneratorPtr Elements(std::vector<Value> args, const TableFunctionInfo&, EvalContext&) {
  JsonNode t = Tree(args[0], kJsonb);
  if (t.kind != JsonNode::Kind::kArray) {
    throw DbError(SqlState::kInvalidParameterValue,
                  t.kind == JsonNode::Kind::kObject ? "cannot extract elements from an object"
                                                    : "cannot extract elements from a scalar");
  }
  std::vector<std::vector<Value>> rows;
  for (const JsonNode& item : t.items) {
    rows.push_back({kText ? NodeText(item, args[0], kJsonb) : NodeValue(item, args[0], kJsonb)});
  }
  return std::make_unique<ValuesGenerator>(std::move(rows));
}

template <bool kJsonb>
RowGeneratorPtr ObjectKeys(std::vector<Value> args, const TableFunctionInfo&, EvalContext&) {
  JsonNode t = Tree(args[0], kJsonb);
  std::string fn = kJsonb ? "jsonb_object_keys" : "json_object_keys";
  if (t.kind != JsonNode::Kind::kObject) {
    throw DbError(SqlState::kInvalidParameterValue,
                  "cannot call " + fn + (t.kind == JsonNode::Kind::kArray ? " on an array" : " on a scalar"));
  }
  std::vector<std::vector<Value>> rows;
  for (const auto& m : t.members) rows.push_back({Value::String(m.first)});
  return std::make_unique<ValuesGenerator>(std::move(rows));
}

RowGeneratorPtr Unnest(std::vector<Value> args, const TableFunctionInfo&, EvalContext&) {
  return std::make_unique<UnnestGenerator>(std::move(args[0]));
}

// A resolver for a one-argument json/jsonb function.
TableFunctionResolver JsonResolver(TypeId want, std::vector<TableFunctionColumn> columns, bool scalar,
                                   TableFunctionFactory factory) {
  return [=](const std::vector<Type>& args) -> std::optional<TableFunctionInfo> {
    if (args.size() != 1 || (args[0].id != want && args[0].id != TypeId::kUnknown)) return std::nullopt;
    TableFunctionInfo info;
    info.arg_types = {Type{want, -1}};
    info.columns = columns;
    info.scalar_result = scalar;
    info.factory = factory;
    return info;
  };
}

}  // namespace

void RegisterContainerTableFunctions(TableFunctionRegistry& r) {
  r.Register("unnest", [](const std::vector<Type>& args) -> std::optional<TableFunctionInfo> {
    if (args.size() != 1) return std::nullopt;
    TypeId id = args[0].id;
    if (!IsArrayType(id) && id != TypeId::kInt2Vector && id != TypeId::kOidVector) return std::nullopt;
    TableFunctionInfo info;
    info.arg_types = {args[0]};
    info.columns = {{"unnest", Type{ArrayElementType(id), IsArrayType(id) ? args[0].typmod : -1}}};
    info.factory = &Unnest;
    return info;
  });
  const Type jsonb{TypeId::kJsonb, -1}, json{TypeId::kJson, -1};
  r.Register("jsonb_each", JsonResolver(TypeId::kJsonb, {{"key", kText}, {"value", jsonb}}, false, &Each<true, false>));
  r.Register("jsonb_each_text", JsonResolver(TypeId::kJsonb, {{"key", kText}, {"value", kText}}, false, &Each<true, true>));
  r.Register("json_each", JsonResolver(TypeId::kJson, {{"key", kText}, {"value", json}}, false, &Each<false, false>));
  r.Register("json_each_text", JsonResolver(TypeId::kJson, {{"key", kText}, {"value", kText}}, false, &Each<false, true>));
  r.Register("jsonb_array_elements", JsonResolver(TypeId::kJsonb, {{"value", jsonb}}, false, &Elements<true, false>));
  r.Register("jsonb_array_elements_text",
             JsonResolver(TypeId::kJsonb, {{"value", kText}}, false, &Elements<true, true>));
  r.Register("json_array_elements", JsonResolver(TypeId::kJson, {{"value", json}}, false, &Elements<false, false>));
  r.Register("json_array_elements_text", JsonResolver(TypeId::kJson, {{"value", kText}}, false, &Elements<false, true>));
  r.Register("jsonb_object_keys", JsonResolver(TypeId::kJsonb, {{"jsonb_object_keys", kText}}, true, &ObjectKeys<true>));
  r.Register("json_object_keys", JsonResolver(TypeId::kJson, {{"json_object_keys", kText}}, true, &ObjectKeys<false>));
}

}  // namespace basalt::engine::sql
