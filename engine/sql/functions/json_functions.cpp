// json/jsonb scalar functions (PostgreSQL 15 json.c, jsonb.c, jsonfuncs.c):
// constructors, to_json(b), typeof, array length, jsonb_set, jsonb_pretty,
// strip_nulls.
#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/json_convert.hpp"
#include "engine/sql/types/json_ops.hpp"

namespace basalt::engine::sql {
namespace {

using Args = std::span<const Value>;
using Types = const std::vector<Type>&;

const Type kJson{TypeId::kJson, -1};
const Type kJsonb{TypeId::kJsonb, -1};
const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kBool{TypeId::kBool, -1};
const Type kTextArray{TypeId::kTextArray, -1};

FormatOptions Options(const EvalContext& ctx) {
  FormatOptions opts;
  opts.extra_float_digits = ctx.extra_float_digits;
  opts.datetime = datetime::ThreadDateTimeSettings();
  return opts;
}

Type ArgType(Types types, size_t i) {
  Type t = types[i];
  return t.id == TypeId::kUnknown ? kText : t;
}

void CheckPairs(Args a, const char* fn) {
  if (a.size() % 2 != 0) {
    throw DbError(SqlState::kInvalidParameterValue, "argument list must have even number of elements")
        .WithHint(fmt::format("The arguments of {}() must consist of alternating keys and values.", fn));
  }
}

std::string Key(Args a, Types types, size_t i, const FormatOptions& opts) {
  if (a[i].is_null()) {
    throw DbError(SqlState::kInvalidParameterValue, fmt::format("argument {}: key must not be null", i + 1));
  }
  return JsonKeyText(a[i], ArgType(types, i), opts);
}

Value JsonbBuildObject(Args a, Types types, Type, EvalContext& ctx) {
  CheckPairs(a, "jsonb_build_object");
  FormatOptions opts = Options(ctx);
  JsonNode obj = JsonNode::Object();
  for (size_t i = 0; i < a.size(); i += 2) {
    std::string key = Key(a, types, i, opts);
    obj.members.emplace_back(std::move(key), ToJsonbNode(a[i + 1], ArgType(types, i + 1), opts));
  }
  NormalizeJsonb(obj);
  return JsonbValue(obj);
}

Value JsonBuildObject(Args a, Types types, Type, EvalContext& ctx) {
  CheckPairs(a, "json_build_object");
  FormatOptions opts = Options(ctx);
  std::string out = "{";
  for (size_t i = 0; i < a.size(); i += 2) {
    if (i) out += ", ";
    AppendJsonString(Key(a, types, i, opts), out);
    out += " : ";
    AppendToJson(a[i + 1], ArgType(types, i + 1), out, opts);
  }
  out += "}";
  return Value::String(std::move(out));
}

Value JsonbBuildArray(Args a, Types types, Type, EvalContext& ctx) {
  FormatOptions opts = Options(ctx);
  JsonNode arr = JsonNode::Array();
  for (size_t i = 0; i < a.size(); ++i) arr.items.push_back(ToJsonbNode(a[i], ArgType(types, i), opts));
  return JsonbValue(arr);
}

Value JsonBuildArray(Args a, Types types, Type, EvalContext& ctx) {
  FormatOptions opts = Options(ctx);
  std::string out = "[";
  for (size_t i = 0; i < a.size(); ++i) {
    if (i) out += ", ";
    AppendToJson(a[i], ArgType(types, i), out, opts);
  }
  out += "]";
  return Value::String(std::move(out));
}

void RequireOneArg(Args a, Types types, const char* name) {
  if (a.size() != 1) {
    std::string list;
    for (size_t i = 0; i < types.size(); ++i) list += (i ? ", " : "") + FormatType(Type{types[i].id, -1});
    throw DbError(SqlState::kUndefinedFunction, fmt::format("function {}({}) does not exist", name, list))
        .WithHint("No function matches the given name and argument types. You might need to add explicit type casts.");
  }
}

Value ToJsonb(Args a, Types types, Type, EvalContext& ctx) {
  RequireOneArg(a, types, "to_jsonb");
  if (a[0].is_null()) return Value::Null();
  return JsonbValue(ToJsonbNode(a[0], ArgType(types, 0), Options(ctx)));
}

Value ToJson(Args a, Types types, Type, EvalContext& ctx) {
  RequireOneArg(a, types, "to_json");
  if (a[0].is_null()) return Value::Null();
  std::string out;
  AppendToJson(a[0], ArgType(types, 0), out, Options(ctx));
  return Value::String(std::move(out));
}

const char* TypeofName(const JsonNode& n) {
  switch (n.kind) {
    case JsonNode::Kind::kObject: return "object";
    case JsonNode::Kind::kArray: return "array";
    case JsonNode::Kind::kString: return "string";
    case JsonNode::Kind::kNumber: return "number";
    case JsonNode::Kind::kTrue:
    case JsonNode::Kind::kFalse: return "boolean";
    case JsonNode::Kind::kNull: return "null";
  }
  return "null";
}

JsonNode Tree(const Value& v, Types types) {
  return types[0].id == TypeId::kJsonb ? JsonbTree(v.as_string()) : ParseJson(v.as_string(), false);
}

Value JsonTypeof(Args a, Types types, Type, EvalContext&) { return Value::String(TypeofName(Tree(a[0], types))); }

Value JsonArrayLength(Args a, Types types, Type, EvalContext&) {
  JsonNode n = Tree(a[0], types);
  if (n.kind == JsonNode::Kind::kArray) return Value::Int(static_cast<int64_t>(n.items.size()));
  bool jsonb = types[0].id == TypeId::kJsonb;
  if (n.kind == JsonNode::Kind::kObject && jsonb) {
    throw DbError(SqlState::kInvalidParameterValue, "cannot get array length of a non-array");
  }
  if (n.kind == JsonNode::Kind::kObject) {
    throw DbError(SqlState::kInvalidParameterValue, "cannot get array length of a non-array");
  }
  throw DbError(SqlState::kInvalidParameterValue, "cannot get array length of a scalar");
}

Value JsonbSetFn(Args a, Types, Type, EvalContext&) {
  bool create = a.size() < 4 || a[3].as_bool();
  return JsonbValue(JsonbSet(JsonbTree(a[0].as_string()), TextArrayPath(a[1]), JsonbTree(a[2].as_string()), create));
}

Value JsonbPretty(Args a, Types, Type, EvalContext&) {
  std::string out;
  AppendJsonbPretty(JsonbTree(a[0].as_string()), out);
  return Value::String(std::move(out));
}

Value JsonbStripNullsFn(Args a, Types, Type, EvalContext&) {
  return JsonbValue(JsonbStripNulls(JsonbTree(a[0].as_string())));
}

Value JsonbExtractPath(Args a, Types, Type, EvalContext&) {
  JsonNode t = JsonbTree(a[0].as_string());
  const JsonNode* n = JsonPath(t, TextArrayPath(a[1]));
  return n ? JsonbValue(*n) : Value::Null();
}

Value JsonbExtractPathText(Args a, Types, Type, EvalContext&) {
  JsonNode t = JsonbTree(a[0].as_string());
  const JsonNode* n = JsonPath(t, TextArrayPath(a[1]));
  if (!n) return Value::Null();
  auto s = JsonbAsText(*n);
  return s ? Value::String(*s) : Value::Null();
}

}  // namespace

void RegisterJsonFunctions(std::vector<FunctionEntry>& out) {
  auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn, bool strict = true,
                 bool variadic = false) {
    FunctionEntry e;
    e.name = name;
    e.info.arg_types = std::move(args);
    e.info.result = result;
    e.info.fn = fn;
    e.info.strict = strict;
    e.info.variadic_any = variadic;
    out.push_back(std::move(e));
  };
  // Zero arguments: a plain entry, since a VARIADIC "any" entry needs at least one.
  add("jsonb_build_object", {}, kJsonb, &JsonbBuildObject, false);
  add("json_build_object", {}, kJson, &JsonBuildObject, false);
  add("jsonb_build_array", {}, kJsonb, &JsonbBuildArray, false);
  add("json_build_array", {}, kJson, &JsonBuildArray, false);
  add("jsonb_build_object", {}, kJsonb, &JsonbBuildObject, false, true);
  add("json_build_object", {}, kJson, &JsonBuildObject, false, true);
  add("jsonb_build_array", {}, kJsonb, &JsonbBuildArray, false, true);
  add("json_build_array", {}, kJson, &JsonBuildArray, false, true);
  add("to_jsonb", {}, kJsonb, &ToJsonb, false, true);
  add("to_json", {}, kJson, &ToJson, false, true);
  add("jsonb_typeof", {kJsonb}, kText, &JsonTypeof);
  add("json_typeof", {kJson}, kText, &JsonTypeof);
  add("jsonb_array_length", {kJsonb}, kInt4, &JsonArrayLength);
  add("json_array_length", {kJson}, kInt4, &JsonArrayLength);
  add("jsonb_set", {kJsonb, kTextArray, kJsonb}, kJsonb, &JsonbSetFn);
  add("jsonb_set", {kJsonb, kTextArray, kJsonb, kBool}, kJsonb, &JsonbSetFn);
  add("jsonb_pretty", {kJsonb}, kText, &JsonbPretty);
  add("jsonb_strip_nulls", {kJsonb}, kJsonb, &JsonbStripNullsFn);
  add("jsonb_extract_path", {kJsonb, kTextArray}, kJsonb, &JsonbExtractPath);
  add("jsonb_extract_path_text", {kJsonb, kTextArray}, kText, &JsonbExtractPathText);
}

}  // namespace basalt::engine::sql
