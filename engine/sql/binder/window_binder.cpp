// Window function calls: f(...) OVER (PARTITION BY ... ORDER BY ... frame)
// and OVER name / OVER (name ...) with the WINDOW clause. Each call becomes a
// kWindowRef placeholder; the select binder puts a WindowPlan after grouping
// (window functions see grouped rows, as in PostgreSQL) and AddWindowPlan
// points the placeholders at its output columns.
#include <fmt/format.h>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/binder/window_binding.hpp"

namespace basalt::engine::sql {
namespace {

const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kFloat8{TypeId::kFloat8, -1};

std::optional<WindowFuncKind> WindowKind(std::string_view name) {
  if (name == "row_number") return WindowFuncKind::kRowNumber;
  if (name == "rank") return WindowFuncKind::kRank;
  if (name == "dense_rank") return WindowFuncKind::kDenseRank;
  if (name == "percent_rank") return WindowFuncKind::kPercentRank;
  if (name == "cume_dist") return WindowFuncKind::kCumeDist;
  if (name == "ntile") return WindowFuncKind::kNtile;
  if (name == "lag") return WindowFuncKind::kLag;
  if (name == "lead") return WindowFuncKind::kLead;
  if (name == "first_value") return WindowFuncKind::kFirstValue;
  if (name == "last_value") return WindowFuncKind::kLastValue;
  if (name == "nth_value") return WindowFuncKind::kNthValue;
  return std::nullopt;
}

std::string TypesText(const std::vector<BoundExprPtr>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    out += args[i]->type.id == TypeId::kUnknown ? "unknown" : FormatType(Type{args[i]->type.id, -1});
  }
  return out;
}

[[noreturn]] void NoSuchFunction(const ast::Expr& e, const std::vector<BoundExprPtr>& args) {
  throw AtLocation(DbError(SqlState::kUndefinedFunction,
                           fmt::format("function {}({}) does not exist", e.names.back(), TypesText(args)))
                       .WithHint("No function matches the given name and argument types. You might need to add "
                                 "explicit type casts."),
                   e.location);
}

BoundExprPtr CoerceArg(BoundExprPtr e, Type t, const ast::Expr& call, const std::vector<BoundExprPtr>& all) {
  BoundExprPtr out = TryCoerce(std::move(e), t, CastContext::kImplicit);
  if (!out) NoSuchFunction(call, all);
  return out;
}

// A ROWS frame offset: a constant, non-null, non-negative bigint.
int64_t FrameOffset(const ast::Expr& e, bool start) {
  Scope empty;
  ExprBinder eb(empty, "window frame", nullptr);
  BoundExprPtr b = TryCoerce(eb.Bind(e), kInt8, CastContext::kImplicit);
  if (!b) {
    throw AtLocation(DbError(SqlState::kDatatypeMismatch, "argument of ROWS must be type bigint"), e.location);
  }
  if (b->kind != BoundKind::kConst) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "non-constant window frame offsets are not supported yet"),
                     e.location);
  }
  if (b->value.is_null()) {
    throw DbError(SqlState::kNullValueNotAllowed,
                  start ? "frame starting offset must not be null" : "frame ending offset must not be null");
  }
  if (b->value.as_int() < 0) {
    throw DbError(SqlState::kInvalidPrecedingOrFollowingSize,
                  start ? "frame starting offset must not be negative" : "frame ending offset must not be negative");
  }
  return b->value.as_int();
}

