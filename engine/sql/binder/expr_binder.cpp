#include "engine/sql/binder/expr_binder.hpp"

#include <fmt/format.h>

#include "engine/sql/binder/aggregate_binder.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/param_types.hpp"
#include "engine/sql/binder/sql_function_binder.hpp"
#include "engine/sql/binder/type_name_binder.hpp"
#include "engine/sql/binder/pattern_match_binder.hpp"
#include "engine/sql/functions/aggregate_state.hpp"
#include "engine/sql/functions/scalar_functions.hpp"
#include "engine/sql/functions/table_functions.hpp"
#include "engine/sql/types/operators.hpp"
#include "engine/sql/types/text_io.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

const Type kBoolType{TypeId::kBool, -1};
const Type kTextType{TypeId::kText, -1};

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += '.';
    out += names[i];
  }
  return out;
}

std::string TypeListText(const std::vector<Type>& types) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) out += ", ";
    out += types[i].id == TypeId::kUnknown ? "unknown" : FormatType(Type{types[i].id, -1, types[i].oid});
  }
  return out;
}

std::optional<AggKind> AggregateKind(std::string_view name, bool star) { return AggregateKindOf(name, star); }

bool IsIntegralText(std::string_view s) {
  if (s.empty()) return false;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

BoundExprPtr ExprBinder::Bind(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::kConst: return BindConst(e);
    case ast::ExprKind::kColumnRef: return BindColumnRef(e);
    case ast::ExprKind::kOp: return BindOperator(e);
    case ast::ExprKind::kAnd:
    case ast::ExprKind::kOr: {
      bool is_and = e.kind == ast::ExprKind::kAnd;
      auto out = std::make_unique<BoundExpr>(is_and ? BoundKind::kAnd : BoundKind::kOr, kBoolType);
      out->location = e.location;
      for (const auto& a : e.args) out->args.push_back(CoerceToBool(Bind(*a), is_and ? "AND" : "OR"));
      return out;
    }
    case ast::ExprKind::kNot: {
      auto out = std::make_unique<BoundExpr>(BoundKind::kNot, kBoolType);
      out->location = e.location;
      out->args.push_back(CoerceToBool(Bind(*e.args[0]), "NOT"));
      return out;
    }
    case ast::ExprKind::kFunc: return BindFunction(e);
    case ast::ExprKind::kCast: return BindCast(e);
    case ast::ExprKind::kNullTest: {
      auto out = std::make_unique<BoundExpr>(BoundKind::kIsNull, kBoolType);
      out->negated = e.negated;
      out->location = e.location;
      out->args.push_back(Bind(*e.args[0]));
      return out;
    }
    case ast::ExprKind::kBoolTest: {
      auto out = std::make_unique<BoundExpr>(BoundKind::kBoolTest, kBoolType);
      out->negated = e.negated;
      out->bool_test = e.bool_test == ast::BoolTestKind::kTrue    ? BoolTest::kTrue
                       : e.bool_test == ast::BoolTestKind::kFalse ? BoolTest::kFalse
                                                                  : BoolTest::kUnknown;
      out->args.push_back(CoerceToBool(Bind(*e.args[0]), "IS TRUE"));
      return out;
    }
    case ast::ExprKind::kCase: return BindCase(e);
    case ast::ExprKind::kIn: return BindIn(e);
    case ast::ExprKind::kLike: return BindLike(e);
    case ast::ExprKind::kBetween: return BindBetween(e);
    case ast::ExprKind::kDistinctFrom: return BindDistinctFrom(e);
    case ast::ExprKind::kNullIf: return BindNullIf(e);
    case ast::ExprKind::kCoalesce: return BindVariadic(e, BoundKind::kCoalesce, "COALESCE");
    case ast::ExprKind::kGreatest: return BindVariadic(e, BoundKind::kGreatest, "GREATEST");
    case ast::ExprKind::kLeast: return BindVariadic(e, BoundKind::kLeast, "LEAST");
    case ast::ExprKind::kDefault:
      throw AtLocation(DbError(SqlState::kSyntaxError, "DEFAULT is not allowed in this context"), e.location);
    case ast::ExprKind::kParam: return BindParam(e);
    case ast::ExprKind::kCollate:
      if (e.names.size() >= 1 && (e.names.back() == "default" || e.names.back() == "C" || e.names.back() == "POSIX")) {
        return Bind(*e.args[0]);
      }
      throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                               fmt::format("collation \"{}\" is not supported", JoinNames(e.names))),
                       e.location);
    case ast::ExprKind::kSubLink:
      return BindSubLink(e);
    case ast::ExprKind::kArray:
      return BindArrayConstructor(e);
    case ast::ExprKind::kSubscript:
      return BindSubscript(e);
    case ast::ExprKind::kRow:
      throw AtLocation(DbError(SqlState::kFeatureNotSupported, "row constructors are not supported yet"), e.location);
    case ast::ExprKind::kSqlValue: {
      // CURRENT_USER and friends are calls of the same-named functions.
      std::string name = e.names.empty() ? "" : e.names.back();
      if (name == "user" || name == "current_role") name = "current_user";
      if (name == "current_catalog") name = "current_database";
      if (auto info = ResolveFunction(name, {})) {
        auto out = std::make_unique<BoundExpr>(BoundKind::kFunction, info->result);
        out->scalar_fn = info->fn;
        out->name = name;
        out->location = e.location;
        return out;
      }
      throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                               fmt::format("{} is not supported yet", JoinNames(e.names))),
                       e.location);
    }
  }
  throw AtLocation(DbError(SqlState::kFeatureNotSupported, "expression is not supported"), e.location);
}

