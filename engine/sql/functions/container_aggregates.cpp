// array_agg, json_agg, jsonb_agg, json_object_agg, jsonb_object_agg
// (PostgreSQL 15 array_userfuncs.c, json.c, jsonb.c). Unlike the other
// aggregates these keep null inputs. The state builds the result's encoding
// in AggExtraState::text as rows arrive (array items, or JSON text), so a
// group costs one growing string.
#include "engine/error/db_error.hpp"
#include "engine/sql/functions/aggregate_state.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/json_convert.hpp"

namespace basalt::engine::sql {
namespace {

FormatOptions Options() {
  FormatOptions opts;
  opts.datetime = datetime::ThreadDateTimeSettings();
  return opts;
}

AggExtraState& Extra(AggState& state) {
  if (!state.extra) state.extra = std::make_unique<AggExtraState>();
  return *state.extra;
}

Type Known(Type t) { return t.id == TypeId::kUnknown ? Type{TypeId::kText, -1} : t; }

}  // namespace

std::optional<AggKind> ContainerAggregateKind(std::string_view name) {
  if (name == "array_agg") return AggKind::kArrayAgg;
  if (name == "json_agg") return AggKind::kJsonAgg;
  if (name == "jsonb_agg") return AggKind::kJsonbAgg;
  if (name == "json_object_agg") return AggKind::kJsonObjectAgg;
  if (name == "jsonb_object_agg") return AggKind::kJsonbObjectAgg;
  return std::nullopt;
}

bool IsContainerAggregate(AggKind kind) { return kind >= AggKind::kArrayAgg && kind <= AggKind::kJsonbObjectAgg; }

std::optional<Type> ContainerAggResultType(AggKind kind, Type input, const std::vector<Type>& extra) {
  bool object = kind == AggKind::kJsonObjectAgg || kind == AggKind::kJsonbObjectAgg;
  if (extra.size() != (object ? 1u : 0u)) return std::nullopt;
  switch (kind) {
    case AggKind::kArrayAgg: {
      if (IsArrayType(input.id)) {
        throw DbError(SqlState::kFeatureNotSupported, "array_agg over arrays is not supported yet");
      }
      TypeId array = ArrayTypeOf(Known(input).id);
      if (array == TypeId::kUnknown) return std::nullopt;
      return Type{array, Known(input).typmod};
    }
    case AggKind::kJsonAgg:
    case AggKind::kJsonObjectAgg: return Type{TypeId::kJson, -1};
    default: return Type{TypeId::kJsonb, -1};
  }
}

void ContainerAggUpdate(const AggregateSpec& spec, AggState& state, const Value* vals) {
  AggExtraState& e = Extra(state);
  const Value& v = vals[0];
  switch (spec.kind) {
    case AggKind::kArrayAgg: AppendArrayItem(e.text, v); break;
    case AggKind::kJsonAgg:
      e.text += state.count == 0 ? "[" : ", ";
      AppendToJson(v, Known(spec.input_type), e.text, Options());
      break;
    case AggKind::kJsonbAgg: {
      e.text += state.count == 0 ? "[" : ", ";
      AppendJsonb(ToJsonbNode(v, Known(spec.input_type), Options()), e.text);
      break;
    }
    case AggKind::kJsonObjectAgg:
    case AggKind::kJsonbObjectAgg: {
      if (v.is_null()) throw DbError(SqlState::kInvalidParameterValue, "field name must not be null");
      bool jsonb = spec.kind == AggKind::kJsonbObjectAgg;
      FormatOptions opts = Options();
      e.text += state.count == 0 ? (jsonb ? "{" : "{ ") : ", ";
      AppendJsonString(JsonKeyText(v, Known(spec.input_type), opts), e.text);
      e.text += jsonb ? ": " : " : ";
      Type vt = Known(spec.extra_types[0]);
      if (jsonb) {
        AppendJsonb(ToJsonbNode(vals[1], vt, opts), e.text);
      } else {
        AppendToJson(vals[1], vt, e.text, opts);
      }
      break;
    }
    default: return;
  }
  ++state.count;
}

Value ContainerAggFinal(const AggregateSpec& spec, const AggState& state) {
  if (state.count == 0 || !state.extra) return Value::Null();
  const std::string& text = state.extra->text;
  switch (spec.kind) {
    case AggKind::kArrayAgg: {
      std::string out;
      out.reserve(9 + text.size());
      AppendArrayHeader(out, {static_cast<int32_t>(state.count)}, {1});
      out += text;
      return Value::String(std::move(out));
    }
    case AggKind::kJsonAgg:
    case AggKind::kJsonbAgg: return Value::String(text + "]");
    case AggKind::kJsonObjectAgg: return Value::String(text + " }");
    case AggKind::kJsonbObjectAgg: return Value::String(ParseJsonbText(text + "}"));
    default: return Value::Null();
  }
}

}  // namespace basalt::engine::sql
