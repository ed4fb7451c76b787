// Enum values order bytewise (enum_type.hpp: sort key first), so the
// comparison operators are plain byte comparisons.
#include "engine/sql/types/enum_operators.hpp"

#include <algorithm>
#include <cstring>

namespace basalt::engine::sql {
namespace {

int Cmp(const Value& a, const Value& b) {
  const std::string& x = a.as_string();
  const std::string& y = b.as_string();
  int c = std::memcmp(x.data(), y.data(), std::min(x.size(), y.size()));
  if (c != 0) return c;
  return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
}

Value Eq(const Value& a, const Value& b) { return Value::Bool(Cmp(a, b) == 0); }
Value Ne(const Value& a, const Value& b) { return Value::Bool(Cmp(a, b) != 0); }
Value Lt(const Value& a, const Value& b) { return Value::Bool(Cmp(a, b) < 0); }
Value Le(const Value& a, const Value& b) { return Value::Bool(Cmp(a, b) <= 0); }
Value Gt(const Value& a, const Value& b) { return Value::Bool(Cmp(a, b) > 0); }
Value Ge(const Value& a, const Value& b) { return Value::Bool(Cmp(a, b) >= 0); }

struct EnumOp {
  std::string_view name;
  BinaryOperatorFn fn;
  std::string_view proc;
};

constexpr EnumOp kOps[] = {
    {"=", Eq, "enum_eq"}, {"<>", Ne, "enum_ne"}, {"!=", Ne, "enum_ne"}, {"<", Lt, "enum_lt"},
    {"<=", Le, "enum_le"}, {">", Gt, "enum_gt"}, {">=", Ge, "enum_ge"},
};

}  // namespace

OperatorResolution ResolveEnumOperator(std::string_view op, TypeId left, TypeId right) {
  OperatorResolution out;
  auto enum_like = [](TypeId t) { return t == TypeId::kEnum || t == TypeId::kUnknown; };
  if (!enum_like(left) || !enum_like(right)) return out;
  for (const EnumOp& o : kOps) {
    if (o.name != op) continue;
    OperatorInfo info;
    info.result = TypeId::kBool;
    info.left = TypeId::kEnum;
    info.right = TypeId::kEnum;
    info.fn = o.fn;
    info.proc_name = o.proc;
    out.status = OperatorLookup::kFound;
    out.info = info;
    return out;
  }
  return out;
}

}  // namespace basalt::engine::sql