BoundExprPtr ExprBinder::BindParam(const ast::Expr& e) {
  ParamScope* params = ParamScope::Current();
  if (params == nullptr || e.param_number < 1 || e.param_number > kMaxParams) {
    throw AtLocation(DbError(SqlState::kUndefinedParameter, fmt::format("there is no parameter ${}", e.param_number)),
                     e.location);
  }
  size_t index = static_cast<size_t>(e.param_number - 1);
  std::vector<Type>& types = params->types();
  if (types.size() <= index) types.resize(index + 1, Type{TypeId::kUnknown, -1});
  if (params->values() != nullptr && index < params->values()->size()) {
    auto c = BoundExpr::Const((*params->values())[index], types[index]);
    c->location = e.location;
    return c;
  }
  auto out = std::make_unique<BoundExpr>(BoundKind::kParam, types[index]);
  out->index = static_cast<int>(index);
  out->location = e.location;
  return out;
}

BoundExprPtr ExprBinder::BindConst(const ast::Expr& e) {
  BoundExprPtr out;
  switch (e.const_kind) {
    case ast::ConstKind::kNull: out = BoundExpr::Const(Value::Null(), Type{TypeId::kUnknown, -1}); break;
    case ast::ConstKind::kInteger: out = BoundExpr::Const(Value::Int(e.int_value), Type{TypeId::kInt4, -1}); break;
    case ast::ConstKind::kNumeric:
      // Like PostgreSQL's make_const: integral literals too big for int4 are
      // int8 when they fit, numeric otherwise.
      if (IsIntegralText(e.text)) {
        errno = 0;
        char* end = nullptr;
        long long v = std::strtoll(e.text.c_str(), &end, 10);
        if (errno == 0 && end && *end == '\0') {
          // PostgreSQL's make_const: an integral literal that fits int4 is int4
          // even when the grammar produced it as a float (e.g. -2147483648).
          bool fits_int4 = v >= INT32_MIN && v <= INT32_MAX;
          out = BoundExpr::Const(Value::Int(v), Type{fits_int4 ? TypeId::kInt4 : TypeId::kInt8, -1});
          break;
        }
      }
      out = BoundExpr::Const(ParseText(e.text, Type{TypeId::kNumeric, -1}), Type{TypeId::kNumeric, -1});
      break;
    case ast::ConstKind::kString: out = BoundExpr::Const(Value::String(e.text), Type{TypeId::kUnknown, -1}); break;
    case ast::ConstKind::kBool: out = BoundExpr::Const(Value::Bool(e.text == "t"), kBoolType); break;
    case ast::ConstKind::kBitString:
      throw AtLocation(DbError(SqlState::kFeatureNotSupported, "bit strings are not supported"), e.location);
  }
  out->location = e.location;
  return out;
}

