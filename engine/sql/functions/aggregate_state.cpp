#include "engine/sql/functions/aggregate_state.hpp"

#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/operators.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {
namespace {

const Type kInt8{TypeId::kInt8, -1};
const Type kNumeric{TypeId::kNumeric, -1};
const Type kFloat8{TypeId::kFloat8, -1};

std::string Int128ToString(__int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string s;
  while (u > 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (neg) s.push_back('-');
  return std::string(s.rbegin(), s.rend());
}

Value NumericOp(std::string_view op, const Value& a, const Value& b) {
  auto info = ResolveOperator(op, TypeId::kNumeric, TypeId::kNumeric);
  return info->fn(a, b);
}

Value IntToNumeric(__int128 v) { return ParseText(Int128ToString(v), kNumeric); }

}  // namespace

std::optional<Type> AggResultType(AggKind kind, Type input) {
  switch (kind) {
    case AggKind::kCountStar:
    case AggKind::kCount:
      return kInt8;
    case AggKind::kSum:
      switch (input.id) {
        case TypeId::kInt2:
        case TypeId::kInt4: return kInt8;
        case TypeId::kInt8:
        case TypeId::kNumeric: return kNumeric;
        case TypeId::kFloat4: return Type{TypeId::kFloat4, -1};
        case TypeId::kFloat8: return kFloat8;
        default: return std::nullopt;
      }
    case AggKind::kAvg:
      switch (input.id) {
        case TypeId::kInt2:
        case TypeId::kInt4:
        case TypeId::kInt8:
        case TypeId::kNumeric: return kNumeric;
        case TypeId::kFloat4:
        case TypeId::kFloat8: return kFloat8;
        default: return std::nullopt;
      }
    case AggKind::kMin:
    case AggKind::kMax:
      if (input.id == TypeId::kUnknown || input.id == TypeId::kVoid) return std::nullopt;
      return Type{input.id, input.id == TypeId::kBpchar ? input.typmod : -1, input.oid};
    case AggKind::kBoolAnd:
    case AggKind::kBoolOr:
      if (input.id != TypeId::kBool) return std::nullopt;
      return input;
    default:
      return AggResultTypeExtended(kind, input, {});
  }
  return std::nullopt;
}

void AggUpdate(const AggregateSpec& spec, AggState& state, const Value& v) {
  if (spec.kind == AggKind::kCountStar) {
    ++state.count;
    return;
  }
  if (v.is_null()) return;
  ++state.count;
  switch (spec.kind) {
    case AggKind::kCountStar:
    case AggKind::kCount:
      return;
    case AggKind::kSum:
    case AggKind::kAvg:
      switch (spec.input_type.id) {
        case TypeId::kInt2:
        case TypeId::kInt4:
        case TypeId::kInt8: state.int_sum += v.as_int(); return;
        case TypeId::kFloat4:
        case TypeId::kFloat8: state.float_sum += v.as_float(); return;
        default:
          state.acc = state.acc.is_null() ? v : NumericOp("+", state.acc, v);
          return;
      }
    case AggKind::kMin:
      if (state.acc.is_null() || Compare(v, state.acc, spec.input_type.id) < 0) state.acc = v;
      return;
    case AggKind::kMax:
      if (state.acc.is_null() || Compare(v, state.acc, spec.input_type.id) > 0) state.acc = v;
      return;
    case AggKind::kBoolAnd:
      state.acc = Value::Bool((state.acc.is_null() || state.acc.as_bool()) && v.as_bool());
      return;
    case AggKind::kBoolOr:
      state.acc = Value::Bool((!state.acc.is_null() && state.acc.as_bool()) || v.as_bool());
      return;
    default:
      AggUpdateExtended(spec, state, &v);
      return;
  }
}

Value AggFinal(const AggregateSpec& spec, const AggState& state) {
  switch (spec.kind) {
    case AggKind::kCountStar:
    case AggKind::kCount:
      return Value::Int(state.count);
    case AggKind::kSum:
      if (state.count == 0) return Value::Null();
      switch (spec.input_type.id) {
        case TypeId::kInt2:
        case TypeId::kInt4:
          if (state.int_sum > INT64_MAX || state.int_sum < INT64_MIN) {
            throw DbError(SqlState::kNumericValueOutOfRange, "bigint out of range");
          }
          return Value::Int(static_cast<int64_t>(state.int_sum));
        case TypeId::kInt8: return IntToNumeric(state.int_sum);
        case TypeId::kFloat4: return Value::Float(static_cast<float>(state.float_sum));
        case TypeId::kFloat8: return Value::Float(state.float_sum);
        default: return state.acc;
      }
    case AggKind::kAvg:
      if (state.count == 0) return Value::Null();
      switch (spec.input_type.id) {
        case TypeId::kInt2:
        case TypeId::kInt4:
        case TypeId::kInt8: return NumericOp("/", IntToNumeric(state.int_sum), IntToNumeric(state.count));
        case TypeId::kFloat4:
        case TypeId::kFloat8: return Value::Float(state.float_sum / static_cast<double>(state.count));
        default: return NumericOp("/", state.acc, IntToNumeric(state.count));
      }
    case AggKind::kMin:
    case AggKind::kMax:
    case AggKind::kBoolAnd:
    case AggKind::kBoolOr:
      return state.acc;
    default:
      return AggFinalExtended(spec, state);
  }
  return Value::Null();
}

}  // namespace basalt::engine::sql
