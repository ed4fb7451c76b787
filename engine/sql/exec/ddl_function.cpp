// CREATE [OR REPLACE] FUNCTION ... LANGUAGE sql and DROP FUNCTION, with
// PostgreSQL 15's checks and messages (functioncmds.c, pg_proc.c).
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/binder/sql_function_binder.hpp"
#include "engine/sql/exec/ddl_dispatch.hpp"
#include "engine/sql/exec/ddl_user_objects.hpp"

namespace basalt::engine::sql {
namespace {

Type ResolveArgType(Binder& binder, const ast::TypeName& tn) {
  auto t = binder.LookupTypeName(tn);
  if (!t) {
    std::string shown;
    for (size_t i = 0; i < tn.names.size(); ++i) shown += (i ? "." : "") + tn.names[i];
    throw DbError(SqlState::kUndefinedObject, fmt::format("type {} does not exist", shown));
  }
  return *t;
}

bool SameArgTypes(const catalog::FunctionDef& f, const std::vector<Type>& types) {
  if (f.args.size() != types.size()) return false;
  for (size_t i = 0; i < types.size(); ++i) {
    if (f.args[i].type.id != types[i].id || f.args[i].type.oid != types[i].oid) return false;
  }
  return true;
}

std::string ArgTypeList(const std::vector<Type>& types) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) out += (i ? ", " : "") + FormatType(Type{types[i].id, -1, types[i].oid});
  return out;
}

std::vector<Type> ArgTypes(const catalog::FunctionDef& f) {
  std::vector<Type> out;
  for (const auto& a : f.args) out.push_back(a.type);
  return out;
}

}  // namespace

std::string ExecuteDdl(const ast::CreateFunctionStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  if (stmt.is_procedure) throw DbError(SqlState::kFeatureNotSupported, "CREATE PROCEDURE is not supported yet");
  std::string language = stmt.language;
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool sql_body = stmt.return_expr || stmt.sql_body_other;
  if (language.empty()) {
    if (!sql_body) throw DbError(SqlState::kInvalidFunctionDefinition, "no language specified");
    language = "sql";
  }
  if (language != "sql") {
    if (language == "plpgsql" || language == "c" || language == "internal") {
      throw DbError(SqlState::kFeatureNotSupported,
                    fmt::format("functions in language \"{}\" are not supported; only LANGUAGE sql is", language));
    }
    throw DbError(SqlState::kUndefinedObject, fmt::format("language \"{}\" does not exist", language));
  }
  if (stmt.sql_body_other) {
    throw DbError(SqlState::kFeatureNotSupported, "BEGIN ATOMIC function bodies are not supported yet");
  }
  if (stmt.returns_set) throw DbError(SqlState::kFeatureNotSupported, "functions returning SETOF are not supported yet");
  catalog::FunctionDef def;
  def.database = env.database;
  def.schema = LookupObjectSchema(binder, stmt.name);
  def.name = stmt.name.name;
  def.owner = env.owner;
  def.volatility = stmt.volatility;
  def.strict = stmt.strict;
  def.language = language;
  bool seen_default = false;
  for (const ast::FunctionParam& p : stmt.params) {
    if (p.mode == 't') throw DbError(SqlState::kFeatureNotSupported, "functions returning TABLE are not supported yet");
    if (p.mode != 'i') throw DbError(SqlState::kFeatureNotSupported, "OUT, INOUT and VARIADIC parameters are not supported yet");
    catalog::FunctionArgDef a;
    a.name = p.name;
    a.type = ResolveArgType(binder, p.type);
    if (p.default_expr) {
      a.default_sql = DeparseExpr(*p.default_expr);
      seen_default = true;
    } else if (seen_default) {
      throw DbError(SqlState::kInvalidFunctionDefinition,
                    "input parameters after one with a default value must also have defaults");
    }
    for (const auto& other : def.args) {
      if (!a.name.empty() && other.name == a.name) {
        throw DbError(SqlState::kInvalidFunctionDefinition, fmt::format("parameter name \"{}\" used more than once", a.name));
      }
    }
    def.args.push_back(std::move(a));
  }
  if (!stmt.return_type) throw DbError(SqlState::kInvalidFunctionDefinition, "function result type must be specified");
  def.return_type = ResolveArgType(binder, *stmt.return_type);
  if (stmt.return_expr) {
    def.body = "SELECT " + DeparseExpr(*stmt.return_expr);
  } else if (stmt.body) {
    def.body = *stmt.body;
  } else {
    throw DbError(SqlState::kInvalidFunctionDefinition, "no function body specified");
  }
  std::vector<Type> types = ArgTypes(def);
  std::optional<catalog::FunctionDef> existing;
  for (catalog::FunctionDef& f : catalog::FindFunctions(binder.txn(), env.database, def.schema, def.name)) {
    if (SameArgTypes(f, types)) existing = std::move(f);
  }
  if (existing) {
    if (!stmt.replace) {
      throw DbError(SqlState::kDuplicateFunction,
                    fmt::format("function \"{}\" already exists with same argument types", def.name));
    }
    if (!(existing->return_type.id == def.return_type.id && existing->return_type.oid == def.return_type.oid)) {
      throw DbError(SqlState::kInvalidFunctionDefinition, "cannot change return type of existing function")
          .WithHint(fmt::format("Use DROP FUNCTION {}({}) first.", def.name, ArgTypeList(types)));
    }
    def.oid = existing->oid;
  } else {
    def.oid = ctx.catalog->AllocateOid();
  }
  // check_function_bodies: the body must bind and return the declared type.
  ValidateSqlFunctionBody(binder, def);
  catalog::PutFunction(binder.txn(), def);
  return "CREATE FUNCTION";
}

