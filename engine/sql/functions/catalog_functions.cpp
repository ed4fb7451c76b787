// Catalog introspection functions (PostgreSQL's ruleutils and friends):
// format_type, pg_get_indexdef, pg_get_constraintdef, pg_get_expr,
// pg_get_userbyid, the *_is_visible family, privilege checks, descriptions
// and the server-state functions clients call at connect time. They read the
// catalog through the calling statement's transaction, like the system
// relations (engine/sql/system/) they are used with.
#include <chrono>

#include <fmt/format.h>

#include "engine/catalog/search_path.hpp"
#include "engine/catalog/user_objects.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/system/catalog_lookup.hpp"
#include "engine/sql/system/object_definitions.hpp"
#include "engine/sql/system/row_generators.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kName{TypeId::kName, -1};
const Type kOid{TypeId::kOid, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kBool{TypeId::kBool, -1};

catalog::Oid OidArg(const Value& v) { return static_cast<catalog::Oid>(v.as_int()); }

// format_type(type_oid, typmod): NULL type -> NULL; typmod NULL -> none.
Value FormatTypeFn(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  if (a[0].is_null()) return Value::Null();
  int32_t typmod = a[1].is_null() ? -1 : static_cast<int32_t>(a[1].as_int());
  std::string text = system::FormatTypeOid(OidArg(a[0]), typmod);
  if (text == "???" && ctx.exec != nullptr && ctx.session != nullptr) {
    // User-defined types live in the catalog.
    for (const auto& e : catalog::ListEnumTypes(*ctx.exec->txn, ctx.session->database_oid())) {
      if (e.oid == OidArg(a[0])) return Value::String(QuoteIdentifier(e.name));
      if (e.array_oid == OidArg(a[0])) return Value::String(QuoteIdentifier(e.name) + "[]");
    }
  }
  return Value::String(std::move(text));
}

Value PgGetExpr(FnArgs a, FnTypes, Type, EvalContext&) {
  // adbin holds the expression already printed as PostgreSQL prints it.
  if (a[0].is_null()) return Value::Null();
  return Value::String(a[0].as_string());
}

Value PgGetIndexdef(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  auto idx = system::FindIndex(ctx, OidArg(a[0]));
  if (!idx) return Value::Null();
  int column = a.size() > 1 ? static_cast<int>(a[1].as_int()) : 0;
  bool pretty = a.size() > 2 && a[2].as_bool();
  if (column > 0) return Value::String(system::IndexColumnDefinition(idx->table, idx->index, column));
  return Value::String(system::IndexDefinition(idx->table, idx->index, pretty));
}

Value PgGetConstraintdef(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  auto con = system::FindConstraint(ctx, OidArg(a[0]));
  if (!con) return Value::Null();
  bool pretty = a.size() > 1 && a[1].as_bool();
  std::optional<catalog::TableDef> ref;
  if (con->facts.type == 'f') {
    ref = system::FindTableByOid(ctx, con->table.foreign_keys[con->facts.foreign_key].ref_table);
  }
  return Value::String(system::ConstraintDefinition(con->table, con->facts, pretty, ref ? &*ref : nullptr));
}

Value PgGetViewdef(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  auto t = system::FindTableByOid(ctx, OidArg(a[0]));
  if (!t || !t->view) return Value::Null();
  return Value::String(system::ViewDefinition(*t));
}

Value PgGetViewdefByName(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  std::string name = a[0].as_string();
  if (name.rfind("public.", 0) == 0) name = name.substr(7);
  if (ctx.exec == nullptr || ctx.session == nullptr) return Value::Null();
  for (const auto& t : ctx.exec->catalog->ListTables(*ctx.exec->txn, ctx.session->database_oid())) {
    if (t.name == name && t.view) return Value::String(system::ViewDefinition(t));
  }
  throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", a[0].as_string()));
}

Value PgGetUserById(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  return Value::String(system::RoleNameOrUnknown(ctx, OidArg(a[0])));
}

Value PgTableIsVisible(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  return Value::Bool(system::RelationIsVisible(ctx, OidArg(a[0])));
}

Value AlwaysTrue(FnArgs, FnTypes, Type, EvalContext&) { return Value::Bool(true); }
Value AlwaysNull(FnArgs, FnTypes, Type, EvalContext&) { return Value::Null(); }

// The pg_class OID of a system catalog named by obj_description's second argument.
catalog::Oid CatalogClassOid(std::string_view name) {
  const system::SystemRelation* rel = system::FindSystemRelation("pg_catalog", name);
  return rel ? rel->spec->oid : 0;
}

Value Comment(EvalContext& ctx, catalog::Oid classoid, catalog::Oid objoid, int32_t objsubid) {
  if (ctx.exec == nullptr || ctx.exec->txn == nullptr || ctx.session == nullptr) return Value::Null();
  auto text = catalog::GetComment(*ctx.exec->txn, ctx.session->database_oid(), classoid, objoid, objsubid);
  return text ? Value::String(*text) : Value::Null();
}

Value ObjDescription(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  // The one-argument form is deprecated and means "any catalog"; pg_class is what clients mean.
  catalog::Oid classoid = a.size() > 1 ? CatalogClassOid(a[1].as_string()) : catalog::kPgClassClassOid;
  return Comment(ctx, classoid, OidArg(a[0]), 0);
}

Value ColDescription(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  return Comment(ctx, catalog::kPgClassClassOid, OidArg(a[0]), static_cast<int32_t>(a[1].as_int()));
}

Value PgEncodingToChar(FnArgs a, FnTypes, Type, EvalContext&) {
  switch (a[0].as_int()) {
    case 0: return Value::String("SQL_ASCII");
    case 6: return Value::String("UTF8");
    default: return Value::String("");
  }
}

Value CurrentSchemas(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  std::vector<Value> items;
  if (ctx.exec == nullptr || ctx.exec->txn == nullptr || ctx.session == nullptr) {
    if (a[0].as_bool()) items.push_back(Value::String("pg_catalog"));
    items.push_back(Value::String("public"));
    return MakeArray(items);
  }
  catalog::Oid db = ctx.session->database_oid();
  for (const std::string& n : catalog::ActiveSearchPathNames(*ctx.exec->txn, db, a[0].as_bool())) {
    items.push_back(Value::String(n));
  }
  return MakeArray(items);
}

Value PgSizePrettyInt8(FnArgs a, FnTypes, Type, EvalContext&) {
  // PostgreSQL 15: size < limit -> bytes; else shift by 9 (half kB), round, then
  // keep shifting by 10 while abs(size) >= limit*2 ... (see dbsize.c).
  int64_t size = a[0].as_int();
  const int64_t limit = 10 * 1024;
  const int64_t limit2 = limit * 2 - 1;
  auto half_rounded = [](int64_t x) { return (x + (x < 0 ? -1 : 1)) / 2; };
  if (std::llabs(size) < limit) return Value::String(fmt::format("{} bytes", size));
  size >>= 9;  // keep one extra bit for rounding
  const char* units[] = {"kB", "MB", "GB", "TB", "PB"};
  for (int i = 0; i < 5; ++i) {
    if (std::llabs(size) < limit2 || i == 4) return Value::String(fmt::format("{} {}", half_rounded(size), units[i]));
    size >>= 10;
  }
  return Value::Null();
}

Value PgIsInRecovery(FnArgs, FnTypes, Type, EvalContext&) { return Value::Bool(false); }

Value TxidCurrent(FnArgs, FnTypes, Type, EvalContext& ctx) {
  if (ctx.exec == nullptr || ctx.exec->txn == nullptr) return Value::Null();
  return Value::Int(static_cast<int64_t>(std::hash<txn::TxnId>{}(ctx.exec->txn->id()) & 0x7FFFFFFF));
}

Value PgGetFunctionResult(FnArgs a, FnTypes, Type, EvalContext&) {
  auto text = system::FunctionSignature(OidArg(a[0]), system::SignaturePart::kResult);
  return text ? Value::String(*text) : Value::Null();
}
Value PgGetFunctionArguments(FnArgs a, FnTypes, Type, EvalContext&) {
  auto text = system::FunctionSignature(OidArg(a[0]), system::SignaturePart::kArguments);
  return text ? Value::String(*text) : Value::Null();
}

Value PgRelationIsPublishable(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  auto t = system::FindTableByOid(ctx, OidArg(a[0]));
  return Value::Bool(t && t->relkind == 'r');
}

Value PgGetSerialSequence(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  auto seq = system::OwnedSequence(ctx, a[0].as_string(), a[1].as_string());
  return seq ? Value::String(*seq) : Value::Null();
}

// The server's start: static initialisation runs when basaltd starts.
const int64_t kStartTime = [] {
  // Microseconds since 2000-01-01, PostgreSQL's timestamp epoch.
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() - 946684800LL * 1000000;
}();

Value PostmasterStartTime(FnArgs, FnTypes, Type, EvalContext&) { return Value::Int(kStartTime); }

Value PgBackendPid(FnArgs, FnTypes, Type, EvalContext& ctx) {
  return Value::Int(ctx.session ? ctx.session->backend_pid() : 0);
}

}  // namespace

