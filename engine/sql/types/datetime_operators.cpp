// pg_operator's rows on the date/time types (PostgreSQL 15, queried from a
// real server), with their implementations. Operators that depend on the
// session TimeZone read ThreadDateTimeSettings() (see datetime_ops.hpp).
#include <climits>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/operator_catalog.hpp"

namespace basalt::engine::sql {
namespace {

namespace dt = datetime;
using I = TypeId;

const dt::TimeZone& Zone() { return dt::ThreadDateTimeSettings().zone(); }
int32_t D(const Value& v) { return static_cast<int32_t>(v.as_int()); }
dt::Interval Iv(const Value& v) { return dt::IntervalFromValue(v); }
dt::TimeTz Tz(const Value& v) { return dt::TimeTzFromValue(v); }
int Cmp64(int64_t a, int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

// Comparators with the argument order of the operator.
int CmpInt(const Value& a, const Value& b) { return Cmp64(a.as_int(), b.as_int()); }
int CmpInterval(const Value& a, const Value& b) { return dt::CompareInterval(Iv(a), Iv(b)); }
int CmpTimeTz(const Value& a, const Value& b) { return dt::CompareTimeTz(Tz(a), Tz(b)); }
int CmpDateTs(const Value& a, const Value& b) { return dt::CompareDateTimestamp(D(a), b.as_int()); }
int CmpTsDate(const Value& a, const Value& b) { return -dt::CompareDateTimestamp(D(b), a.as_int()); }
int CmpDateTstz(const Value& a, const Value& b) { return dt::CompareDateTimestampTz(D(a), b.as_int(), Zone()); }
int CmpTstzDate(const Value& a, const Value& b) { return -dt::CompareDateTimestampTz(D(b), a.as_int(), Zone()); }
int CmpTsTstz(const Value& a, const Value& b) { return dt::CompareTimestampTimestampTz(a.as_int(), b.as_int(), Zone()); }
int CmpTstzTs(const Value& a, const Value& b) { return -dt::CompareTimestampTimestampTz(b.as_int(), a.as_int(), Zone()); }

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe };

template <int (*C)(const Value&, const Value&), Op O>
Value CmpFn(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  int c = C(a, b);
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

template <Value (*F)(const Value&, const Value&)>
Value Strict(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  return F(a, b);
}

[[noreturn]] void DateOutOfRange() { throw DbError(SqlState::kDatetimeValueOutOfRange, "date out of range"); }
[[noreturn]] void TimestampOutOfRange() { throw DbError(SqlState::kDatetimeValueOutOfRange, "timestamp out of range"); }

Value DatePlusInt(int32_t date, int64_t days) {
  if (!dt::IsFiniteDate(date)) return Value::Int(date);
  int64_t r = date + days;
  if (!dt::IsValidDate(r)) DateOutOfRange();
  return Value::Int(r);
}

Value DatePli(const Value& a, const Value& b) { return DatePlusInt(D(a), b.as_int()); }
Value IntPlDate(const Value& a, const Value& b) { return DatePlusInt(D(b), a.as_int()); }
Value DateMii(const Value& a, const Value& b) { return DatePlusInt(D(a), -b.as_int()); }
Value DateMi(const Value& a, const Value& b) {
  if (!dt::IsFiniteDate(D(a)) || !dt::IsFiniteDate(D(b))) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, "cannot subtract infinite dates");
  }
  return Value::Int(static_cast<int64_t>(D(a)) - D(b));
}
Value DatetimePl(int32_t date, int64_t time) {
  int64_t ts = dt::DateToTimestamp(date);
  if (dt::IsFiniteTimestamp(ts)) {
    ts += time;
    if (!dt::IsValidTimestamp(ts)) TimestampOutOfRange();
  }
  return Value::Int(ts);
}
Value DateTimePl(const Value& a, const Value& b) { return DatetimePl(D(a), b.as_int()); }
Value TimeDatePl(const Value& a, const Value& b) { return DatetimePl(D(b), a.as_int()); }
Value DatetimetzPl(int32_t date, const dt::TimeTz& t) {
  if (date == dt::kDateNoBegin) return Value::Int(dt::kTimestampNoBegin);
  if (date == dt::kDateNoEnd) return Value::Int(dt::kTimestampNoEnd);
  if (date >= dt::kTimestampEndJulian - dt::kPostgresEpochJdate) {
    throw DbError(SqlState::kDatetimeValueOutOfRange, "date out of range for timestamp");
  }
  int64_t r = static_cast<int64_t>(date) * dt::kUsecsPerDay + t.time + static_cast<int64_t>(t.zone) * dt::kUsecsPerSec;
  if (!dt::IsValidTimestamp(r)) throw DbError(SqlState::kDatetimeValueOutOfRange, "date out of range for timestamp");
  return Value::Int(r);
}
Value DateTimeTzPl(const Value& a, const Value& b) { return DatetimetzPl(D(a), Tz(b)); }
Value TimeTzDatePl(const Value& a, const Value& b) { return DatetimetzPl(D(b), Tz(a)); }

Value DatePlInterval(const Value& a, const Value& b) {
  return Value::Int(dt::TimestampPlusInterval(dt::DateToTimestamp(D(a)), Iv(b)));
}
Value IntervalPlDate(const Value& a, const Value& b) { return DatePlInterval(b, a); }
Value DateMiInterval(const Value& a, const Value& b) {
  return Value::Int(dt::TimestampPlusInterval(dt::DateToTimestamp(D(a)), dt::IntervalNegate(Iv(b))));
}

int64_t TimePlus(int64_t time, int64_t delta) {
  int64_t r = (time + delta) % dt::kUsecsPerDay;
  return r < 0 ? r + dt::kUsecsPerDay : r;
}
Value TimePlInterval(const Value& a, const Value& b) { return Value::Int(TimePlus(a.as_int(), Iv(b).time)); }
Value IntervalPlTime(const Value& a, const Value& b) { return TimePlInterval(b, a); }
Value TimeMiInterval(const Value& a, const Value& b) { return Value::Int(TimePlus(a.as_int(), -Iv(b).time)); }
Value TimeMiTime(const Value& a, const Value& b) { return dt::IntervalToValue(dt::Interval{a.as_int() - b.as_int(), 0, 0}); }
Value TimeTzPlInterval(const Value& a, const Value& b) {
  dt::TimeTz t = Tz(a);
  t.time = TimePlus(t.time, Iv(b).time);
  return dt::TimeTzToValue(t);
}
Value IntervalPlTimeTz(const Value& a, const Value& b) { return TimeTzPlInterval(b, a); }
Value TimeTzMiInterval(const Value& a, const Value& b) {
  dt::TimeTz t = Tz(a);
  t.time = TimePlus(t.time, -Iv(b).time);
  return dt::TimeTzToValue(t);
}

Value TsPlInterval(const Value& a, const Value& b) { return Value::Int(dt::TimestampPlusInterval(a.as_int(), Iv(b))); }
Value IntervalPlTs(const Value& a, const Value& b) { return TsPlInterval(b, a); }
Value TsMiInterval(const Value& a, const Value& b) {
  return Value::Int(dt::TimestampPlusInterval(a.as_int(), dt::IntervalNegate(Iv(b))));
}
Value TstzPlInterval(const Value& a, const Value& b) {
  return Value::Int(dt::TimestampTzPlusInterval(a.as_int(), Iv(b), Zone()));
}
Value IntervalPlTstz(const Value& a, const Value& b) { return TstzPlInterval(b, a); }
Value TstzMiInterval(const Value& a, const Value& b) {
  return Value::Int(dt::TimestampTzPlusInterval(a.as_int(), dt::IntervalNegate(Iv(b)), Zone()));
}
Value TsMi(const Value& a, const Value& b) { return dt::IntervalToValue(dt::TimestampMinus(a.as_int(), b.as_int())); }

Value IntervalPl(const Value& a, const Value& b) { return dt::IntervalToValue(dt::IntervalAdd(Iv(a), Iv(b))); }
Value IntervalMi(const Value& a, const Value& b) {
  return dt::IntervalToValue(dt::IntervalAdd(Iv(a), dt::IntervalNegate(Iv(b))));
}
Value IntervalMul(const Value& a, const Value& b) { return dt::IntervalToValue(dt::IntervalMul(Iv(a), b.as_float())); }
Value MulDInterval(const Value& a, const Value& b) { return IntervalMul(b, a); }
Value IntervalDiv(const Value& a, const Value& b) { return dt::IntervalToValue(dt::IntervalDiv(Iv(a), b.as_float())); }
Value IntervalUm(const Value& a) {
  if (a.is_null()) return a;
  return dt::IntervalToValue(dt::IntervalNegate(Iv(a)));
}

CandidateArg T(TypeId id) { return CandidateArg{CandidateArg::Kind::kType, id, TypeCategory(id), IsPreferredType(id)}; }

void Bin(std::vector<OperatorDef>& defs, std::string_view name, TypeId l, TypeId r, TypeId result, BinaryOperatorFn fn,
         std::string_view proc) {
  OperatorDef d;
  d.name = name;
  d.left = T(l);
  d.right = T(r);
  d.result = result;
  d.fn = fn;
  d.proc_name = proc;
  defs.push_back(d);
}

template <int (*C)(const Value&, const Value&)>
void Comparisons(std::vector<OperatorDef>& defs, TypeId l, TypeId r, std::string_view eq, std::string_view ne,
                 std::string_view lt, std::string_view le, std::string_view gt, std::string_view ge) {
  Bin(defs, "=", l, r, I::kBool, CmpFn<C, Op::kEq>, eq);
  Bin(defs, "<>", l, r, I::kBool, CmpFn<C, Op::kNe>, ne);
  Bin(defs, "<", l, r, I::kBool, CmpFn<C, Op::kLt>, lt);
  Bin(defs, "<=", l, r, I::kBool, CmpFn<C, Op::kLe>, le);
  Bin(defs, ">", l, r, I::kBool, CmpFn<C, Op::kGt>, gt);
  Bin(defs, ">=", l, r, I::kBool, CmpFn<C, Op::kGe>, ge);
}

#define BASALT_CMP(C, L, R, stem)                                                                        \
  Comparisons<C>(defs, L, R, stem "eq" SUF, stem "ne" SUF, stem "lt" SUF, stem "le" SUF, stem "gt" SUF, \
                 stem "ge" SUF)

}  // namespace

