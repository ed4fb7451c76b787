// Array functions. Dimensions other than the first are rejected with 0A000
// where PostgreSQL would walk them (positions, remove); sizes and bounds
// report any dimension.
#include "engine/sql/functions/array_functions.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/types/array_ops.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {
namespace {

using Args = std::span<const Value>;
using Types = const std::vector<Type>&;

const Type kInt4{TypeId::kInt4, -1};
const Type kText{TypeId::kText, -1};

constexpr TypeId kAllArrays[] = {
    TypeId::kBoolArray,      TypeId::kByteaArray,       TypeId::kCharArray,       TypeId::kNameArray,
    TypeId::kInt2Array,      TypeId::kInt2VectorArray,  TypeId::kInt4Array,       TypeId::kTextArray,
    TypeId::kOidVectorArray, TypeId::kBpcharArray,      TypeId::kVarcharArray,    TypeId::kInt8Array,
    TypeId::kFloat4Array,    TypeId::kFloat8Array,      TypeId::kOidArray,        TypeId::kDateArray,
    TypeId::kTimeArray,      TypeId::kTimeTzArray,      TypeId::kTimestampArray,  TypeId::kTimestampTzArray,
    TypeId::kIntervalArray,  TypeId::kNumericArray,     TypeId::kUuidArray,       TypeId::kJsonArray,
    TypeId::kJsonbArray,     TypeId::kRegclassArray,    TypeId::kRegtypeArray,    TypeId::kAclItemArray,
};

bool NotDistinct(const Value& a, const Value& b, TypeId element) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  return Compare(a, b, element) == 0;
}

// Dimension `d` (1-based) of the array, or nullopt when it has no such dimension.
struct Dim {
  int32_t lower, length;
};
std::optional<Dim> GetDim(const Value& a, int64_t d) {
  ArrayReader r(a.as_string());
  if (d < 1 || d > r.ndim()) return std::nullopt;
  return Dim{r.lower_bound(static_cast<int>(d - 1)), r.length(static_cast<int>(d - 1))};
}

Value FnArrayLength(Args a, Types, Type, EvalContext&) {
  auto d = GetDim(a[0], a[1].as_int());
  return d ? Value::Int(d->length) : Value::Null();
}
Value FnArrayUpper(Args a, Types, Type, EvalContext&) {
  auto d = GetDim(a[0], a[1].as_int());
  return d ? Value::Int(static_cast<int64_t>(d->lower) + d->length - 1) : Value::Null();
}
Value FnArrayLower(Args a, Types, Type, EvalContext&) {
  auto d = GetDim(a[0], a[1].as_int());
  return d ? Value::Int(d->lower) : Value::Null();
}
Value FnArrayNdims(Args a, Types, Type, EvalContext&) {
  ArrayReader r(a[0].as_string());
  return r.ndim() == 0 ? Value::Null() : Value::Int(r.ndim());
}
Value FnCardinality(Args a, Types, Type, EvalContext&) { return Value::Int(ArrayReader(a[0].as_string()).size()); }
Value FnArrayDims(Args a, Types, Type, EvalContext&) {
  ArrayReader r(a[0].as_string());
  if (r.ndim() == 0) return Value::Null();
  std::string out;
  for (int d = 0; d < r.ndim(); ++d) {
    out += fmt::format("[{}:{}]", r.lower_bound(d), static_cast<int64_t>(r.lower_bound(d)) + r.length(d) - 1);
  }
  return Value::String(std::move(out));
}

ArrayData OneDim(const Value& a, const char* message) {
  ArrayData data = DecodeArray(a);
  if (data.ndim() > 1) throw DbError(SqlState::kFeatureNotSupported, message);
  return data;
}

Value FnArrayPosition(Args a, Types types, Type, EvalContext&) {
  if (a[0].is_null()) return Value::Null();
  ArrayData data = OneDim(a[0], "searching for elements in multidimensional arrays is not supported");
  TypeId element = ArrayElementType(types[0].id);
  int32_t lower = data.lbounds.empty() ? 1 : data.lbounds[0];
  size_t start = 0;
  if (a.size() > 2) {
    if (a[2].is_null()) {
      throw DbError(SqlState::kNullValueNotAllowed, "initial position must not be null");
    }
    int64_t s = a[2].as_int() - lower;
    start = s < 0 ? 0 : static_cast<size_t>(s);
  }
  for (size_t i = start; i < data.items.size(); ++i) {
    if (NotDistinct(data.items[i], a[1], element)) return Value::Int(lower + static_cast<int64_t>(i));
  }
  return Value::Null();
}