BoundExprPtr ExprBinder::BindColumnRef(const ast::Expr& e) {
  if (e.star) {
    throw AtLocation(DbError(SqlState::kSyntaxError, "\"*\" is not allowed here"), e.location);
  }
  std::string_view table;
  std::string_view column;
  if (e.names.size() == 1) {
    column = e.names[0];
  } else if (e.names.size() == 2) {
    table = e.names[0];
    column = e.names[1];
  } else if (e.names.size() == 3) {
    table = e.names[1];
    column = e.names[2];
  } else {
    throw AtLocation(DbError(SqlState::kSyntaxError,
                             fmt::format("improper qualified name (too many dotted names): {}", JoinNames(e.names))),
                     e.location);
  }
  if (!table.empty()) {
    bool known = false;
    for (const Scope* sc = &scope_; sc != nullptr; sc = sc->outer) {
      for (const auto& t : sc->tables) known = known || t == table;
    }
    if (!known) {
      for (const auto& [name, alias] : scope_.aliased_tables) {
        if (name == table) {
          throw AtLocation(DbError(SqlState::kUndefinedTable,
                                   fmt::format("invalid reference to FROM-clause entry for table \"{}\"", table))
                               .WithHint(fmt::format("Perhaps you meant to reference the table alias \"{}\".", alias)),
                           e.location);
        }
      }
      throw AtLocation(
          DbError(SqlState::kUndefinedTable, fmt::format("missing FROM-clause entry for table \"{}\"", table)),
          e.location);
    }
  }
  int found = -1;
  for (size_t i = 0; i < scope_.columns.size(); ++i) {
    const ScopeColumn& c = scope_.columns[i];
    if (c.name != column || (!table.empty() && c.table != table) || (table.empty() && c.hidden)) continue;
    if (found >= 0) {
      throw AtLocation(DbError(SqlState::kAmbiguousColumn, fmt::format("column reference \"{}\" is ambiguous", column)),
                       e.location);
    }
    found = static_cast<int>(i);
  }
  if (found < 0) {
    // A correlated reference to an enclosing query's column.
    int depth = 1;
    for (const Scope* outer = scope_.outer; outer != nullptr; outer = outer->outer, ++depth) {
      if (outer->invisible) {
        // Earlier FROM items seen from a non-LATERAL subquery: not a query level.
        --depth;
        ThrowInvisibleReference(*outer, table, column, e.location);
        continue;
      }
      bool table_known = table.empty();
      for (const auto& t : outer->tables) table_known = table_known || t == table;
      if (!table_known) continue;
      for (size_t i = 0; i < outer->columns.size(); ++i) {
        const ScopeColumn& c = outer->columns[i];
        if (c.name != column || (!table.empty() && c.table != table) || (table.empty() && c.hidden)) continue;
        if (!outer->referenced) {
          outer->referenced_table = c.table;
          outer->referenced_location = e.location;
        }
        outer->referenced = true;
        auto out = std::make_unique<BoundExpr>(BoundKind::kOuterColumn, c.type);
        out->index = static_cast<int>(i);
        out->depth = depth;
        out->name = c.table.empty() ? c.name : fmt::format("{}.{}", c.table, c.name);
        out->location = e.location;
        return out;
      }
    }
  }
  if (found < 0 && column == "tableoid") {
    // The system column tableoid (pg_dump reads it from every catalog): the OID
    // of the FROM item's relation, the same for all its rows.
    std::string_view owner;
    uint32_t oid = 0;
    for (const ScopeColumn& c : scope_.columns) {
      if (c.table_oid == 0 || c.table.empty() || (!table.empty() && c.table != table)) continue;
      if (!owner.empty() && c.table != owner) {
        throw AtLocation(DbError(SqlState::kAmbiguousColumn, "column reference \"tableoid\" is ambiguous"),
                         e.location);
      }
      owner = c.table;
      oid = c.table_oid;
    }
    if (oid != 0) {
      auto out = BoundExpr::Const(Value::Int(oid), Type{TypeId::kOid, -1});
      out->name = "tableoid";
      out->location = e.location;
      return out;
    }
  }
  if (found < 0) {
    std::string shown = table.empty() ? std::string(column) : fmt::format("{}.{}", table, column);
    throw AtLocation(DbError(SqlState::kUndefinedColumn, fmt::format("column {} does not exist", 
                                                                     table.empty() ? fmt::format("\"{}\"", column)
                                                                                   : fmt::format("{}.{}", table, column))),
                     e.location);
  }
  const ScopeColumn& c = scope_.columns[found];
  auto out = BoundExpr::Column(found, c.type);
  out->name = c.table.empty() ? c.name : fmt::format("{}.{}", c.table, c.name);
  out->location = e.location;
  return out;
}