void RegisterSizeFunctions(std::vector<FunctionEntry>& v);  // size_functions.cpp
void RegisterStatFunctions(std::vector<FunctionEntry>& v);  // stat_functions.cpp
void RegisterAclFunctions(std::vector<FunctionEntry>& v);   // acl_functions.cpp

void RegisterCatalogFunctions(std::vector<FunctionEntry>& v) {
  RegisterSizeFunctions(v);
  RegisterStatFunctions(v);
  RegisterAclFunctions(v);
  auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn, bool strict = true) {
    v.push_back({name, FunctionInfo{std::move(args), result, fn, strict}});
  };
  add("format_type", {kOid, kInt4}, kText, &FormatTypeFn, false);
  add("pg_get_expr", {kText, kOid}, kText, &PgGetExpr);
  add("pg_get_expr", {kText, kOid, kBool}, kText, &PgGetExpr);
  add("pg_get_indexdef", {kOid}, kText, &PgGetIndexdef);
  add("pg_get_indexdef", {kOid, kInt4, kBool}, kText, &PgGetIndexdef);
  add("pg_get_constraintdef", {kOid}, kText, &PgGetConstraintdef);
  add("pg_get_constraintdef", {kOid, kBool}, kText, &PgGetConstraintdef);
  add("pg_get_userbyid", {kOid}, kName, &PgGetUserById);
  add("pg_table_is_visible", {kOid}, kBool, &PgTableIsVisible);
  add("pg_type_is_visible", {kOid}, kBool, &AlwaysTrue);
  add("pg_function_is_visible", {kOid}, kBool, &AlwaysTrue);
  add("obj_description", {kOid, kName}, kText, &ObjDescription);
  add("obj_description", {kOid}, kText, &ObjDescription);
  add("col_description", {kOid, kInt4}, kText, &ColDescription);
  add("shobj_description", {kOid, kName}, kText, &AlwaysNull);
  add("pg_encoding_to_char", {kInt4}, kName, &PgEncodingToChar);
  // Every role may do everything until GRANT/REVOKE exist (security issue).
  add("has_table_privilege", {kText, kText}, kBool, &AlwaysTrue);
  add("has_table_privilege", {kName, kText, kText}, kBool, &AlwaysTrue);
  add("has_table_privilege", {kOid, kText}, kBool, &AlwaysTrue);
  add("has_schema_privilege", {kText, kText}, kBool, &AlwaysTrue);
  add("has_schema_privilege", {kName, kText, kText}, kBool, &AlwaysTrue);
  add("has_database_privilege", {kText, kText}, kBool, &AlwaysTrue);
  add("has_database_privilege", {kName, kText, kText}, kBool, &AlwaysTrue);
  add("current_schemas", {kBool}, Type{TypeId::kNameArray, -1}, &CurrentSchemas);
  add("pg_size_pretty", {kInt8}, kText, &PgSizePrettyInt8);
  add("pg_is_in_recovery", {}, kBool, &PgIsInRecovery);
  add("txid_current", {}, kInt8, &TxidCurrent);
  add("pg_get_function_result", {kOid}, kText, &PgGetFunctionResult);
  add("pg_get_function_arguments", {kOid}, kText, &PgGetFunctionArguments);
  add("pg_get_function_identity_arguments", {kOid}, kText, &PgGetFunctionArguments);
  add("pg_relation_is_publishable", {kOid}, kBool, &PgRelationIsPublishable);
  add("pg_get_partkeydef", {kOid}, kText, &AlwaysNull);
  add("pg_get_serial_sequence", {kText, kText}, kText, &PgGetSerialSequence);
  // Triggers, rules, views and extended statistics do not exist in Basalt, so
  // no OID names one: PostgreSQL answers NULL for such an OID as well.
  add("pg_get_triggerdef", {kOid}, kText, &AlwaysNull);
  add("pg_get_triggerdef", {kOid, kBool}, kText, &AlwaysNull);
  add("pg_get_ruledef", {kOid}, kText, &AlwaysNull);
  add("pg_get_ruledef", {kOid, kBool}, kText, &AlwaysNull);
  add("pg_get_statisticsobjdef_columns", {kOid}, kText, &AlwaysNull);
  add("pg_get_function_sqlbody", {kOid}, kText, &AlwaysNull);
  add("pg_get_viewdef", {kOid}, kText, &PgGetViewdef);
  add("pg_get_viewdef", {kOid, kBool}, kText, &PgGetViewdef);
  add("pg_get_viewdef", {kText}, kText, &PgGetViewdefByName);
  add("pg_get_viewdef", {kText, kBool}, kText, &PgGetViewdefByName);
  add("pg_backend_pid", {}, kInt4, &PgBackendPid);
  add("pg_postmaster_start_time", {}, Type{TypeId::kTimestampTz, -1}, &PostmasterStartTime);
}

}  // namespace basalt::engine::sql