std::string ExecuteDropFunction(const ast::DropUserObjectStmt& stmt, Binder& binder, ExecContext&, const DdlEnv& env) {
  std::vector<catalog::FunctionDef> targets;
  for (const ast::FunctionRef& ref : stmt.objects) {
    std::vector<catalog::FunctionDef> found =
        catalog::FindFunctions(binder.txn(), env.database, LookupObjectSchema(binder, ref.name), ref.name.name);
    std::vector<Type> types;
    if (ref.has_args) {
      for (const ast::TypeName& tn : ref.arg_types) types.push_back(ResolveArgType(binder, tn));
      std::erase_if(found, [&](const catalog::FunctionDef& f) { return !SameArgTypes(f, types); });
    }
    if (found.size() > 1) {
      throw DbError(SqlState::kAmbiguousFunction, fmt::format("function name \"{}\" is not unique", ShownName(ref.name)))
          .WithHint("Specify the argument list to select the function unambiguously.");
    }
    if (found.empty()) {
      std::string shown = ref.has_args ? fmt::format("{}({})", ShownName(ref.name), ArgTypeList(types))
                                       : ShownName(ref.name);
      if (!stmt.if_exists) {
        if (ref.has_args) {
          throw DbError(SqlState::kUndefinedFunction, fmt::format("function {} does not exist", shown));
        }
        throw DbError(SqlState::kUndefinedFunction, fmt::format("could not find a function named \"{}\"", shown));
      }
      // PostgreSQL's notice prints the argument types as the grammar spelled them.
      std::string raw = ShownName(ref.name) + "(";
      for (size_t i = 0; i < ref.arg_types.size(); ++i) {
        if (i) raw += ",";
        for (size_t k = 0; k < ref.arg_types[i].names.size(); ++k) raw += (k ? "." : "") + ref.arg_types[i].names[k];
      }
      raw += ")";
      env.notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("function {} does not exist, skipping", raw))
                     .WithSeverity(Severity::kNotice));
      continue;
    }
    targets.push_back(std::move(found[0]));
  }
  for (const catalog::FunctionDef& f : targets) catalog::DeleteFunction(binder.txn(), f);
  return "DROP FUNCTION";
}

std::string ExecuteDdl(const ast::DropUserObjectStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  if (stmt.kind == ast::DropUserObjectStmt::Kind::kType) return ExecuteDropType(stmt, binder, ctx, env);
  return ExecuteDropFunction(stmt, binder, ctx, env);
}

}  // namespace basalt::engine::sql