BoundExprPtr ExprBinder::BindBinaryOp(std::string_view op, BoundExprPtr l, BoundExprPtr r, int location) {
  Type lt = l->type;
  Type rt = r->type;
  auto info = ResolveOperator(op, lt.id, rt.id);
  if (!info) {
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("operator does not exist: {} {} {}", TypeListText({lt}), op, TypeListText({rt})))
                         .WithHint("No operator matches the given name and argument types. You might need to add "
                                   "explicit type casts."),
                     location);
  }
  if (info->left == TypeId::kEnum) CheckEnumOperands(op, lt, rt, location);  // enum_binder.cpp
  l = TryCoerce(std::move(l), OperandType(info->left, lt, rt), info->arg_cast_context);
  r = TryCoerce(std::move(r), OperandType(info->right, rt, lt), info->arg_cast_context);
  if (!l || !r) {
    throw AtLocation(DbError(SqlState::kInternalError, "operator argument coercion failed"), location);
  }
  auto out = std::make_unique<BoundExpr>(BoundKind::kBinary, Type{info->result, -1});
  out->binary_fn = info->fn;
  out->name = std::string(op);
  out->location = location;
  out->args.push_back(std::move(l));
  out->args.push_back(std::move(r));
  // Fold operators over constants now, so errors like 1/0 in a constant
  // expression surface at bind time as in PostgreSQL's eval_const_expressions.
  if (out->args[0]->kind == BoundKind::kConst && out->args[1]->kind == BoundKind::kConst) {
    const Value& a = out->args[0]->value;
    const Value& b = out->args[1]->value;
    Value v = (a.is_null() || b.is_null()) ? Value::Null() : out->binary_fn(a, b);
    auto c = BoundExpr::Const(std::move(v), out->type);
    c->location = location;
    return c;
  }
  return out;
}