void AppendDateTimeOperators(std::vector<OperatorDef>& defs) {
#define SUF ""
  BASALT_CMP(CmpInt, I::kDate, I::kDate, "date_");
  BASALT_CMP(CmpInt, I::kTime, I::kTime, "time_");
  BASALT_CMP(CmpInt, I::kTimestamp, I::kTimestamp, "timestamp_");
  BASALT_CMP(CmpInt, I::kTimestampTz, I::kTimestampTz, "timestamptz_");
  BASALT_CMP(CmpInterval, I::kInterval, I::kInterval, "interval_");
  BASALT_CMP(CmpTimeTz, I::kTimeTz, I::kTimeTz, "timetz_");
#undef SUF
#define SUF "_timestamp"
  BASALT_CMP(CmpDateTs, I::kDate, I::kTimestamp, "date_");
  BASALT_CMP(CmpTstzTs, I::kTimestampTz, I::kTimestamp, "timestamptz_");
#undef SUF
#define SUF "_timestamptz"
  BASALT_CMP(CmpDateTstz, I::kDate, I::kTimestampTz, "date_");
  BASALT_CMP(CmpTsTstz, I::kTimestamp, I::kTimestampTz, "timestamp_");
#undef SUF
#define SUF "_date"
  BASALT_CMP(CmpTsDate, I::kTimestamp, I::kDate, "timestamp_");
  BASALT_CMP(CmpTstzDate, I::kTimestampTz, I::kDate, "timestamptz_");
#undef SUF

  Bin(defs, "+", I::kInt4, I::kDate, I::kDate, Strict<IntPlDate>, "integer_pl_date");
  Bin(defs, "+", I::kDate, I::kInt4, I::kDate, Strict<DatePli>, "date_pli");
  Bin(defs, "+", I::kDate, I::kTime, I::kTimestamp, Strict<DateTimePl>, "datetime_pl");
  Bin(defs, "+", I::kDate, I::kInterval, I::kTimestamp, Strict<DatePlInterval>, "date_pl_interval");
  Bin(defs, "+", I::kDate, I::kTimeTz, I::kTimestampTz, Strict<DateTimeTzPl>, "datetimetz_pl");
  Bin(defs, "+", I::kTime, I::kDate, I::kTimestamp, Strict<TimeDatePl>, "timedate_pl");
  Bin(defs, "+", I::kTime, I::kInterval, I::kTime, Strict<TimePlInterval>, "time_pl_interval");
  Bin(defs, "+", I::kTimestamp, I::kInterval, I::kTimestamp, Strict<TsPlInterval>, "timestamp_pl_interval");
  Bin(defs, "+", I::kTimestampTz, I::kInterval, I::kTimestampTz, Strict<TstzPlInterval>, "timestamptz_pl_interval");
  Bin(defs, "+", I::kInterval, I::kDate, I::kTimestamp, Strict<IntervalPlDate>, "interval_pl_date");
  Bin(defs, "+", I::kInterval, I::kTime, I::kTime, Strict<IntervalPlTime>, "interval_pl_time");
  Bin(defs, "+", I::kInterval, I::kTimestamp, I::kTimestamp, Strict<IntervalPlTs>, "interval_pl_timestamp");
  Bin(defs, "+", I::kInterval, I::kTimestampTz, I::kTimestampTz, Strict<IntervalPlTstz>, "interval_pl_timestamptz");
  Bin(defs, "+", I::kInterval, I::kInterval, I::kInterval, Strict<IntervalPl>, "interval_pl");
  Bin(defs, "+", I::kInterval, I::kTimeTz, I::kTimeTz, Strict<IntervalPlTimeTz>, "interval_pl_timetz");
  Bin(defs, "+", I::kTimeTz, I::kDate, I::kTimestampTz, Strict<TimeTzDatePl>, "timetzdate_pl");
  Bin(defs, "+", I::kTimeTz, I::kInterval, I::kTimeTz, Strict<TimeTzPlInterval>, "timetz_pl_interval");

  Bin(defs, "-", I::kDate, I::kInt4, I::kDate, Strict<DateMii>, "date_mii");
  Bin(defs, "-", I::kDate, I::kDate, I::kInt4, Strict<DateMi>, "date_mi");
  Bin(defs, "-", I::kDate, I::kInterval, I::kTimestamp, Strict<DateMiInterval>, "date_mi_interval");
  Bin(defs, "-", I::kTime, I::kTime, I::kInterval, Strict<TimeMiTime>, "time_mi_time");
  Bin(defs, "-", I::kTime, I::kInterval, I::kTime, Strict<TimeMiInterval>, "time_mi_interval");
  Bin(defs, "-", I::kTimestamp, I::kTimestamp, I::kInterval, Strict<TsMi>, "timestamp_mi");
  Bin(defs, "-", I::kTimestamp, I::kInterval, I::kTimestamp, Strict<TsMiInterval>, "timestamp_mi_interval");
  Bin(defs, "-", I::kTimestampTz, I::kTimestampTz, I::kInterval, Strict<TsMi>, "timestamptz_mi");
  Bin(defs, "-", I::kTimestampTz, I::kInterval, I::kTimestampTz, Strict<TstzMiInterval>, "timestamptz_mi_interval");
  Bin(defs, "-", I::kInterval, I::kInterval, I::kInterval, Strict<IntervalMi>, "interval_mi");
  Bin(defs, "-", I::kTimeTz, I::kInterval, I::kTimeTz, Strict<TimeTzMiInterval>, "timetz_mi_interval");

  Bin(defs, "*", I::kFloat8, I::kInterval, I::kInterval, Strict<MulDInterval>, "mul_d_interval");
  Bin(defs, "*", I::kInterval, I::kFloat8, I::kInterval, Strict<IntervalMul>, "interval_mul");
  Bin(defs, "/", I::kInterval, I::kFloat8, I::kInterval, Strict<IntervalDiv>, "interval_div");

  OperatorDef um;
  um.name = "-";
  um.prefix = true;
  um.right = T(I::kInterval);
  um.result = I::kInterval;
  um.unary_fn = IntervalUm;
  um.proc_name = "interval_um";
  defs.push_back(um);
}

}  // namespace basalt::engine::sql
