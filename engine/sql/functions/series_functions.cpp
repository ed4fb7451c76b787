// generate_series over integers, numerics and timestamps (PostgreSQL's
// generate_series_step_int4/int8/numeric and generate_series_timestamp[tz]).
// Integer series stop before overflowing, as PostgreSQL's do.
#include <limits>

#include "engine/error/db_error.hpp"
#include "engine/sql/functions/table_functions.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/datetime.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/numeric.hpp"
#include "engine/sql/types/numeric_value.hpp"
#include "engine/sql/types/operators.hpp"

namespace basalt::engine::sql {
namespace {

[[noreturn]] void StepZero() { throw DbError(SqlState::kInvalidParameterValue, "step size cannot equal zero"); }

class IntSeries final : public RowGenerator {
 public:
  IntSeries(int64_t start, int64_t stop, int64_t step, int64_t min, int64_t max)
      : cur_(start), stop_(stop), step_(step), min_(min), max_(max) {}
  bool Next(std::vector<Value>& out) override {
    if (done_) return false;
    if ((step_ > 0 && cur_ > stop_) || (step_ < 0 && cur_ < stop_)) return false;
    out[0] = Value::Int(cur_);
    // Stop instead of overflowing the type's range.
    if ((step_ > 0 && cur_ > max_ - step_) || (step_ < 0 && cur_ < min_ - step_)) {
      done_ = true;
    } else {
      cur_ += step_;
    }
    return true;
  }

 private:
  int64_t cur_, stop_, step_, min_, max_;
  bool done_ = false;
};

class NumericSeries final : public RowGenerator {
 public:
  NumericSeries(Numeric start, Numeric stop, Numeric step)
      : cur_(std::move(start)), stop_(std::move(stop)), step_(std::move(step)), up_(!step_.IsNegative()) {}
  bool Next(std::vector<Value>& out) override {
    int c = Numeric::Compare(cur_, stop_);
    if ((up_ && c > 0) || (!up_ && c < 0)) return false;
    out[0] = NumericToValue(cur_);
    cur_ = Numeric::Add(cur_, step_);
    return true;
  }

 private:
  Numeric cur_, stop_, step_;
  bool up_;
};

class TimestampSeries final : public RowGenerator {
 public:
  TimestampSeries(int64_t start, int64_t stop, Value step, bool up, BinaryOperatorFn add)
      : cur_(Value::Int(start)), stop_(stop), step_(std::move(step)), up_(up), add_(add) {}
  bool Next(std::vector<Value>& out) override {
    int64_t cur = cur_.as_int();
    if ((up_ && cur > stop_) || (!up_ && cur < stop_)) return false;
    out[0] = cur_;
    cur_ = add_(cur_, step_);  // the + operator applies the session TimeZone for timestamptz
    return true;
  }

