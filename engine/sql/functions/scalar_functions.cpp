#include "engine/sql/functions/scalar_functions.hpp"

#include <cmath>

#include "engine/error/db_error.hpp"
#include "engine/sql/exec/exec_context.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kFloat8{TypeId::kFloat8, -1};

std::string MapAscii(const std::string& s, bool upper) {
  std::string out = s;
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Value Lower(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  return Value::String(MapAscii(a[0].as_string(), false));
}
Value Upper(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  return Value::String(MapAscii(a[0].as_string(), true));
}
Value Length(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  int64_t n = 0;
  for (unsigned char c : a[0].as_string()) n += (c & 0xC0) != 0x80;
  return Value::Int(n);
}
Value AbsInt4(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  int64_t v = a[0].as_int();
  if (v == INT32_MIN) throw DbError(SqlState::kNumericValueOutOfRange, "integer out of range");
  return Value::Int(v < 0 ? -v : v);
}
Value AbsInt8(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  int64_t v = a[0].as_int();
  if (v == INT64_MIN) throw DbError(SqlState::kNumericValueOutOfRange, "bigint out of range");
  return Value::Int(v < 0 ? -v : v);
}
Value AbsFloat8(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  return Value::Float(std::fabs(a[0].as_float()));
}

struct Entry {
  std::string_view name;
  FunctionInfo info;
};

const std::vector<Entry>& Registry() {
  static const std::vector<Entry> entries = {
      {"lower", {{kText}, kText, &Lower}},
      {"upper", {{kText}, kText, &Upper}},
      {"length", {{kText}, kInt4, &Length}},
      {"char_length", {{kText}, kInt4, &Length}},
      {"character_length", {{kText}, kInt4, &Length}},
      {"abs", {{kInt4}, kInt4, &AbsInt4}},
      {"abs", {{kInt8}, kInt8, &AbsInt8}},
      {"abs", {{kFloat8}, kFloat8, &AbsFloat8}},
  };
  return entries;
}

// How well `have` fits `want`: 0 exact, 1 via untyped literal or same-category widening, -1 not at all.
int Fit(Type have, Type want) {
  if (have.id == want.id) return 0;
  if (have.id == TypeId::kUnknown) return 1;
  if (IsString(have.id) && IsString(want.id)) return 1;
  if (IsInteger(have.id) && (IsInteger(want.id) || want.id == TypeId::kFloat8)) {
    // Widening only: int2 -> int4 -> int8 -> float8.
    auto rank = [](TypeId t) { return t == TypeId::kInt2 ? 0 : t == TypeId::kInt4 ? 1 : t == TypeId::kInt8 ? 2 : 3; };
    return rank(have.id) < rank(want.id) ? 1 + rank(want.id) - rank(have.id) : -1;
  }
  if ((have.id == TypeId::kFloat4 || have.id == TypeId::kNumeric) && want.id == TypeId::kFloat8) return 2;
  return -1;
}

}  // namespace

std::optional<FunctionInfo> ResolveFunction(std::string_view name, const std::vector<Type>& arg_types) {
  const FunctionInfo* best = nullptr;
  int best_cost = 1 << 30;
  for (const Entry& e : Registry()) {
    if (e.name != name || e.info.arg_types.size() != arg_types.size()) continue;
    int cost = 0;
    for (size_t i = 0; i < arg_types.size() && cost >= 0; ++i) {
      int f = Fit(arg_types[i], e.info.arg_types[i]);
      cost = f < 0 ? -1 : cost + f;
    }
    if (cost >= 0 && cost < best_cost) {
      best = &e.info;
      best_cost = cost;
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

}  // namespace basalt::engine::sql