FrameSpec BindFrame(const ast::WindowSpec& w) {
  namespace fo = frame_option;
  FrameSpec f;
  int o = w.frame_options;
  if ((o & fo::kNonDefault) == 0) return f;
  if (o & fo::kGroups) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "GROUPS window frames are not supported yet"), w.location);
  }
  if (o & (fo::kExcludeCurrentRow | fo::kExcludeGroup | fo::kExcludeTies)) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "window frame EXCLUDE is not supported yet"), w.location);
  }
  f.rows = (o & fo::kRows) != 0;
  bool offsets = o & (fo::kStartOffsetPreceding | fo::kStartOffsetFollowing | fo::kEndOffsetPreceding |
                      fo::kEndOffsetFollowing);
  if (!f.rows && offsets) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                             "RANGE with offset PRECEDING/FOLLOWING is not supported yet"),
                     w.location);
  }
  if (o & fo::kStartUnboundedPreceding) f.start = FrameBoundKind::kUnboundedPreceding;
  if (o & fo::kStartCurrentRow) f.start = FrameBoundKind::kCurrentRow;
  if (o & fo::kStartUnboundedFollowing) f.start = FrameBoundKind::kUnboundedFollowing;
  if (o & fo::kStartOffsetPreceding) f.start = FrameBoundKind::kOffsetPreceding;
  if (o & fo::kStartOffsetFollowing) f.start = FrameBoundKind::kOffsetFollowing;
  // Without BETWEEN the frame ends at the current row.
  f.end = FrameBoundKind::kCurrentRow;
  if (o & fo::kEndUnboundedPreceding) f.end = FrameBoundKind::kUnboundedPreceding;
  if (o & fo::kEndCurrentRow) f.end = FrameBoundKind::kCurrentRow;
  if (o & fo::kEndUnboundedFollowing) f.end = FrameBoundKind::kUnboundedFollowing;
  if (o & fo::kEndOffsetPreceding) f.end = FrameBoundKind::kOffsetPreceding;
  if (o & fo::kEndOffsetFollowing) f.end = FrameBoundKind::kOffsetFollowing;
  if (w.frame_start) f.start_offset = FrameOffset(*w.frame_start, true);
  if (w.frame_end) f.end_offset = FrameOffset(*w.frame_end, false);
  return f;
}

void PointWindowRefs(BoundExpr& e, size_t base) {
  if (e.kind == BoundKind::kWindowRef) {
    e.kind = BoundKind::kColumn;
    e.index = static_cast<int>(base) + e.index;
    return;
  }
  for (auto& a : e.args) PointWindowRefs(*a, base);
}

}  // namespace

BoundExprPtr ExprBinder::BindWindowArg(const ast::Expr& e) {
  BoundExprPtr b = Bind(e);
  if (b->type.id == TypeId::kUnknown) b = TryCoerce(std::move(b), Type{TypeId::kText, -1}, CastContext::kImplicit);
  return b;
}

