// The aggregates beyond count/sum/avg/min/max/bool_*: string_agg, bit_and/
// bit_or/bit_xor, the statistics family (var_*, stddev_*, corr, covar_*,
// regr_*) and the ordered-set aggregates (percentile_cont, percentile_disc,
// mode). Also AggAccumulate, the per-row driver shared by every aggregate.
//
// Statistics follow PostgreSQL's numeric.c/float.c exactly: integer and
// numeric inputs accumulate exact numeric sums of x and x^2 and the result is
// (N*Sxx - Sx^2) / (N*(N-1)) in numeric; float inputs use the Youngs-Cramer
// running sums (float8_accum, float8_regr_accum), so results are byte-identical.
// Ordered aggregates collect their rows and replay them sorted at the end.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/functions/aggregate_state.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/numeric_value.hpp"
#include "engine/sql/types/operators.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kFloat8{TypeId::kFloat8, -1};
const Type kNumeric{TypeId::kNumeric, -1};

AggExtraState& Extra(AggState& s) {
  if (!s.extra) s.extra = std::make_unique<AggExtraState>();
  return *s.extra;
}

bool IsFloatInput(TypeId t) { return t == TypeId::kFloat4 || t == TypeId::kFloat8; }

bool IsStatistic(AggKind k) {
  return k == AggKind::kVarSamp || k == AggKind::kVarPop || k == AggKind::kStddevSamp || k == AggKind::kStddevPop;
}
bool IsRegression(AggKind k) { return k >= AggKind::kCorr && k <= AggKind::kRegrR2; }

Numeric ToNumeric(const Value& v, TypeId t) {
  if (t == TypeId::kNumeric) return NumericFromValue(v);
  return Numeric::FromInt64(v.as_int());
}

// float8_accum: N, Sx, Sxx with Youngs-Cramer updates.
void FloatAccum(AggState& s, AggExtraState& x, double v) {
  double n_old = static_cast<double>(s.count);
  ++s.count;
  double n = static_cast<double>(s.count);
  x.sx += v;
  if (n_old > 0.0) {
    double tmp = v * n - x.sx;
    x.sxx += tmp * tmp / (n * n_old);
    if (std::isinf(x.sx) || std::isinf(x.sxx)) {
      if (!std::isinf(v)) throw DbError(SqlState::kNumericValueOutOfRange, "value out of range: overflow");
      x.sxx = std::nan("");
    }
  } else if (std::isnan(v) || std::isinf(v)) {
    x.sxx = std::nan("");
  }
}

// float8_regr_accum over (y, x).
void RegrAccum(AggState& s, AggExtraState& e, double y, double x) {
  double n_old = static_cast<double>(s.count);
  ++s.count;
  double n = static_cast<double>(s.count);
  e.sx += x;
  e.sy += y;
  if (n_old > 0.0) {
    double tmpx = x * n - e.sx;
    double tmpy = y * n - e.sy;
    double scale = 1.0 / (n * n_old);
    e.sxx += tmpx * tmpx * scale;
    e.syy += tmpy * tmpy * scale;
    e.sxy += tmpx * tmpy * scale;
  } else {
    if (std::isnan(x) || std::isinf(x)) e.sxx = e.sxy = std::nan("");
    if (std::isnan(y) || std::isinf(y)) e.syy = e.sxy = std::nan("");
  }
}

Value NumericStatistic(const AggregateSpec& spec, const AggState& s) {
  const AggExtraState& e = *s.extra;
  bool sample = spec.kind == AggKind::kVarSamp || spec.kind == AggKind::kStddevSamp;
  bool variance = spec.kind == AggKind::kVarSamp || spec.kind == AggKind::kVarPop;
  if (s.count == 0 || (sample && s.count == 1)) return Value::Null();
  Numeric sx = NumericFromValue(e.sum_x), sx2 = NumericFromValue(e.sum_x2);
  if (sx.IsNaN() || sx2.IsNaN() || !sx.IsFinite()) return NumericToValue(Numeric::NaN());
  Numeric n = Numeric::FromInt64(s.count);
  Numeric num = Numeric::Sub(Numeric::Mul(n, sx2), Numeric::Mul(sx, sx));
  if (Numeric::Compare(num, Numeric()) <= 0) return NumericToValue(Numeric());
  Numeric den = sample ? Numeric::Mul(n, Numeric::FromInt64(s.count - 1)) : Numeric::Mul(n, n);
  Numeric var = Numeric::Div(num, den);
  if (variance) return NumericToValue(var);
  return NumericToValue(var.Sqrt().Round(var.dscale()));
}