BoundExprPtr ExprBinder::BindOperator(const ast::Expr& e) {
  if (e.quantifier != ast::OpQuantifier::kNone) return BindArrayQuantified(e);  // array_binder.cpp
  const std::string& op = e.names.back();
  if (e.args.size() == 1) {
    BoundExprPtr arg = Bind(*e.args[0]);
    if (op == "+") {
      if (!IsNumeric(arg->type.id) && arg->type.id != TypeId::kUnknown) {
        throw AtLocation(DbError(SqlState::kUndefinedFunction,
                                 fmt::format("operator does not exist: + {}", TypeListText({arg->type})))
                             .WithHint("No operator matches the given name and argument type. You might need to add "
                                       "an explicit type cast."),
                         e.location);
      }
      return arg;
    }
    if (op == "-") {
      auto info = ResolveUnaryOperator(op, arg->type.id);
      if (!info) {
        throw AtLocation(DbError(SqlState::kUndefinedFunction,
                                 fmt::format("operator does not exist: - {}", TypeListText({arg->type})))
                             .WithHint("No operator matches the given name and argument type. You might need to add "
                                       "an explicit type cast."),
                         e.location);
      }
      arg = TryCoerce(std::move(arg), Type{info->right, -1}, CastContext::kImplicit);
      if (arg->kind == BoundKind::kConst) {
        Value v = arg->value.is_null() ? Value::Null() : info->unary_fn(arg->value);
        auto c = BoundExpr::Const(std::move(v), Type{info->result, -1});
        c->location = e.location;
        return c;
      }
      auto out = std::make_unique<BoundExpr>(BoundKind::kUnary, Type{info->result, -1});
      out->name = "-";
      out->location = e.location;
      out->unary_fn = info->unary_fn;
      out->args.push_back(std::move(arg));
      return out;
    }
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("operator does not exist: {} {}", op, TypeListText({arg->type}))),
                     e.location);
  }
  BoundExprPtr l = Bind(*e.args[0]);
  BoundExprPtr r = Bind(*e.args[1]);
  return BindBinaryOp(op, std::move(l), std::move(r), e.location);
}

BoundExprPtr ExprBinder::BindFunction(const ast::Expr& e) {
  std::string name = e.names.back();
  if (e.names.size() == 2 && e.names[0] != "pg_catalog" && binder_ && !e.star && !e.over) {
    std::vector<BoundExprPtr> user_args;  // a schema-qualified user function (sql_function_binder.cpp)
    for (const auto& a : e.args) user_args.push_back(Bind(*a));
    return BindSqlFunctionCall(*binder_, e, user_args, /*required=*/true);
  }
  if (e.names.size() == 2 && e.names[0] != "pg_catalog") {
    throw AtLocation(DbError(SqlState::kInvalidSchemaName, fmt::format("schema \"{}\" does not exist", e.names[0])),
                     e.location);
  }
  if (e.over) return BindWindowCall(e, AggregateKind(name, e.star));  // window_binder.cpp
  if (auto kind = AggregateKind(name, e.star)) return BindAggregate(e, *kind);
  if (e.over) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "window functions are not supported yet"), e.location);
  }
  if (e.star) {
    throw AtLocation(DbError(SqlState::kWrongObjectType,
                             fmt::format("{}(*) specified, but {} is not an aggregate function", name, name)),
                     e.location);
  }
  std::vector<BoundExprPtr> args;
  std::vector<Type> types;
  for (const auto& a : e.args) {
    args.push_back(Bind(*a));
    types.push_back(args.back()->type);
  }
  if (IsSetReturningFunction(name)) return BindSetReturningCall(e, std::move(args));
  if (name == "grouping" && e.names.size() == 1) return BindGroupingCall(e);  // grouping_binder.cpp
  auto resolution = ResolveFunctionDetailed(name, types);
  if (resolution.status == FunctionLookup::kAmbiguous) {
    throw AtLocation(DbError(SqlState::kAmbiguousFunction,
                             fmt::format("function {}({}) is not unique", JoinNames(e.names), TypeListText(types)))
                         .WithHint("Could not choose a best candidate function. You might need to add explicit "
                                   "type casts."),
                     e.location);
  }
  auto& info = resolution.info;
  if (!info && binder_) {
    if (auto user = BindSqlFunctionCall(*binder_, e, args, /*required=*/false)) return user;
  }
  if (!info) {
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("function {}({}) does not exist", JoinNames(e.names), TypeListText(types)))
                         .WithHint("No function matches the given name and argument types. You might need to add "
                                   "explicit type casts."),
                     e.location);
  }
  auto out = std::make_unique<BoundExpr>(BoundKind::kFunction, info->result);
  out->scalar_fn = info->fn;
  out->strict = info->strict;
  out->name = name;
  out->location = e.location;
  for (size_t i = 0; i < args.size(); ++i) {
    out->args.push_back(TryCoerce(std::move(args[i]), info->arg_types[i], CastContext::kImplicit));
  }
  return out;
}

