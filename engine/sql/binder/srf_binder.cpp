// Set-returning calls in the SELECT list (kSrfRef placeholders that the select
// binder turns into a ProjectSet) and table functions in FROM.
#include <fmt/format.h>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/planner/query_plans.hpp"

namespace basalt::engine::sql {
namespace {

std::string ArgTypesText(const std::vector<Type>& types) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) out += ", ";
    out += types[i].id == TypeId::kUnknown ? "unknown" : FormatType(Type{types[i].id, -1});
  }
  return out;
}

bool ContainsSrfRef(const BoundExpr& e) {
  if (e.kind == BoundKind::kSrfRef) return true;
  for (const auto& a : e.args) {
    if (ContainsSrfRef(*a)) return true;
  }
  return false;
}

TableFunctionInfo ResolveTableFunctionCall(const ast::Expr& e, std::vector<BoundExprPtr>& args) {
  const std::string& name = e.names.back();
  std::vector<Type> types;
  for (const auto& a : args) types.push_back(a->type);
  auto info = TableFunctions().Resolve(name, types);
  if (!info) {
    std::string shown;
    for (size_t i = 0; i < e.names.size(); ++i) shown += (i ? "." : "") + e.names[i];
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("function {}({}) does not exist", shown, ArgTypesText(types)))
                         .WithHint("No function matches the given name and argument types. You might need to add "
                                   "explicit type casts."),
                     e.location);
  }
  for (size_t i = 0; i < args.size() && i < info->arg_types.size(); ++i) {
    Type from = args[i]->type;
    int loc = args[i]->location;
    args[i] = TryCoerce(std::move(args[i]), info->arg_types[i], CastContext::kImplicit);
    if (!args[i]) {
      throw AtLocation(DbError(SqlState::kDatatypeMismatch,
                               fmt::format("argument of {} has type {}", name, FormatType(Type{from.id, -1}))),
                       loc);
    }
  }
  return *info;
}

}  // namespace

bool IsSetReturningFunction(std::string_view name) { return TableFunctions().Has(name); }

BoundExprPtr ExprBinder::BindSetReturningCall(const ast::Expr& e, std::vector<BoundExprPtr> args) {
  const std::string& name = e.names.back();
  if (inside_aggregate_) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                             "aggregate function calls cannot contain set-returning function calls")
                         .WithHint("You might be able to move the set-returning function into a LATERAL FROM item."),
                     e.location);
  }
  if (srfs_ == nullptr) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                             fmt::format("set-returning functions are not allowed in {}", clause_)),
                     e.location);
  }
  if (e.over) {
    throw AtLocation(DbError(SqlState::kWrongObjectType,
                             fmt::format("OVER specified, but {} is not a window function nor an aggregate function",
                                         name)),
                     e.location);
  }
  for (const auto& a : args) {
    if (ContainsSrfRef(*a)) {
      throw AtLocation(DbError(SqlState::kFeatureNotSupported, "nested set-returning functions are not supported yet"),
                       e.location);
    }
  }
  TableFunctionInfo info = ResolveTableFunctionCall(e, args);
  if (info.columns.size() != 1) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                             fmt::format("function {} returns a record; use it in FROM", name)),
                     e.location);
  }
  auto ref = std::make_unique<BoundExpr>(BoundKind::kSrfRef, info.columns[0].type);
  ref->index = static_cast<int>(srfs_->size());
  ref->name = name;
  ref->location = e.location;
  srfs_->push_back(SrfCall{name, std::move(args), std::move(info)});
  return ref;
}

PlanPtr Binder::BindFunctionItem(const ast::TableRef& ref, Scope& scope, const Scope* args_outer) {
  const ast::Expr& call = *ref.function;
  if (call.kind != ast::ExprKind::kFunc || call.names.empty()) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "only function calls are supported in FROM"),
                     ref.location);
  }
  const std::string& name = call.names.back();
  if (!IsSetReturningFunction(name)) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                             fmt::format("function {} cannot be used in FROM yet", name)),
                     call.location);
  }
  Scope none;
  none.outer = args_outer;
  ExprBinder eb(none, "functions in FROM", nullptr, this);
  std::vector<BoundExprPtr> args;
  for (const auto& a : call.args) args.push_back(eb.Bind(*a));
  auto plan = std::make_unique<FunctionScanPlan>();
  plan->info = ResolveTableFunctionCall(call, args);
  plan->args = std::move(args);
  plan->name = name;
  plan->ordinality = ref.ordinality;

  // Column names: the alias list, else the function's (a scalar result is
  // named after the alias, or the function).
  std::string alias = ref.alias ? ref.alias->name : name;
  std::vector<std::string> names;
  for (const auto& c : plan->info.columns) names.push_back(c.name);
  if (plan->info.scalar_result && ref.alias) names[0] = ref.alias->name;
  if (plan->ordinality) names.push_back("ordinality");
  if (ref.alias) {
    if (ref.alias->columns.size() > names.size()) {
      throw DbError(SqlState::kInvalidColumnReference,
                    fmt::format("table \"{}\" has {} columns available but {} columns specified", alias, names.size(),
                                ref.alias->columns.size()));
    }
    for (size_t i = 0; i < ref.alias->columns.size(); ++i) names[i] = ref.alias->columns[i];
  }
  scope.tables.push_back(alias);
  for (size_t i = 0; i < plan->info.columns.size(); ++i) {
    scope.columns.push_back(ScopeColumn{alias, names[i], plan->info.columns[i].type, 0, 0});
    plan->output_types.push_back(plan->info.columns[i].type);
  }
  if (plan->ordinality) {
    scope.columns.push_back(ScopeColumn{alias, names.back(), Type{TypeId::kInt8, -1}, 0, 0});
    plan->output_types.push_back(Type{TypeId::kInt8, -1});
  }
  return plan;
}

namespace {

void PointSrfRefs(BoundExpr& e, size_t base) {
  if (e.kind == BoundKind::kSrfRef) {
    e.kind = BoundKind::kColumn;
    e.index = static_cast<int>(base) + e.index;
    return;
  }
  for (auto& a : e.args) PointSrfRefs(*a, base);
}

}  // namespace

PlanPtr AddProjectSet(PlanPtr input, std::vector<SrfCall>& srfs, std::vector<BoundExprPtr>& targets) {
  auto ps = std::make_unique<ProjectSetPlan>();
  ps->input_width = input->output_types.size();
  ps->output_types = input->output_types;
  for (const SrfCall& c : srfs) ps->output_types.push_back(c.info.columns[0].type);
  ps->srfs = std::move(srfs);
  for (auto& t : targets) PointSrfRefs(*t, ps->input_width);
  ps->child = std::move(input);
  return ps;
}

}  // namespace basalt::engine::sql