Value FnArrayPositions(Args a, Types types, Type, EvalContext&) {
  if (a[0].is_null()) return Value::Null();
  ArrayData data = OneDim(a[0], "searching for elements in multidimensional arrays is not supported");
  TypeId element = ArrayElementType(types[0].id);
  int32_t lower = data.lbounds.empty() ? 1 : data.lbounds[0];
  std::vector<Value> out;
  for (size_t i = 0; i < data.items.size(); ++i) {
    if (NotDistinct(data.items[i], a[1], element)) out.push_back(Value::Int(lower + static_cast<int64_t>(i)));
  }
  return MakeArray(out);
}

Value FnArrayAppend(Args a, Types, Type, EvalContext&) { return ArrayAppend(a[0], a[1]); }
Value FnArrayPrepend(Args a, Types, Type, EvalContext&) { return ArrayPrepend(a[0], a[1]); }
Value FnArrayCat(Args a, Types, Type, EvalContext&) {
  if (a[0].is_null() && a[1].is_null()) return Value::Null();
  return ArrayCat(a[0], a[1]);
}

Value FnArrayRemove(Args a, Types types, Type, EvalContext&) {
  if (a[0].is_null()) return Value::Null();
  ArrayData data = OneDim(a[0], "removing elements from multidimensional arrays is not supported");
  TypeId element = ArrayElementType(types[0].id);
  std::vector<Value> kept;
  for (const Value& v : data.items) {
    if (!NotDistinct(v, a[1], element)) kept.push_back(v);
  }
  if (kept.size() == data.items.size()) return a[0];
  return MakeArray(kept, kept.empty() ? 1 : data.lbounds[0]);
}

Value FnArrayReplace(Args a, Types types, Type, EvalContext&) {
  if (a[0].is_null()) return Value::Null();
  ArrayData data = DecodeArray(a[0]);
  TypeId element = ArrayElementType(types[0].id);
  for (Value& v : data.items) {
    if (NotDistinct(v, a[1], element)) v = a[2];
  }
  return MakeArray(data);
}

FormatOptions Options(const EvalContext& ctx) {
  FormatOptions opts;
  opts.extra_float_digits = ctx.extra_float_digits;
  opts.datetime = datetime::ThreadDateTimeSettings();
  return opts;
}

Value FnArrayToString(Args a, Types types, Type, EvalContext& ctx) {
  if (a[0].is_null() || a[1].is_null()) return Value::Null();
  Type element{ArrayElementType(types[0].id), types[0].typmod};
  FormatOptions opts = Options(ctx);
  bool has_null_text = a.size() > 2 && !a[2].is_null();
  std::string out;
  bool first = true;
  ArrayReader r(a[0].as_string());
  Value item;
  while (r.Next(item)) {
    if (item.is_null() && !has_null_text) continue;
    if (!first) out += a[1].as_string();
    first = false;
    if (item.is_null()) {
      out += a[2].as_string();
    } else {
      AppendText(item, element, out, opts);
    }
  }
  return Value::String(std::move(out));
}

Value FnStringToArray(Args a, Types, Type, EvalContext&) {
  if (a[0].is_null()) return Value::Null();
  const std::string& s = a[0].as_string();
  std::optional<std::string> null_text;
  if (a.size() > 2 && !a[2].is_null()) null_text = a[2].as_string();
  std::vector<Value> items;
  auto add = [&](std::string_view piece) {
    if (null_text && piece == *null_text) {
      items.push_back(Value::Null());
    } else {
      items.push_back(Value::String(piece));
    }
  };
  if (s.empty()) return MakeArray(items);
  if (a[1].is_null()) {
    // A null delimiter splits into characters (UTF-8 aware).
    size_t i = 0;
    while (i < s.size()) {
      auto c = static_cast<unsigned char>(s[i]);
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      add(std::string_view(s).substr(i, len));
      i += len;
    }
    return MakeArray(items);
  }
  const std::string& delim = a[1].as_string();
  if (delim.empty()) {
    add(s);
    return MakeArray(items);
  }
  size_t start = 0;
  while (true) {
    size_t pos = s.find(delim, start);
    if (pos == std::string::npos) {
      add(std::string_view(s).substr(start));
      break;
    }
    add(std::string_view(s).substr(start, pos - start));
    start = pos + delim.size();
  }
  return MakeArray(items);
}

}  // namespace

Value ArrayBuild(Args args, Types, Type, EvalContext&) { return MakeArray(std::vector<Value>(args.begin(), args.end())); }