BoundExprPtr ExprBinder::BindAggregate(const ast::Expr& e, AggKind kind) {
  std::string name = e.names.back();
  if (aggregates_ == nullptr) {
    throw AtLocation(
        DbError(SqlState::kGroupingError, fmt::format("aggregate functions are not allowed in {}", clause_)),
        e.location);
  }
  if (inside_aggregate_) {
    throw AtLocation(DbError(SqlState::kGroupingError, "aggregate function calls cannot be nested"), e.location);
  }
  if (e.over && !binding_window_aggregate_) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "window functions are not supported yet"), e.location);
  }
  AggregateSpec spec;
  spec.kind = kind;
  spec.name = name;
  spec.distinct = e.distinct;
  inside_aggregate_ = true;
  try {
    BindAggregateArgs(*this, e, spec);
    if (e.filter) spec.filter = CoerceToBool(Bind(*e.filter), "FILTER");
  } catch (...) {
    inside_aggregate_ = false;
    throw;
  }
  inside_aggregate_ = false;
  auto ref = std::make_unique<BoundExpr>(BoundKind::kAggRef, spec.result_type);
  ref->index = static_cast<int>(aggregates_->size());
  ref->name = name;
  ref->location = e.location;
  aggregates_->push_back(std::move(spec));
  return ref;
}

BoundExprPtr ExprBinder::BindCast(const ast::Expr& e) {
  auto target = binder_ ? binder_->LookupTypeName(e.type_name)
                        : LookupType(e.type_name.names, e.type_name.modifiers, e.type_name.array_bounds);
  if (!target) {
    throw AtLocation(DbError(SqlState::kUndefinedObject,
                             fmt::format("type \"{}\" does not exist", JoinNames(e.type_name.names))),
                     e.type_name.location >= 0 ? e.type_name.location : e.location);
  }
  // ARRAY[...]::t[] types its elements (and an empty ARRAY[]) from the cast.
  BoundExprPtr arg = e.args[0]->kind == ast::ExprKind::kArray && IsArrayType(target->id)
                         ? BindArrayConstructor(*e.args[0], *target)
                         : Bind(*e.args[0]);
  Type from = arg->type;
  int arg_location = arg->location;
  BoundExprPtr out = TryCoerce(std::move(arg), *target, CastContext::kExplicit);
  if (!out) {
    throw AtLocation(DbError(SqlState::kCannotCoerce, fmt::format("cannot cast type {} to {}",
                                                                  FormatType(Type{from.id, -1}), FormatType(*target))),
                     e.location >= 0 ? e.location : arg_location);
  }
  if (out->kind == BoundKind::kConst) out->location = e.location >= 0 ? e.location : arg_location;
  return out;
}

BinaryFn ExprBinder::EqualityFn(Type t, int location) {
  auto info = ResolveOperator("=", t.id, t.id);
  if (!info) {
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("operator does not exist: {} = {}", TypeListText({t}), TypeListText({t}))),
                     location);
  }
  return info->fn;
}

Type ExprBinder::UnifyArgs(std::vector<BoundExprPtr>& args, std::string_view context, int location) {
  std::vector<Type> types;
  for (const auto& a : args) types.push_back(a->type);
  Type common = CommonType(types, context, location);
  for (auto& a : args) {
    Type from = a->type;
    int loc = a->location;
    a = TryCoerce(std::move(a), common, CastContext::kImplicit);
    if (!a) {
      throw AtLocation(DbError(SqlState::kDatatypeMismatch,
                               fmt::format("{} could not convert type {} to {}", context, FormatType(Type{from.id, -1}),
                                           FormatType(common))),
                       loc);
    }
  }
  return common;
}

