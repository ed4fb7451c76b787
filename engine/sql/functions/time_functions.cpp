// Date/time SQL functions: now() and the CURRENT_* values (the transaction's
// start time, in the session's TimeZone), date_trunc, date_part, EXTRACT, age,
// to_char, make_date. The calendar work lives in sql/types/datetime_*; these
// wrappers adapt it to the scalar function interface.
#include <chrono>

#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/datetime_functions.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/numeric_value.hpp"

namespace basalt::engine::sql {
namespace {

namespace dt = datetime;
using Args = std::span<const Value>;
using Types = const std::vector<Type>&;

const dt::DateTimeSettings& Settings() { return dt::ThreadDateTimeSettings(); }

Value NowTz() { return Value::Int(dt::TransactionTimestamp(Settings())); }

int64_t ClockNow() {
  using namespace std::chrono;
  constexpr int64_t kUnixToPostgresMicros = 946684800LL * 1000000LL;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() - kUnixToPostgresMicros;
}

Value CastFromNow(TypeId to) {
  return Cast(NowTz(), Type{TypeId::kTimestampTz, -1}, Type{to, -1}, CastContext::kExplicit);
}

}  // namespace

Value FnNow(Args, Types, Type, EvalContext&) { return NowTz(); }
Value FnClockTimestamp(Args, Types, Type, EvalContext&) { return Value::Int(ClockNow()); }
Value FnCurrentDate(Args, Types, Type, EvalContext&) { return CastFromNow(TypeId::kDate); }
Value FnLocalTimestamp(Args, Types, Type, EvalContext&) { return CastFromNow(TypeId::kTimestamp); }
Value FnLocalTime(Args, Types, Type, EvalContext&) { return CastFromNow(TypeId::kTime); }
Value FnCurrentTime(Args, Types, Type, EvalContext&) { return CastFromNow(TypeId::kTimeTz); }

Value FnDateTrunc(Args a, Types t, Type, EvalContext&) {
  if (t[1].id == TypeId::kInterval) {
    return dt::IntervalToValue(dt::DateTruncInterval(a[0].as_string(), dt::IntervalFromValue(a[1])));
  }
  return Value::Int(dt::DateTrunc(a[0].as_string(), a[1].as_int(), t[1].id, Settings()));
}

Value FnDatePart(Args a, Types t, Type, EvalContext&) {
  auto v = dt::DatePart(a[0].as_string(), a[1], t[1].id, Settings());
  return v ? Value::Float(*v) : Value::Null();
}

Value FnExtract(Args a, Types t, Type, EvalContext&) {
  auto v = dt::Extract(a[0].as_string(), a[1], t[1].id, Settings());
  return v ? NumericToValue(*v) : Value::Null();
}

Value FnAge2(Args a, Types t, Type, EvalContext&) {
  return dt::IntervalToValue(dt::Age(a[0].as_int(), a[1].as_int(), t[0].id, Settings()));
}

Value FnAge1(Args a, Types t, Type, EvalContext&) {
  // age(x) = age(current_date at midnight, x), in x's type.
  Value midnight = Cast(CastFromNow(TypeId::kDate), Type{TypeId::kDate, -1}, t[0], CastContext::kImplicit);
  return dt::IntervalToValue(dt::Age(midnight.as_int(), a[0].as_int(), t[0].id, Settings()));
}

Value FnToChar(Args a, Types t, Type, EvalContext&) {
  auto s = dt::ToChar(a[0].as_int(), t[0].id, a[1].as_string(), Settings());
  return s ? Value::String(std::move(*s)) : Value::Null();
}

Value FnMakeDate(Args a, Types, Type, EvalContext&) {
  return Value::Int(dt::MakeDate(static_cast<int32_t>(a[0].as_int()), static_cast<int32_t>(a[1].as_int()),
                                 static_cast<int32_t>(a[2].as_int())));
}

}  // namespace basalt::engine::sql
