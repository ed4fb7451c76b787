// CREATE TYPE ... AS ENUM, ALTER TYPE ... ADD VALUE, DROP TYPE, with
// PostgreSQL 15's checks and messages (pg_enum.c, typecmds.c).
#include <algorithm>

#include <fmt/format.h>

#include "engine/catalog/search_path.hpp"
#include "engine/sql/exec/ddl_dispatch.hpp"
#include "engine/sql/exec/ddl_user_objects.hpp"
#include "engine/sql/types/enum_type.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

constexpr size_t kMaxLabelBytes = kNameDataLen - 1;

void CheckLabel(const std::string& label) {
  if (label.size() > kMaxLabelBytes) {
    throw DbError(SqlState::kInvalidParameterValue, fmt::format("invalid enum label \"{}\"", label))
        .WithDetail(fmt::format("Labels must be {} bytes or less.", kMaxLabelBytes));
  }
}

// Objects that use the enum type: columns and SQL functions, in PostgreSQL's
// "DETAIL" wording.
std::vector<std::string> Dependents(Binder& binder, const catalog::EnumTypeDef& def,
                                    std::vector<catalog::FunctionDef>* functions) {
  std::vector<std::string> out;
  for (const catalog::TableDef& t : binder.catalog().ListTables(binder.txn(), binder.database())) {
    for (const catalog::ColumnDef& c : t.columns) {
      if (c.type.id == TypeId::kEnum && c.type.oid == def.oid) {
        out.push_back(fmt::format("column {} of table {} depends on type {}", c.name, t.name, def.name));
      }
    }
  }
  for (catalog::FunctionDef& f : catalog::ListFunctions(binder.txn(), binder.database())) {
    bool uses = f.return_type.id == TypeId::kEnum && f.return_type.oid == def.oid;
    std::vector<std::string> args;
    for (const catalog::FunctionArgDef& a : f.args) {
      uses |= a.type.id == TypeId::kEnum && a.type.oid == def.oid;
      args.push_back(FormatType(a.type));
    }
    if (!uses) continue;
    std::string joined;
    for (size_t i = 0; i < args.size(); ++i) joined += (i ? ", " : "") + args[i];
    out.push_back(fmt::format("function {}({}) depends on type {}", f.name, joined, def.name));
    if (functions) functions->push_back(std::move(f));
  }
  return out;
}

}  // namespace

catalog::Oid LookupObjectSchema(Binder& binder, const ast::ObjectName& name) {
  if (name.schema.empty()) return catalog::RequireCreationSchema(binder.txn(), binder.database());
  if (name.schema == "pg_catalog") return catalog::kPgCatalogNamespaceOid;
  ast::RangeVar rv;
  rv.schema = name.schema;
  rv.name = name.name;
  rv.location = name.location;
  return binder.ResolveCreationSchema(rv);
}

std::string ShownName(const ast::ObjectName& name) {
  return name.schema.empty() ? name.name : name.schema + "." + name.name;
}

catalog::EnumTypeDef ResolveEnumType(Binder& binder, const ast::ObjectName& name) {
  std::optional<catalog::EnumTypeDef> def;
  if (name.schema.empty()) {
    for (catalog::Oid schema : catalog::ActiveSearchPath(binder.txn(), binder.database(), /*implicit=*/false)) {
      if ((def = catalog::FindEnumType(binder.txn(), binder.database(), schema, name.name))) break;
    }
  } else {
    def = catalog::FindEnumType(binder.txn(), binder.database(), LookupObjectSchema(binder, name), name.name);
  }
  if (!def) throw DbError(SqlState::kUndefinedObject, fmt::format("type \"{}\" does not exist", ShownName(name)));
  return *def;
}

std::string ExecuteDdl(const ast::CreateEnumStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ast::RangeVar rv;
  rv.schema = stmt.name.schema;
  rv.name = stmt.name.name;
  catalog::Oid schema = binder.ResolveCreationSchema(rv);
  // A table's row type shares the type namespace (pg_type), as in PostgreSQL.
  if (catalog::FindEnumType(binder.txn(), env.database, schema, stmt.name.name) ||
      LookupType({stmt.name.name}, {}) || binder.catalog().FindTable(binder.txn(), env.database, schema, stmt.name.name)) {
    throw DbError(SqlState::kDuplicateObject, fmt::format("type \"{}\" already exists", stmt.name.name));
  }
  catalog::EnumTypeDef def;
  def.database = env.database;
  def.schema = schema;
  def.name = stmt.name.name;
  def.owner = env.owner;
  for (size_t i = 0; i < stmt.labels.size(); ++i) {
    const std::string& label = stmt.labels[i];
    CheckLabel(label);
    for (size_t j = 0; j < i; ++j) {
      if (stmt.labels[j] == label) {
        throw DbError(SqlState::kDuplicateObject, fmt::format("enum label \"{}\" used more than once", label));
      }
    }
  }
  def.oid = ctx.catalog->AllocateOids(2);
  def.array_oid = def.oid + 1;
  for (size_t i = 0; i < stmt.labels.size(); ++i) {
    catalog::EnumLabelDef l;
    l.oid = ctx.catalog->AllocateOid();
    l.sort_key = kEnumSortBias + (i + 1) * kEnumSortOne;
    l.label = stmt.labels[i];
    def.labels.push_back(std::move(l));
  }
  catalog::PutEnumType(binder.txn(), def);
  return "CREATE TYPE";
}