BoundExprPtr ExprBinder::BindCase(const ast::Expr& e) {
  BoundExprPtr test;
  if (!e.args.empty() && e.args[0]) test = Bind(*e.args[0]);
  std::vector<BoundExprPtr> conditions;
  std::vector<BoundExprPtr> results;
  for (const auto& w : e.whens) {
    if (test) {
      conditions.push_back(BindBinaryOp("=", CloneExpr(*test), Bind(*w.condition), w.condition->location));
    } else {
      conditions.push_back(CoerceToBool(Bind(*w.condition), "CASE/WHEN"));
    }
    results.push_back(Bind(*w.result));
  }
  bool has_else = e.else_expr != nullptr;
  if (has_else) results.push_back(Bind(*e.else_expr));
  Type common = UnifyArgs(results, "CASE", e.location);
  auto out = std::make_unique<BoundExpr>(BoundKind::kCase, common);
  out->has_else = has_else;
  out->location = e.location;
  for (size_t i = 0; i < conditions.size(); ++i) {
    out->args.push_back(std::move(conditions[i]));
    out->args.push_back(std::move(results[i]));
  }
  if (has_else) out->args.push_back(std::move(results.back()));
  return out;
}

BoundExprPtr ExprBinder::BindIn(const ast::Expr& e) {
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) args.push_back(Bind(*a));
  Type common = UnifyArgs(args, "IN", e.location);
  auto out = std::make_unique<BoundExpr>(BoundKind::kInList, kBoolType);
  out->negated = e.negated;
  out->binary_fn = EqualityFn(common, e.location);
  out->location = e.location;
  out->args = std::move(args);
  return out;
}

BoundExprPtr ExprBinder::BindLike(const ast::Expr& e) {
  if (e.like_kind != ast::LikeKind::kLike && e.like_kind != ast::LikeKind::kILike) {
    return BindRegexMatch(*this, e);
  }
  auto out = std::make_unique<BoundExpr>(BoundKind::kLike, kBoolType);
  out->negated = e.negated;
  out->case_insensitive = e.like_kind == ast::LikeKind::kILike;
  out->location = e.location;
  for (const auto& a : e.args) {
    BoundExprPtr b = Bind(*a);
    Type from = b->type;
    if (!IsString(from.id) && from.id != TypeId::kUnknown) {
      throw AtLocation(DbError(SqlState::kUndefinedFunction,
                               fmt::format("operator does not exist: {} ~~ {}", TypeListText({from}), "unknown"))
                           .WithHint("No operator matches the given name and argument types. You might need to add "
                                     "explicit type casts."),
                       e.location);
    }
    out->args.push_back(TryCoerce(std::move(b), kTextType, CastContext::kImplicit));
  }
  return out;
}

BoundExprPtr ExprBinder::BindBetween(const ast::Expr& e) {
  if (e.symmetric) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "BETWEEN SYMMETRIC is not supported yet"), e.location);
  }
  BoundExprPtr x = Bind(*e.args[0]);
  auto lo = BindBinaryOp(e.negated ? "<" : ">=", CloneExpr(*x), Bind(*e.args[1]), e.location);
  auto hi = BindBinaryOp(e.negated ? ">" : "<=", std::move(x), Bind(*e.args[2]), e.location);
  auto out = std::make_unique<BoundExpr>(e.negated ? BoundKind::kOr : BoundKind::kAnd, kBoolType);
  out->location = e.location;
  out->args.push_back(std::move(lo));
  out->args.push_back(std::move(hi));
  return out;
}

BoundExprPtr ExprBinder::BindVariadic(const ast::Expr& e, BoundKind kind, std::string_view name) {
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) args.push_back(Bind(*a));
  Type common = UnifyArgs(args, name, e.location);
  auto out = std::make_unique<BoundExpr>(kind, common);
  out->location = e.location;
  out->args = std::move(args);
  return out;
}