 private:
  Value cur_;
  int64_t stop_;
  Value step_;
  bool up_;
  BinaryOperatorFn add_;
};

RowGeneratorPtr MakeIntSeries(std::vector<Value> args, const TableFunctionInfo& info, EvalContext&) {
  int64_t step = args.size() > 2 ? args[2].as_int() : 1;
  if (step == 0) StepZero();
  bool int4 = info.columns[0].type.id == TypeId::kInt4;
  int64_t min = int4 ? std::numeric_limits<int32_t>::min() : std::numeric_limits<int64_t>::min();
  int64_t max = int4 ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int64_t>::max();
  return std::make_unique<IntSeries>(args[0].as_int(), args[1].as_int(), step, min, max);
}

RowGeneratorPtr MakeNumericSeries(std::vector<Value> args, const TableFunctionInfo&, EvalContext&) {
  Numeric start = NumericFromValue(args[0]);
  Numeric stop = NumericFromValue(args[1]);
  Numeric step = args.size() > 2 ? NumericFromValue(args[2]) : Numeric::FromInt64(1);
  if (start.IsNaN()) throw DbError(SqlState::kInvalidParameterValue, "start value cannot be NaN");
  if (start.IsInfinite()) throw DbError(SqlState::kInvalidParameterValue, "start value cannot be infinity");
  if (stop.IsNaN()) throw DbError(SqlState::kInvalidParameterValue, "stop value cannot be NaN");
  if (stop.IsInfinite()) throw DbError(SqlState::kInvalidParameterValue, "stop value cannot be infinity");
  if (step.IsNaN()) throw DbError(SqlState::kInvalidParameterValue, "step size cannot be NaN");
  if (step.IsInfinite()) throw DbError(SqlState::kInvalidParameterValue, "step size cannot be infinity");
  if (step.IsZero()) StepZero();
  return std::make_unique<NumericSeries>(std::move(start), std::move(stop), std::move(step));
}

RowGeneratorPtr MakeTimestampSeries(std::vector<Value> args, const TableFunctionInfo& info, EvalContext&) {
  int c = datetime::CompareInterval(datetime::IntervalFromValue(args[2]), datetime::Interval{});
  if (c == 0) StepZero();
  TypeId t = info.columns[0].type.id;
  auto add = ResolveOperator("+", t, TypeId::kInterval);
  if (!add) throw DbError(SqlState::kInternalError, "timestamp + interval operator missing");
  return std::make_unique<TimestampSeries>(args[0].as_int(), args[1].as_int(), std::move(args[2]), c > 0, add->fn);
}

TableFunctionInfo SeriesInfo(TypeId t, size_t nargs, TableFunctionFactory factory) {
  TableFunctionInfo info;
  info.arg_types.assign(nargs, Type{t, -1});
  info.columns = {{"generate_series", Type{t, -1}}};
  info.factory = factory;
  return info;
}

// PostgreSQL picks among generate_series(int4|int8|numeric [, step]) and
// (timestamp|timestamptz, same, interval) by implicit casts and preferred types.
std::optional<TableFunctionInfo> ResolveSeries(const std::vector<Type>& args) {
  if (args.size() != 2 && args.size() != 3) return std::nullopt;
  bool any_datetime = false;
  for (const Type& t : args) any_datetime = any_datetime || IsDateTime(t.id);
  if (any_datetime) {
    if (args.size() != 3) return std::nullopt;
    if (args[2].id != TypeId::kInterval && args[2].id != TypeId::kUnknown) return std::nullopt;
    bool tz = false;
    bool plain = false;
    for (size_t i = 0; i < 2; ++i) {
      switch (args[i].id) {
        case TypeId::kTimestamp: plain = true; break;
        case TypeId::kTimestampTz:
        case TypeId::kDate: tz = true; break;
        case TypeId::kUnknown: break;
        default: return std::nullopt;
      }
    }
    TypeId t = (plain && !tz) ? TypeId::kTimestamp : TypeId::kTimestampTz;
    TableFunctionInfo info = SeriesInfo(t, 2, MakeTimestampSeries);
    info.arg_types.push_back(Type{TypeId::kInterval, -1});
    return info;
  }
  bool int8 = false;
  bool numeric = false;
  bool known = false;
  for (const Type& t : args) {
    switch (t.id) {
      case TypeId::kInt2:
      case TypeId::kInt4: known = true; break;
      case TypeId::kInt8: known = int8 = true; break;
      case TypeId::kNumeric: known = numeric = true; break;
      case TypeId::kUnknown: break;
      default: return std::nullopt;
    }
  }
  if (!known) return std::nullopt;  // all unknown: not unique in PostgreSQL
  if (numeric) return SeriesInfo(TypeId::kNumeric, args.size(), MakeNumericSeries);
  return SeriesInfo(int8 ? TypeId::kInt8 : TypeId::kInt4, args.size(), MakeIntSeries);
}

}  // namespace

void RegisterSeriesFunctions(TableFunctionRegistry& registry) { registry.Register("generate_series", ResolveSeries); }

}  // namespace basalt::engine::sql
