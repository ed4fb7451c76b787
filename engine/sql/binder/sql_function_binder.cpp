#include "engine/sql/binder/sql_function_binder.hpp"

#include <fmt/format.h>

#include "engine/catalog/search_path.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/parser/parser.hpp"

namespace basalt::engine::sql {
namespace {

// Functions calling functions nest binder calls; a recursive SQL function
// would bind forever (PostgreSQL inlines lazily and fails at run time with
// 54001 as well).
thread_local int tls_depth = 0;

struct DepthGuard {
  DepthGuard() {
    if (++tls_depth > 32) {
      --tls_depth;
      throw DbError(SqlState::kStatementTooComplex, "stack depth limit exceeded")
          .WithHint("SQL functions nest too deeply (a recursive SQL function?).");
    }
  }
  ~DepthGuard() { --tls_depth; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
};

struct BoundBody {
  PlanPtr plan;
  Type type;
};

std::string TypeList(const std::vector<Type>& types) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) out += ", ";
    out += types[i].id == TypeId::kUnknown ? "unknown" : FormatType(Type{types[i].id, -1, types[i].oid});
  }
  return out;
}

std::string ShownCallName(const ast::Expr& call) {
  std::string out;
  for (size_t i = 0; i < call.names.size(); ++i) out += (i ? "." : "") + call.names[i];
  return out;
}

[[noreturn]] void ReturnMismatch(const catalog::FunctionDef& def, const std::string& detail) {
  throw DbError(SqlState::kInvalidFunctionDefinition,
                fmt::format("return type mismatch in function declared to return {}", FormatType(def.return_type)))
      .WithDetail(detail)
      .WithContext(fmt::format("SQL function \"{}\"", def.name));
}

BoundBody BindBody(Binder& binder, const catalog::FunctionDef& def) {
  DepthGuard guard;
  std::vector<std::string> cols;
  for (size_t i = 0; i < def.args.size(); ++i) cols.push_back(ParamColumnName(def, i));
  std::vector<ast::Statement> stmts = Parser::Parse(RewriteParamRefs(def.body, cols));
  const bool is_void = def.return_type.id == TypeId::kVoid;
  if (stmts.empty()) {
    if (is_void) return {nullptr, def.return_type};
    ReturnMismatch(def, "Function's final statement must be SELECT or INSERT/UPDATE/DELETE RETURNING.");
  }
  if (stmts.size() != 1 || !std::holds_alternative<ast::SelectStmt>(stmts[0].body)) {
    throw DbError(SqlState::kFeatureNotSupported,
                  "SQL functions whose body is not a single SELECT are not supported yet");
  }
  Scope scope;
  scope.tables.push_back(def.name);
  for (size_t i = 0; i < def.args.size(); ++i) {
    scope.columns.push_back(ScopeColumn{def.name, cols[i], def.args[i].type, 0, 0, false});
  }
  BoundQuery q = binder.BindSelect(std::get<ast::SelectStmt>(stmts[0].body), &scope);
  if (is_void) return {std::move(q.plan), def.return_type};
  if (q.columns.size() != 1) ReturnMismatch(def, "Final statement must return exactly one column.");
  Type actual = q.columns[0].type;
  if (!(actual.id == def.return_type.id && actual.oid == def.return_type.oid) && actual.id != TypeId::kUnknown) {
    bool ok = actual.id == TypeId::kEnum || def.return_type.id == TypeId::kEnum
                  ? false
                  : CanCast(actual.id, def.return_type.id, CastContext::kAssignment);
    if (!ok) ReturnMismatch(def, fmt::format("Actual return type is {}.", FormatType(Type{actual.id, -1, actual.oid})));
  }
  return {std::move(q.plan), actual};
}

// How well the call's argument types fit `def`: -1 = not at all, else the
// number of exactly matching arguments.
int MatchScore(const catalog::FunctionDef& def, const std::vector<BoundExprPtr>& args) {
  size_t n = def.args.size();
  size_t min_args = n - static_cast<size_t>(def.NumDefaults());
  if (args.size() > n || args.size() < min_args) return -1;
  int exact = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    Type from = args[i]->type;
    Type to = def.args[i].type;
    if (from.id == to.id && from.oid == to.oid) {
      ++exact;
      continue;
    }
    if (from.id == TypeId::kUnknown) continue;
    if (from.id == TypeId::kEnum || to.id == TypeId::kEnum) return -1;
    if (!CanCast(from.id, to.id, CastContext::kImplicit)) return -1;
  }
  return exact;
}

BoundExprPtr BindDefault(Binder& binder, const catalog::FunctionArgDef& arg) {
  std::vector<ast::Statement> stmts = Parser::Parse("SELECT " + arg.default_sql);
  const auto& sel = std::get<ast::SelectStmt>(stmts.at(0).body);
  Scope empty;
  ExprBinder eb(empty, "DEFAULT", nullptr, &binder);
  return eb.Bind(*sel.targets.at(0).expr);
}

}  // namespace

std::string ParamColumnName(const catalog::FunctionDef& def, size_t i) {
  return def.args[i].name.empty() ? fmt::format("${}", i + 1) : def.args[i].name;
}