BoundExprPtr ExprBinder::BindNullIf(const ast::Expr& e) {
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) args.push_back(Bind(*a));
  Type common = UnifyArgs(args, "NULLIF", e.location);
  auto out = std::make_unique<BoundExpr>(BoundKind::kNullIf, common);
  out->binary_fn = EqualityFn(common, e.location);
  out->location = e.location;
  out->args = std::move(args);
  return out;
}

BoundExprPtr ExprBinder::BindDistinctFrom(const ast::Expr& e) {
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) args.push_back(Bind(*a));
  Type common = UnifyArgs(args, "IS DISTINCT FROM", e.location);
  auto out = std::make_unique<BoundExpr>(BoundKind::kDistinctFrom, kBoolType);
  out->negated = e.negated;
  out->binary_fn = EqualityFn(common, e.location);
  out->location = e.location;
  out->args = std::move(args);
  return out;
}

BoundExprPtr ExprBinder::BindSubLink(const ast::Expr& e) {
  if (binder_ == nullptr) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported,
                             fmt::format("cannot use subquery in {}", clause_)),
                     e.location);
  }
  if (e.sublink_kind == ast::SubLinkKind::kArray) return BindArraySublink(e);  // array_binder.cpp
  BoundQuery q = binder_->BindSelect(*e.subquery, &scope_);
  auto out = std::make_unique<BoundExpr>(BoundKind::kSubquery, kBoolType);
  out->location = e.location;
  if (e.sublink_kind == ast::SubLinkKind::kExists) {
    out->subquery_kind = SubqueryKind::kExists;
    out->subplan = std::move(q.plan);
    return out;
  }
  if (q.columns.size() != 1) {
    throw AtLocation(DbError(SqlState::kSyntaxError, q.columns.size() > 1 ? "subquery has too many columns"
                                                                         : "subquery has too few columns"),
                     e.location);
  }
  Type column_type = q.columns[0].type;
  if (e.sublink_kind == ast::SubLinkKind::kExpr) {
    out->subquery_kind = SubqueryKind::kScalar;
    out->type = column_type;
    out->subplan = std::move(q.plan);
    return out;
  }
  out->subquery_kind = e.sublink_kind == ast::SubLinkKind::kAny ? SubqueryKind::kAny : SubqueryKind::kAll;
  std::string op = e.sublink_op.empty() ? "=" : e.sublink_op.back();
  BoundExprPtr test = Bind(*e.args[0]);
  auto info = ResolveOperator(op, test->type.id, column_type.id);
  if (!info || info->result != TypeId::kBool) {
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("operator does not exist: {} {} {}", TypeListText({test->type}), op,
                                         TypeListText({column_type})))
                         .WithHint("No operator matches the given name and argument types. You might need to add "
                                   "explicit type casts."),
                     e.location);
  }
  test = TryCoerce(std::move(test), Type{info->left, -1}, info->arg_cast_context);
  if (!test) throw AtLocation(DbError(SqlState::kInternalError, "subquery test coercion failed"), e.location);
  PlanPtr plan = std::move(q.plan);
  if (info->right != column_type.id) {
    // Cast the subquery's column to the operator's input type.
    auto cast = TryCoerce(BoundExpr::Column(0, column_type), Type{info->right, -1}, info->arg_cast_context);
    if (!cast) throw AtLocation(DbError(SqlState::kInternalError, "subquery column coercion failed"), e.location);
    auto project = std::make_unique<ProjectPlan>();
    project->output_types = {cast->type};
    project->exprs.push_back(std::move(cast));
    project->child = std::move(plan);
    plan = std::move(project);
  }
  out->binary_fn = info->fn;
  out->args.push_back(std::move(test));
  out->subplan = std::move(plan);
  return out;
}

}  // namespace basalt::engine::sql