Value FloatStatistic(const AggregateSpec& spec, const AggState& s) {
  bool sample = spec.kind == AggKind::kVarSamp || spec.kind == AggKind::kStddevSamp;
  bool variance = spec.kind == AggKind::kVarSamp || spec.kind == AggKind::kVarPop;
  if (s.count == 0 || (sample && s.count == 1)) return Value::Null();
  double n = static_cast<double>(s.count);
  double r = s.extra->sxx / (sample ? n - 1.0 : n);
  return Value::Float(variance ? r : std::sqrt(r));
}

Value RegressionFinal(const AggregateSpec& spec, const AggState& s) {
  if (spec.kind == AggKind::kRegrCount) return Value::Int(s.count);
  if (s.count < 1) return Value::Null();
  const AggExtraState& e = *s.extra;
  double n = static_cast<double>(s.count);
  switch (spec.kind) {
    case AggKind::kCovarPop: return Value::Float(e.sxy / n);
    case AggKind::kCovarSamp: return s.count < 2 ? Value::Null() : Value::Float(e.sxy / (n - 1.0));
    case AggKind::kRegrSxx: return Value::Float(e.sxx);
    case AggKind::kRegrSyy: return Value::Float(e.syy);
    case AggKind::kRegrSxy: return Value::Float(e.sxy);
    case AggKind::kRegrAvgX: return Value::Float(e.sx / n);
    case AggKind::kRegrAvgY: return Value::Float(e.sy / n);
    case AggKind::kCorr:
      if (s.count < 1 || e.sxx == 0 || e.syy == 0) return Value::Null();
      return Value::Float(e.sxy / std::sqrt(e.sxx * e.syy));
    case AggKind::kRegrSlope:
      if (e.sxx == 0) return Value::Null();
      return Value::Float(e.sxy / e.sxx);
    case AggKind::kRegrIntercept:
      if (e.sxx == 0) return Value::Null();
      return Value::Float((e.sy - e.sx * e.sxy / e.sxx) / n);
    case AggKind::kRegrR2:
      if (e.sxx == 0) return Value::Null();
      if (e.syy == 0) return Value::Float(1.0);
      return Value::Float((e.sxy * e.sxy) / (e.sxx * e.syy));
    default: return Value::Null();
  }
}

double Fraction(const Value& v) {
  double p = v.as_float();
  if (p < 0 || p > 1 || std::isnan(p)) {
    throw DbError(SqlState::kNumericValueOutOfRange, fmt::format("percentile value {} is not between 0 and 1", p));
  }
  return p;
}

// The ordered-set aggregates over rows already sorted by their key.
Value OrderedSetFinal(const AggregateSpec& spec, const std::vector<Row>& rows) {
  if (spec.kind == AggKind::kMode) {
    const Value* best = nullptr;
    size_t best_run = 0;
    for (size_t i = 0; i < rows.size();) {
      size_t j = i + 1;
      while (j < rows.size() && Compare(rows[j][0], rows[i][0], spec.input_type.id) == 0) ++j;
      if (j - i > best_run) {
        best_run = j - i;
        best = &rows[i][0];
      }
      i = j;
    }
    return best ? *best : Value::Null();
  }
  if (rows.empty()) return Value::Null();
  const Value& frac = rows[0][1];
  if (frac.is_null()) return Value::Null();
  double p = Fraction(frac);
  double n = static_cast<double>(rows.size());
  if (spec.kind == AggKind::kPercentileDisc) {
    auto rownum = static_cast<int64_t>(std::ceil(p * n));
    size_t idx = rownum > 1 ? static_cast<size_t>(rownum - 1) : 0;
    return rows[std::min(idx, rows.size() - 1)][0];
  }
  double pos = p * (n - 1);
  auto first = static_cast<size_t>(std::floor(pos));
  auto second = static_cast<size_t>(std::ceil(pos));
  const Value& lo = rows[first][0];
  if (second == first) return lo;
  const Value& hi = rows[second][0];
  double proportion = pos - static_cast<double>(first);
  if (spec.input_type.id == TypeId::kInterval) {
    auto sub = ResolveOperator("-", TypeId::kInterval, TypeId::kInterval);
    auto mul = ResolveOperator("*", TypeId::kInterval, TypeId::kFloat8);
    auto add = ResolveOperator("+", TypeId::kInterval, TypeId::kInterval);
    return add->fn(lo, mul->fn(sub->fn(hi, lo), Value::Float(proportion)));
  }
  return Value::Float(lo.as_float() + (hi.as_float() - lo.as_float()) * proportion);
}

bool IsExtended(AggKind k) { return k >= AggKind::kStringAgg; }

bool IsOrderedSet(AggKind k) {
  return k == AggKind::kPercentileCont || k == AggKind::kPercentileDisc || k == AggKind::kMode;
}