Value ArrayBuildNested(Args args, Types, Type, EvalContext&) {
  ArrayData out;
  std::optional<ArrayData> shape;
  for (const Value& v : args) {
    if (v.is_null()) {
      throw DbError(SqlState::kFeatureNotSupported, "null sub-arrays in ARRAY[] are not supported");
    }
    ArrayData sub = DecodeArray(v);
    if (shape && (shape->dims != sub.dims || shape->lbounds != sub.lbounds)) {
      throw DbError(SqlState::kArraySubscriptError,
                    "multidimensional arrays must have array expressions with matching dimensions");
    }
    if (!shape) shape = sub;
    out.items.insert(out.items.end(), sub.items.begin(), sub.items.end());
  }
  if (!shape || shape->items.empty()) return MakeArray(std::vector<Value>{});
  if (shape->ndim() + 1 > kMaxArrayDims) {
    throw DbError(SqlState::kProgramLimitExceeded,
                  fmt::format("number of array dimensions ({}) exceeds the maximum allowed ({})", shape->ndim() + 1,
                              kMaxArrayDims));
  }
  out.dims.push_back(static_cast<int32_t>(args.size()));
  out.lbounds.push_back(1);
  out.dims.insert(out.dims.end(), shape->dims.begin(), shape->dims.end());
  out.lbounds.insert(out.lbounds.end(), shape->lbounds.begin(), shape->lbounds.end());
  return MakeArray(out);
}

Value ArraySubscript(Args a, Types, Type, EvalContext&) {
  ArrayReader r(a[0].as_string());
  if (r.ndim() != 1) {
    if (r.ndim() > 1) {
      throw DbError(SqlState::kFeatureNotSupported, "subscripting multidimensional arrays is not supported");
    }
    return Value::Null();
  }
  int64_t index = a[1].as_int() - r.lower_bound(0);
  if (index < 0 || index >= r.length(0)) return Value::Null();
  Value item;
  for (int64_t i = 0; i <= index; ++i) r.Next(item);
  return item;
}

Value ArraySlice(Args a, Types, Type, EvalContext&) {
  ArrayData data = DecodeArray(a[0]);
  if (data.ndim() > 1) throw DbError(SqlState::kFeatureNotSupported, "slicing multidimensional arrays is not supported");
  if (data.items.empty()) return a[0];
  int64_t lo = std::max<int64_t>(a[1].as_int(), data.lbounds[0]);
  int64_t hi = std::min<int64_t>(a[2].as_int(), static_cast<int64_t>(data.lbounds[0]) + data.dims[0] - 1);
  std::vector<Value> out;
  for (int64_t i = lo; i <= hi; ++i) out.push_back(data.items[static_cast<size_t>(i - data.lbounds[0])]);
  return MakeArray(out);
}

void RegisterArrayFunctions(std::vector<FunctionEntry>& out) {
  for (TypeId id : kAllArrays) {
    Type arr{id, -1};
    Type elem{ArrayElementType(id), -1};
    auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn, bool strict = true) {
      FunctionEntry e;
      e.name = name;
      e.info.arg_types = std::move(args);
      e.info.result = result;
      e.info.fn = fn;
      e.info.strict = strict;
      out.push_back(std::move(e));
    };
    add("array_length", {arr, kInt4}, kInt4, &FnArrayLength);
    add("array_upper", {arr, kInt4}, kInt4, &FnArrayUpper);
    add("array_lower", {arr, kInt4}, kInt4, &FnArrayLower);
    add("array_ndims", {arr}, kInt4, &FnArrayNdims);
    add("array_dims", {arr}, kText, &FnArrayDims);
    add("cardinality", {arr}, kInt4, &FnCardinality);
    add("array_position", {arr, elem}, kInt4, &FnArrayPosition, false);
    add("array_position", {arr, elem, kInt4}, kInt4, &FnArrayPosition, false);
    add("array_positions", {arr, elem}, Type{TypeId::kInt4Array, -1}, &FnArrayPositions, false);
    add("array_append", {arr, elem}, arr, &FnArrayAppend, false);
    add("array_prepend", {elem, arr}, arr, &FnArrayPrepend, false);
    add("array_cat", {arr, arr}, arr, &FnArrayCat, false);
    add("array_remove", {arr, elem}, arr, &FnArrayRemove, false);
    add("array_replace", {arr, elem, elem}, arr, &FnArrayReplace, false);
    add("array_to_string", {arr, kText}, kText, &FnArrayToString);
    add("array_to_string", {arr, kText, kText}, kText, &FnArrayToString, false);
  }
  auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn, bool strict) {
    FunctionEntry e;
    e.name = name;
    e.info.arg_types = std::move(args);
    e.info.result = result;
    e.info.fn = fn;
    e.info.strict = strict;
    out.push_back(std::move(e));
  };
  Type text_array{TypeId::kTextArray, -1};
  add("string_to_array", {kText, kText}, text_array, &FnStringToArray, false);
  add("string_to_array", {kText, kText, kText}, text_array, &FnStringToArray, false);
}

}  // namespace basalt::engine::sql
