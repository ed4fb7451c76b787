// engine/sql/functions/stat_functions.cpp
//
// pg_stat_statements_reset(): forgets the statement statistics behind the
// pg_stat_statements view. As with the extension's default grants, only
// superusers may call it.
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/system/statement_stats.hpp"

namespace basalt::engine::sql {
namespace {

Value PgStatStatementsReset(FnArgs, FnTypes, Type, EvalContext& ctx) {
  bool superuser = ctx.session != nullptr && ctx.session->GetSetting("is_superuser").value_or("off") == "on";
  if (!superuser) {
    throw DbError(SqlState::kInsufficientPrivilege, "permission denied for function pg_stat_statements_reset");
  }
  system::StatementStats::Global().Reset();
  return Value::Null();
}

}  // namespace

void RegisterStatFunctions(std::vector<FunctionEntry>& v) {
  v.push_back({"pg_stat_statements_reset",
               FunctionInfo{{}, Type{TypeId::kVoid, -1}, &PgStatStatementsReset, false, false, /*is_volatile=*/true}});
}

}  // namespace basalt::engine::sql