// Sorts collected rows by the keys that follow the arguments.
void SortRows(const AggregateSpec& spec, std::vector<Row>& rows) {
  size_t base = 1 + spec.extra_args.size();
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    for (size_t k = 0; k < spec.order_by.size(); ++k) {
      const AggOrderKey& key = spec.order_by[k];
      const Value& x = a[base + k];
      const Value& y = b[base + k];
      if (x.is_null() || y.is_null()) {
        if (x.is_null() && y.is_null()) continue;
        return x.is_null() == key.nulls_first;
      }
      int c = Compare(x, y, key.expr->type.id);
      if (c != 0) return key.descending ? c > 0 : c < 0;
    }
    return false;
  });
}

}  // namespace

std::optional<AggKind> ExtendedAggregateKind(std::string_view name) {
  if (auto k = ContainerAggregateKind(name)) return k;  // container_aggregates.cpp
  static const std::pair<std::string_view, AggKind> kNames[] = {
      {"string_agg", AggKind::kStringAgg},   {"bit_and", AggKind::kBitAnd},
      {"bit_or", AggKind::kBitOr},           {"bit_xor", AggKind::kBitXor},
      {"variance", AggKind::kVarSamp},       {"var_samp", AggKind::kVarSamp},
      {"var_pop", AggKind::kVarPop},         {"stddev", AggKind::kStddevSamp},
      {"stddev_samp", AggKind::kStddevSamp}, {"stddev_pop", AggKind::kStddevPop},
      {"corr", AggKind::kCorr},              {"covar_pop", AggKind::kCovarPop},
      {"covar_samp", AggKind::kCovarSamp},   {"regr_count", AggKind::kRegrCount},
      {"regr_sxx", AggKind::kRegrSxx},       {"regr_syy", AggKind::kRegrSyy},
      {"regr_sxy", AggKind::kRegrSxy},       {"regr_avgx", AggKind::kRegrAvgX},
      {"regr_avgy", AggKind::kRegrAvgY},     {"regr_slope", AggKind::kRegrSlope},
      {"regr_intercept", AggKind::kRegrIntercept}, {"regr_r2", AggKind::kRegrR2},
      {"percentile_cont", AggKind::kPercentileCont}, {"percentile_disc", AggKind::kPercentileDisc},
      {"mode", AggKind::kMode},
  };
  for (const auto& [n, k] : kNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::optional<Type> AggResultTypeExtended(AggKind kind, Type input, const std::vector<Type>& extra) {
  if (IsContainerAggregate(kind)) return ContainerAggResultType(kind, input, extra);
  auto one = [&](TypeId t) { return extra.size() == 1 && extra[0].id == t; };
  switch (kind) {
    case AggKind::kStringAgg:
      if (input.id != TypeId::kText || !one(TypeId::kText)) return std::nullopt;
      return kText;
    case AggKind::kBitAnd:
    case AggKind::kBitOr:
    case AggKind::kBitXor:
      if (!IsInteger(input.id) || !extra.empty()) return std::nullopt;
      return Type{input.id, -1};
    case AggKind::kVarSamp:
    case AggKind::kVarPop:
    case AggKind::kStddevSamp:
    case AggKind::kStddevPop:
      if (!extra.empty()) return std::nullopt;
      if (IsInteger(input.id) || input.id == TypeId::kNumeric) return kNumeric;
      if (IsFloatInput(input.id)) return kFloat8;
      return std::nullopt;
    case AggKind::kRegrCount:
      if (input.id != TypeId::kFloat8 || !one(TypeId::kFloat8)) return std::nullopt;
      return kInt8;
    case AggKind::kPercentileCont:
      if (!one(TypeId::kFloat8)) return std::nullopt;
      if (input.id == TypeId::kFloat8 || input.id == TypeId::kInterval) return Type{input.id, -1};
      return std::nullopt;
    case AggKind::kPercentileDisc:
      if (!one(TypeId::kFloat8) || input.id == TypeId::kUnknown) return std::nullopt;
      return input;
    case AggKind::kMode:
      if (!extra.empty() || input.id == TypeId::kUnknown) return std::nullopt;
      return input;
    default:
      if (IsRegression(kind)) {
        if (input.id != TypeId::kFloat8 || !one(TypeId::kFloat8)) return std::nullopt;
        return kFloat8;
      }
      return std::nullopt;
  }
}

void AggUpdateExtended(const AggregateSpec& spec, AggState& state, const Value* vals) {
  if (IsContainerAggregate(spec.kind)) return ContainerAggUpdate(spec, state, vals);
  const Value& v = vals[0];
  if (v.is_null()) return;
  switch (spec.kind) {
    case AggKind::kStringAgg: {
      AggExtraState& e = Extra(state);
      if (e.has_text && !vals[1].is_null()) e.text += vals[1].as_string();
      e.text += v.as_string();
      e.has_text = true;
      return;
    }
    case AggKind::kBitAnd:
      state.acc = state.acc.is_null() ? v : Value::Int(state.acc.as_int() & v.as_int());
      return;
    case AggKind::kBitOr:
      state.acc = state.acc.is_null() ? v : Value::Int(state.acc.as_int() | v.as_int());
      return;
    case AggKind::kBitXor:
      state.acc = state.acc.is_null() ? v : Value::Int(state.acc.as_int() ^ v.as_int());
      return;
    default: break;
  }
  if (IsStatistic(spec.kind)) {
    AggExtraState& e = Extra(state);
    if (IsFloatInput(spec.input_type.id)) {
      FloatAccum(state, e, v.as_float());
      return;
    }
    Numeric x = ToNumeric(v, spec.input_type.id);
    Numeric x2 = Numeric::Mul(x, x);
    ++state.count;
    e.sum_x = e.sum_x.is_null() ? NumericToValue(x) : NumericToValue(Numeric::Add(NumericFromValue(e.sum_x), x));
    e.sum_x2 = e.sum_x2.is_null() ? NumericToValue(x2) : NumericToValue(Numeric::Add(NumericFromValue(e.sum_x2), x2));
    return;
  }
  if (IsRegression(spec.kind)) {
    if (vals[1].is_null()) return;
    RegrAccum(state, Extra(state), v.as_float(), vals[1].as_float());
    return;
  }
}

Value AggFinalExtended(const AggregateSpec& spec, const AggState& state) {
  if (IsContainerAggregate(spec.kind)) return ContainerAggFinal(spec, state);
  if (IsOrderedSet(spec.kind)) {
    static const std::vector<Row> kNone;
    return OrderedSetFinal(spec, state.extra ? state.extra->rows : kNone);
  }
  switch (spec.kind) {
    case AggKind::kStringAgg:
      if (!state.extra || !state.extra->has_text) return Value::Null();
      return Value::String(state.extra->text);
    case AggKind::kBitAnd:
    case AggKind::kBitOr:
    case AggKind::kBitXor: return state.acc;
    default: break;
  }
  if (IsStatistic(spec.kind)) {
    if (!state.extra) return Value::Null();
    return IsFloatInput(spec.input_type.id) ? FloatStatistic(spec, state) : NumericStatistic(spec, state);
  }
  if (IsRegression(spec.kind)) {
    if (spec.kind == AggKind::kRegrCount) return Value::Int(state.count);
    if (!state.extra) return Value::Null();
    return RegressionFinal(spec, state);
  }
  return Value::Null();
}

void AggAccumulate(const AggregateSpec& spec, AggState& state, const Row& row, EvalContext& ctx) {
  if (spec.filter && !EvaluatePredicate(*spec.filter, row, ctx)) return;
  Value v = spec.arg ? Evaluate(*spec.arg, row, ctx) : Value();
  if (spec.distinct) {
    if (v.is_null()) return;
    if (!state.seen->insert(Row{v}).second) return;
  }
  if (!spec.order_by.empty()) {
    // Ordered input: keep {arg, extra..., keys...}; AggFinalOrdered replays it.
    if (IsOrderedSet(spec.kind) && v.is_null()) return;
    Row r;
    r.reserve(1 + spec.extra_args.size() + spec.order_by.size());
    r.push_back(std::move(v));
    for (const auto& a : spec.extra_args) r.push_back(Evaluate(*a, row, ctx));
    for (const auto& k : spec.order_by) r.push_back(Evaluate(*k.expr, row, ctx));
    Extra(state).rows.push_back(std::move(r));
    return;
  }
  if (!IsExtended(spec.kind)) {
    AggUpdate(spec, state, v);
    return;
  }
  Value vals[4];
  vals[0] = std::move(v);
  for (size_t i = 0; i < spec.extra_args.size() && i < 3; ++i) vals[i + 1] = Evaluate(*spec.extra_args[i], row, ctx);
  AggUpdateExtended(spec, state, vals);
}

Value AggFinalOrdered(const AggregateSpec& spec, AggState& state) {
  if (spec.order_by.empty()) return AggFinal(spec, state);
  // Sorted in place and kept: window aggregation calls this again as its frame grows.
  static const std::vector<Row> kNone;
  if (state.extra) SortRows(spec, state.extra->rows);
  const std::vector<Row>& rows = state.extra ? state.extra->rows : kNone;
  if (IsOrderedSet(spec.kind)) return OrderedSetFinal(spec, rows);
  AggState replay;
  for (const Row& r : rows) {
    if (!IsExtended(spec.kind)) {
      AggUpdate(spec, replay, r[0]);
    } else {
      AggUpdateExtended(spec, replay, r.data());
    }
  }
  return AggFinal(spec, replay);
}

}  // namespace basalt::engine::sql