BoundExprPtr ExprBinder::BindWindowCall(const ast::Expr& e, std::optional<AggKind> agg) {
  const std::string& name = e.names.back();
  if (windows_ == nullptr) {
    throw AtLocation(DbError(SqlState::kWindowingError, fmt::format("window functions are not allowed in {}", clause_)),
                     e.location);
  }
  if (in_window_definition_) {
    throw AtLocation(DbError(SqlState::kWindowingError, "window functions are not allowed in window definitions"),
                     e.location);
  }
  if (inside_window_) {
    throw AtLocation(DbError(SqlState::kWindowingError, "window function calls cannot be nested"), e.location);
  }
  if (inside_aggregate_) {
    throw AtLocation(DbError(SqlState::kGroupingError, "aggregate function calls cannot contain window function calls"),
                     e.location);
  }
  std::optional<WindowFuncKind> kind = WindowKind(name);
  if (!kind && !agg) {
    throw AtLocation(DbError(SqlState::kWrongObjectType,
                             fmt::format("OVER specified, but {} is not a window function nor an aggregate function",
                                         name)),
                     e.location);
  }
  WindowCall call;
  call.name = name;
  inside_window_ = true;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{inside_window_};
  if (!kind) {
    if (e.distinct) {
      throw AtLocation(DbError(SqlState::kFeatureNotSupported, "DISTINCT is not implemented for window functions"),
                       e.location);
    }
    if (!e.agg_order.empty()) {
      throw AtLocation(
          DbError(SqlState::kFeatureNotSupported, "aggregate ORDER BY is not implemented for window functions"),
          e.location);
    }
    std::vector<AggregateSpec> local;
    std::vector<AggregateSpec>* saved = aggregates_;
    aggregates_ = &local;
    binding_window_aggregate_ = true;
    try {
      BindAggregate(e, *agg);
    } catch (...) {
      aggregates_ = saved;
      binding_window_aggregate_ = false;
      throw;
    }
    aggregates_ = saved;
    binding_window_aggregate_ = false;
    call.kind = WindowFuncKind::kAggregate;
    call.aggregate = std::move(local.at(0));
    call.type = call.aggregate.result_type;
  } else {
    call.kind = *kind;
    std::vector<BoundExprPtr> args;
    for (const auto& a : e.args) args.push_back(BindWindowArg(*a));
    switch (*kind) {
      case WindowFuncKind::kRowNumber:
      case WindowFuncKind::kRank:
      case WindowFuncKind::kDenseRank:
        if (!args.empty()) NoSuchFunction(e, args);
        call.type = kInt8;
        break;
      case WindowFuncKind::kPercentRank:
      case WindowFuncKind::kCumeDist:
        if (!args.empty()) NoSuchFunction(e, args);
        call.type = kFloat8;
        break;
      case WindowFuncKind::kNtile:
        if (args.size() != 1) NoSuchFunction(e, args);
        args[0] = CoerceArg(std::move(args[0]), kInt4, e, args);
        call.type = kInt4;
        break;
      case WindowFuncKind::kLag:
      case WindowFuncKind::kLead: {
        if (args.empty() || args.size() > 3) NoSuchFunction(e, args);
        if (args.size() >= 2) args[1] = CoerceArg(std::move(args[1]), kInt4, e, args);
        Type t = args[0]->type;
        if (args.size() == 3) {
          t = CommonType({args[0]->type, args[2]->type}, "lag", e.location);
          args[2] = CoerceArg(std::move(args[2]), t, e, args);
          args[0] = CoerceArg(std::move(args[0]), t, e, args);
        }
        call.type = t;
        break;
      }
      case WindowFuncKind::kFirstValue:
      case WindowFuncKind::kLastValue:
        if (args.size() != 1) NoSuchFunction(e, args);
        call.type = args[0]->type;
        break;
      case WindowFuncKind::kNthValue:
        if (args.size() != 2) NoSuchFunction(e, args);
        args[1] = CoerceArg(std::move(args[1]), kInt4, e, args);
        call.type = args[0]->type;
        break;
      case WindowFuncKind::kAggregate: break;
    }
    call.args = std::move(args);
  }

  // The window: OVER name, OVER (name ...), or inline.
  const ast::WindowSpec* spec = e.over.get();
  const ast::WindowSpec* base = nullptr;
  std::string base_name = spec->ref_name;
  bool bare_name = !spec->name.empty() && spec->partition_by.empty() && spec->order_by.empty() &&
                   spec->ref_name.empty() && (spec->frame_options & frame_option::kNonDefault) == 0;
  if (bare_name) base_name = spec->name;
  if (!base_name.empty()) {
    if (windows_->named != nullptr) {
      for (const auto& w : *windows_->named) {
        if (w->name == base_name) base = w.get();
      }
    }
    if (base == nullptr) {
      throw AtLocation(DbError(SqlState::kUndefinedObject, fmt::format("window \"{}\" does not exist", base_name)),
                       spec->location);
    }
    if (bare_name) spec = base;
  }
  const ast::WindowSpec& parts = (base != nullptr && base != spec) ? *base : *spec;
  const auto& order_by = (base != nullptr && base != spec && spec->order_by.empty()) ? base->order_by : spec->order_by;
  WindowDefinition def;
  in_window_definition_ = true;
  struct ResetDef {
    bool& flag;
    ~ResetDef() { flag = false; }
  } reset_def{in_window_definition_};
  for (const auto& p : parts.partition_by) def.partition.push_back(BindWindowArg(*p));
  for (size_t i = 0; i < order_by.size(); ++i) {
    const ast::SortBy& s = order_by[i];
    def.order.push_back(BindWindowArg(*s.expr));
    SortKey k;
    k.column = static_cast<int>(i);
    k.type = def.order.back()->type;
    k.descending = s.dir == ast::SortDir::kDesc;
    k.nulls_first = s.nulls == ast::NullsOrder::kDefault ? k.descending : s.nulls == ast::NullsOrder::kFirst;
    def.order_keys.push_back(k);
  }
  def.frame = BindFrame(*spec);
  call.window = windows_->windows.size();
  windows_->windows.push_back(std::move(def));

  auto ref = std::make_unique<BoundExpr>(BoundKind::kWindowRef, call.type);
  ref->index = static_cast<int>(windows_->calls.size());
  ref->name = name;
  ref->location = e.location;
  windows_->calls.push_back(std::move(call));
  return ref;
}

PlanPtr AddWindowPlan(PlanPtr input, WindowBinding& binding, const std::vector<BoundExprPtr*>& exprs) {
  auto plan = std::make_unique<WindowPlan>();
  plan->input_width = input->output_types.size();
  plan->output_types = input->output_types;
  for (const WindowCall& c : binding.calls) plan->output_types.push_back(c.type);
  plan->windows = std::move(binding.windows);
  plan->calls = std::move(binding.calls);
  for (BoundExprPtr* e : exprs) {
    if (e != nullptr && *e) PointWindowRefs(**e, plan->input_width);
  }
  plan->child = std::move(input);
  return plan;
}

}  // namespace basalt::engine::sql
