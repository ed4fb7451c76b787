#include "engine/sql/types/json_convert.hpp"

#include <cmath>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/array_value.hpp"

namespace basalt::engine::sql {
namespace {

enum class Category { kNull, kBool, kNumber, kFloat, kDateTime, kJson, kJsonb, kArray, kOther };

Category CategoryOf(TypeId id) {
  if (IsArrayType(id)) return Category::kArray;
  switch (id) {
    case TypeId::kBool: return Category::kBool;
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8:
    case TypeId::kNumeric: return Category::kNumber;
    case TypeId::kFloat4:
    case TypeId::kFloat8: return Category::kFloat;
    case TypeId::kDate:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return Category::kDateTime;
    case TypeId::kJson: return Category::kJson;
    case TypeId::kJsonb: return Category::kJsonb;
    default: return Category::kOther;
  }
}

// JsonEncodeDateTime: ISO 8601 with 'T' and a +hh:mm offset.
std::string XsdDateTime(const Value& v, Type t, const FormatOptions& opts) {
  std::string s = ToText(v, t, opts);
  if (t.id == TypeId::kDate || s == "infinity" || s == "-infinity") return s;
  size_t space = s.find(' ');
  if (space != std::string::npos) s[space] = 'T';
  if (t.id == TypeId::kTimestampTz) {
    // Output ends in +hh, +hh:mm or +hh:mm:ss; XSD wants at least +hh:mm.
    size_t sign = s.find_last_of("+-");
    if (sign != std::string::npos && sign > 10 && s.size() - sign == 3) s += ":00";
  }
  return s;
}

void AppendArrayJson(ArrayReader& r, int dim, Type element, std::string& out, const FormatOptions& opts) {
  out.push_back('[');
  for (int32_t i = 0; i < r.length(dim); ++i) {
    if (i) out.push_back(',');
    if (dim + 1 < r.ndim()) {
      AppendArrayJson(r, dim + 1, element, out, opts);
    } else {
      Value item;
      r.Next(item);
      AppendToJson(item, element, out, opts);
    }
  }
  out.push_back(']');
}

JsonNode ArrayNode(ArrayReader& r, int dim, Type element, const FormatOptions& opts) {
  JsonNode n = JsonNode::Array();
  for (int32_t i = 0; i < r.length(dim); ++i) {
    if (dim + 1 < r.ndim()) {
      n.items.push_back(ArrayNode(r, dim + 1, element, opts));
    } else {
      Value item;
      r.Next(item);
      n.items.push_back(ToJsonbNode(item, element, opts));
    }
  }
  return n;
}

}  // namespace

void AppendToJson(const Value& v, Type t, std::string& out, const FormatOptions& opts) {
  if (v.is_null()) {
    out += "null";
    return;
  }
  switch (CategoryOf(t.id)) {
    case Category::kBool: out += v.as_bool() ? "true" : "false"; return;
    case Category::kNumber: AppendText(v, t, out, opts); return;
    case Category::kFloat: {
      std::string s = ToText(v, t, opts);
      if (std::isnan(v.as_float()) || std::isinf(v.as_float())) {
        AppendJsonString(s, out);
      } else {
        out += s;
      }
      return;
    }
    case Category::kDateTime: AppendJsonString(XsdDateTime(v, t, opts), out); return;
    case Category::kJson:
    case Category::kJsonb: out += v.as_string(); return;
    case Category::kArray: {
      ArrayReader r(v.as_string());
      if (r.ndim() == 0) {
        out += "[]";
        return;
      }
      AppendArrayJson(r, 0, Type{ArrayElementType(t.id), t.typmod}, out, opts);
      return;
    }
    default: AppendJsonString(ToText(v, t, opts), out); return;
  }
}

JsonNode ToJsonbNode(const Value& v, Type t, const FormatOptions& opts) {
  if (v.is_null()) return JsonNode::Null();
  switch (CategoryOf(t.id)) {
    case Category::kBool: return JsonNode::Bool(v.as_bool());
    case Category::kNumber: {
      JsonNode n = JsonNode::Number(ToText(v, t, opts));
      NormalizeJsonb(n);
      return n;
    }
    case Category::kFloat: {
      std::string s = ToText(v, t, opts);
      if (std::isnan(v.as_float()) || std::isinf(v.as_float())) return JsonNode::String(s);
      JsonNode n = JsonNode::Number(s);
      NormalizeJsonb(n);
      return n;
    }
    case Category::kDateTime: return JsonNode::String(XsdDateTime(v, t, opts));
    case Category::kJson: {
      JsonNode n = ParseJson(v.as_string(), true);
      NormalizeJsonb(n);
      return n;
    }
    case Category::kJsonb: return JsonbTree(v.as_string());
    case Category::kArray: {
      ArrayReader r(v.as_string());
      if (r.ndim() == 0) return JsonNode::Array();
      return ArrayNode(r, 0, Type{ArrayElementType(t.id), t.typmod}, opts);
    }
    default: return JsonNode::String(ToText(v, t, opts));
  }
}

std::string JsonKeyText(const Value& v, Type t, const FormatOptions& opts) {
  Category c = CategoryOf(t.id);
  if (c == Category::kArray || c == Category::kJson || c == Category::kJsonb) {
    throw DbError(SqlState::kInvalidParameterValue, "key value must be scalar, not array, composite, or json");
  }
  if (c == Category::kBool) return v.as_bool() ? "true" : "false";
  if (c == Category::kDateTime) return XsdDateTime(v, t, opts);
  return ToText(v, t, opts);
}

}  // namespace basalt::engine::sql