std::string RewriteParamRefs(std::string_view body, const std::vector<std::string>& columns) {
  std::string out;
  out.reserve(body.size() + 16);
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '\'' || c == '"') {  // string literal or quoted identifier: copy through
      size_t j = i + 1;
      while (j < body.size()) {
        if (body[j] == c) {
          if (j + 1 < body.size() && body[j + 1] == c) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      out.append(body.substr(i, j + 1 - i));
      i = j + 1;
    } else if (c == '-' && i + 1 < body.size() && body[i + 1] == '-') {
      size_t j = body.find('\n', i);
      if (j == std::string_view::npos) j = body.size();
      out.append(body.substr(i, j - i));
      i = j;
    } else if (c == '$' && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '9' &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(body[i - 1])) || body[i - 1] == '_'))) {
      size_t j = i + 1;
      size_t n = 0;
      while (j < body.size() && body[j] >= '0' && body[j] <= '9' && n < 100000) n = n * 10 + (body[j++] - '0');
      if (n >= 1 && n <= columns.size()) {
        out += '"';
        for (char ch : columns[n - 1]) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        out += '"';
      } else {
        // No such parameter: PostgreSQL reports 42P02 for it.
        throw DbError(SqlState::kUndefinedParameter, fmt::format("there is no parameter ${}", n));
      }
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

void ValidateSqlFunctionBody(Binder& binder, const catalog::FunctionDef& def) { BindBody(binder, def); }

BoundExprPtr BindSqlFunctionCall(Binder& binder, const ast::Expr& call, std::vector<BoundExprPtr>& args,
                                 bool required) {
  std::vector<catalog::Oid> schemas;
  if (call.names.size() == 2) {
    ast::RangeVar rv;
    rv.schema = call.names[0];
    rv.name = call.names[1];
    rv.location = call.location;
    // Built-in functions live in pg_catalog; SQL functions never do.
    if (rv.schema != "pg_catalog") schemas.push_back(binder.ResolveCreationSchema(rv));
  } else {
    schemas = catalog::ActiveSearchPath(binder.txn(), binder.database(), /*implicit=*/false);
  }
  // Earlier schemas of the search_path come first, so they win ties below.
  std::vector<catalog::FunctionDef> candidates;
  for (catalog::Oid schema : schemas) {
    if (schema == catalog::kPgCatalogNamespaceOid) continue;
    for (catalog::FunctionDef& f : catalog::FindFunctions(binder.txn(), binder.database(), schema, call.names.back())) {
      candidates.push_back(std::move(f));
    }
  }
  std::vector<Type> types;
  for (const auto& a : args) types.push_back(a->type);
  const catalog::FunctionDef* best = nullptr;
  int best_score = -1;
  bool ambiguous = false;
  for (const catalog::FunctionDef& f : candidates) {
    int s = MatchScore(f, args);
    if (s < 0) continue;
    if (s > best_score) {
      best = &f;
      best_score = s;
      ambiguous = false;
    } else if (s == best_score && f.schema == best->schema) {
      ambiguous = true;  // a later schema of the search_path never makes a tie
    }
  }
  if (!best) {
    if (!required) return nullptr;
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("function {}({}) does not exist", ShownCallName(call), TypeList(types)))
                         .WithHint("No function matches the given name and argument types. You might need to add "
                                   "explicit type casts."),
                     call.location);
  }
  if (ambiguous) {
    throw AtLocation(DbError(SqlState::kAmbiguousFunction,
                             fmt::format("function {}({}) is not unique", ShownCallName(call), TypeList(types)))
                         .WithHint("Could not choose a best candidate function. You might need to add explicit "
                                   "type casts."),
                     call.location);
  }
  const catalog::FunctionDef& def = *best;
  BoundBody body = BindBody(binder, def);
  auto out = std::make_unique<BoundExpr>(BoundKind::kSubquery, body.type);
  out->subquery_kind = SubqueryKind::kScalar;
  out->strict = def.strict;
  out->name = def.name;
  out->location = call.location;
  for (size_t i = 0; i < def.args.size(); ++i) {
    BoundExprPtr a = i < args.size() ? std::move(args[i]) : BindDefault(binder, def.args[i]);
    BoundExprPtr c = TryCoerce(std::move(a), def.args[i].type, CastContext::kImplicit);
    if (!c) throw DbError(SqlState::kInternalError, "SQL function argument coercion failed");
    out->args.push_back(std::move(c));
  }
  if (out->args.empty()) out->args.push_back(BoundExpr::Const(Value::Int(0), Type{TypeId::kInt4, -1}));
  if (!body.plan) return BoundExpr::Const(Value::Null(), def.return_type);  // empty void body
  out->subplan = std::shared_ptr<const PlanNode>(std::move(body.plan));
  if (body.type == def.return_type || def.return_type.id == TypeId::kVoid) {
    out->type = def.return_type;
    return out;
  }
  BoundExprPtr coerced = TryCoerce(std::move(out), def.return_type, CastContext::kAssignment);
  if (!coerced) throw DbError(SqlState::kInternalError, "SQL function result coercion failed");
  return coerced;
}

}  // namespace basalt::engine::sql