std::string ExecuteDdl(const ast::AlterEnumStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  catalog::EnumTypeDef def = ResolveEnumType(binder, stmt.name);
  auto find = [&](const std::string& label) -> int {
    for (size_t i = 0; i < def.labels.size(); ++i) {
      if (def.labels[i].label == label) return static_cast<int>(i);
    }
    return -1;
  };
  if (!stmt.old_label.empty()) {
    // Stored values carry their label bytes, so a rename would have to rewrite
    // every row holding the value.
    if (find(stmt.old_label) < 0) {
      throw DbError(SqlState::kInvalidParameterValue, fmt::format("\"{}\" is not an existing enum label", stmt.old_label));
    }
    if (find(stmt.new_label) >= 0) {
      throw DbError(SqlState::kDuplicateObject, fmt::format("enum label \"{}\" already exists", stmt.new_label));
    }
    throw DbError(SqlState::kFeatureNotSupported, "ALTER TYPE ... RENAME VALUE is not supported yet");
  }
  CheckLabel(stmt.new_label);
  if (find(stmt.new_label) >= 0) {
    if (stmt.if_not_exists) {
      env.notice(DbError(SqlState::kDuplicateObject,
                         fmt::format("enum label \"{}\" already exists, skipping", stmt.new_label))
                     .WithSeverity(Severity::kNotice));
      return "ALTER TYPE";
    }
    throw DbError(SqlState::kDuplicateObject, fmt::format("enum label \"{}\" already exists", stmt.new_label));
  }
  catalog::EnumLabelDef l;
  l.label = stmt.new_label;
  size_t pos = def.labels.size();
  if (stmt.neighbor.empty()) {
    l.sort_key = def.labels.empty() ? kEnumSortBias + kEnumSortOne : def.labels.back().sort_key + kEnumSortOne;
  } else {
    int n = find(stmt.neighbor);
    if (n < 0) {
      throw DbError(SqlState::kInvalidParameterValue, fmt::format("\"{}\" is not an existing enum label", stmt.neighbor));
    }
    // Midpoint between the neighbour and the label on the other side, or one
    // step beyond the end (pg_enum.c's AddEnumLabel).
    uint64_t here = def.labels[n].sort_key;
    pos = stmt.after ? static_cast<size_t>(n) + 1 : static_cast<size_t>(n);
    bool at_end = stmt.after ? pos == def.labels.size() : n == 0;
    if (at_end) {
      uint64_t room = stmt.after ? ~here : here;
      if (room < kEnumSortOne) throw DbError(SqlState::kFeatureNotSupported, "enum sort order is exhausted");
      l.sort_key = stmt.after ? here + kEnumSortOne : here - kEnumSortOne;
    } else {
      uint64_t other = def.labels[stmt.after ? pos : pos - 1].sort_key;
      uint64_t lo = std::min(here, other), hi = std::max(here, other);
      if (hi - lo < 2) throw DbError(SqlState::kFeatureNotSupported, "enum sort order is exhausted between these labels");
      l.sort_key = lo + (hi - lo) / 2;
    }
  }
  l.oid = ctx.catalog->AllocateOid();
  def.labels.insert(def.labels.begin() + static_cast<std::ptrdiff_t>(pos), std::move(l));
  catalog::PutEnumType(binder.txn(), def);
  return "ALTER TYPE";
}

std::string ExecuteDropType(const ast::DropUserObjectStmt& stmt, Binder& binder, ExecContext&, const DdlEnv& env) {
  // Resolve everything first: a failure leaves nothing half-dropped.
  std::vector<catalog::EnumTypeDef> targets;
  for (const ast::FunctionRef& ref : stmt.objects) {
    auto def = catalog::FindEnumType(binder.txn(), env.database, LookupObjectSchema(binder, ref.name), ref.name.name);
    if (!def) {
      if (!stmt.if_exists) {
        throw DbError(SqlState::kUndefinedObject, fmt::format("type \"{}\" does not exist", ShownName(ref.name)));
      }
      env.notice(DbError(SqlState::kSuccessfulCompletion,
                         fmt::format("type \"{}\" does not exist, skipping", ShownName(ref.name)))
                     .WithSeverity(Severity::kNotice));
      continue;
    }
    targets.push_back(std::move(*def));
  }
  for (const catalog::EnumTypeDef& def : targets) {
    std::vector<catalog::FunctionDef> functions;
    std::vector<std::string> deps = Dependents(binder, def, &functions);
    if (!deps.empty() && !stmt.cascade) {
      std::string detail;
      for (size_t i = 0; i < deps.size(); ++i) detail += (i ? "\n" : "") + deps[i];
      throw DbError(SqlState::kDependentObjectsStillExist,
                    fmt::format("cannot drop type {} because other objects depend on it", def.name))
          .WithDetail(detail)
          .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
    }
    if (deps.size() != functions.size()) {
      throw DbError(SqlState::kFeatureNotSupported, "DROP TYPE ... CASCADE on a type used by table columns is not supported yet");
    }
    for (const catalog::FunctionDef& f : functions) catalog::DeleteFunction(binder.txn(), f);
    if (!deps.empty()) {
      std::string msg = deps.size() == 1 ? fmt::format("drop cascades to {}", deps[0].substr(0, deps[0].find(" depends on")))
                                         : fmt::format("drop cascades to {} other objects", deps.size());
      env.notice(DbError(SqlState::kSuccessfulCompletion, msg).WithSeverity(Severity::kNotice));
    }
    catalog::DeleteEnumType(binder.txn(), def);
  }
  return "DROP TYPE";
}

}  // namespace basalt::engine::sql
