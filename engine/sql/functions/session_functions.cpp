// Functions that report on the session: version(), current_database(),
// current_setting(), set_config(), and the SQL-standard CURRENT_USER family.
#include <fmt/format.h>

#include "engine/catalog/search_path.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/functions/scalar_functions.hpp"

namespace basalt::engine::sql {
namespace {

SessionContext& Session(EvalContext& ctx) {
  if (ctx.session == nullptr) throw DbError(SqlState::kInternalError, "no session context for session function");
  return *ctx.session;
}

}  // namespace

Value FnVersion(std::span<const Value>, const std::vector<Type>&, Type, EvalContext& ctx) {
  std::string server = ctx.session ? Session(ctx).GetSetting("server_version").value_or("15.18") : "15.18";
  return Value::String(fmt::format("PostgreSQL {} on x86_64-pc-linux-gnu, compiled by g++ (Debian 12.2.0), 64-bit",
                                   server));
}

Value FnCurrentDatabase(std::span<const Value>, const std::vector<Type>&, Type, EvalContext& ctx) {
  return Value::String(Session(ctx).database());
}

Value FnCurrentUser(std::span<const Value>, const std::vector<Type>&, Type, EvalContext& ctx) {
  return Value::String(Session(ctx).current_user());
}

Value FnSessionUser(std::span<const Value>, const std::vector<Type>&, Type, EvalContext& ctx) {
  return Value::String(Session(ctx).session_user());
}

Value FnCurrentSchema(std::span<const Value>, const std::vector<Type>&, Type, EvalContext& ctx) {
  // The first existing schema of the search_path (engine/catalog/search_path.hpp), or NULL.
  if (ctx.exec == nullptr || ctx.exec->txn == nullptr) return Value::String(std::string("public"));
  auto names = catalog::ActiveSearchPathNames(*ctx.exec->txn, Session(ctx).database_oid(), /*implicit=*/false);
  if (names.empty()) return Value::Null();
  return Value::String(names.front());
}

Value FnCurrentSetting(std::span<const Value> args, const std::vector<Type>&, Type, EvalContext& ctx) {
  const std::string& name = args[0].as_string();
  bool missing_ok = args.size() > 1 && !args[1].is_null() && args[1].as_bool();
  auto v = Session(ctx).GetSetting(name);
  if (!v) {
    if (missing_ok) return Value::Null();
    throw DbError(SqlState::kUndefinedObject, fmt::format("unrecognized configuration parameter \"{}\"", name));
  }
  return Value::String(*v);
}

Value FnSetConfig(std::span<const Value> args, const std::vector<Type>&, Type, EvalContext& ctx) {
  if (args[0].is_null()) {
    throw DbError(SqlState::kNullValueNotAllowed, "SET requires parameter name");
  }
  std::string value = args[1].is_null() ? std::string() : args[1].as_string();
  bool is_local = !args[2].is_null() && args[2].as_bool();
  return Value::String(Session(ctx).SetSetting(args[0].as_string(), value, is_local));
}

}  // namespace basalt::engine::sql
