// CREATE SCHEMA, DROP SCHEMA, ALTER SCHEMA ... RENAME TO, with PostgreSQL 15's
// checks and messages (schemacmds.c, pg_namespace.c, dependency.c). Schemas
// are catalog records (engine/catalog/schema_store.hpp), so all of this is
// transactional.
#include <algorithm>

#include <fmt/format.h>

#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/search_path.hpp"
#include "engine/catalog/user_objects.hpp"
#include "engine/sql/exec/ddl_dispatch.hpp"
#include "engine/sql/exec/ddl_sequence.hpp"
#include "engine/sql/types/regclass.hpp"

namespace basalt::engine::sql {
namespace {

void CheckSchemaName(const std::string& name) {
  if (name.size() >= 3 && name.compare(0, 3, "pg_") == 0) {
    throw DbError(SqlState::kReservedName, fmt::format("unacceptable schema name \"{}\"", name))
        .WithDetail("The prefix \"pg_\" is reserved for system schemas.");
  }
}

// One object that lives in a schema, as dependency.c names it ("table s.t").
struct Member {
  catalog::Oid oid = 0;
  std::string description;
  char kind = 'r';  // relkind, or 'T' type, 'F' function
  std::string name;
};

std::vector<Member> Members(Binder& binder, const catalog::SchemaDef& schema) {
  std::vector<Member> out;
  // getObjectDescription qualifies a name only when the search_path does not reach it.
  bool on_path = catalog::SchemaOnPath(binder.txn(), binder.database(), schema.oid);
  std::string qualified = RegQuoteIdentifier(schema.name) + ".";
  std::string prefix = on_path ? "" : qualified;
  for (const catalog::TableDef& t : binder.catalog().ListTables(binder.txn(), binder.database())) {
    if (t.schema != schema.oid) continue;
    // A sequence owned by a column goes with its table; PostgreSQL does not list it.
    if (t.relkind == 'S' && t.sequence && t.sequence->owned_by_table != 0) continue;
    const char* word = t.relkind == 'v' ? "view" : t.relkind == 'S' ? "sequence" : "table";
    auto first = catalog::FindRelationOnPath(binder.catalog(), binder.txn(), binder.database(), t.name);
    std::string rel_prefix = first && first->oid == t.oid ? "" : qualified;
    out.push_back({t.oid, fmt::format("{} {}{}", word, rel_prefix, RegQuoteIdentifier(t.name)), t.relkind, t.name});
  }
  for (const catalog::EnumTypeDef& e : catalog::ListEnumTypes(binder.txn(), binder.database())) {
    if (e.schema != schema.oid) continue;
    out.push_back({e.oid, fmt::format("type {}{}", prefix, RegQuoteIdentifier(e.name)), 'T', e.name});
  }
  for (const catalog::FunctionDef& f : catalog::ListFunctions(binder.txn(), binder.database())) {
    if (f.schema != schema.oid) continue;
    std::string args;
    for (const catalog::FunctionArgDef& a : f.args) {
      if (!args.empty()) args += ",";
      args += FormatType(a.type);
    }
    out.push_back({f.oid, fmt::format("function {}{}({})", prefix, RegQuoteIdentifier(f.name), args), 'F', f.name});
  }
  // pg_depend order: creation order.
  std::sort(out.begin(), out.end(), [](const Member& a, const Member& b) { return a.oid < b.oid; });
  return out;
}

ast::DropStmt DropOf(ast::ObjectKind kind, const catalog::SchemaDef& schema, const std::string& name) {
  ast::DropStmt d;
  d.kind = kind;
  d.if_exists = true;  // an earlier cascade may have dropped it already
  d.cascade = true;
  ast::RangeVar rv;
  rv.schema = schema.name;
  rv.name = name;
  d.objects.push_back(std::move(rv));
  return d;
}

// Drops everything in the schema: views, tables (with their indexes and owned
// sequences), sequences, then functions and types, whose users are gone by then.
void DropMembers(Binder& binder, ExecContext& ctx, const catalog::SchemaDef& schema,
                 const std::vector<Member>& members) {
  NoticeFn quiet = [](const DbError&) {};
  DdlEnv env{binder.database(), 0, quiet};
  for (const Member& m : members) {
    if (m.kind == 'v') ExecuteDropView(DropOf(ast::ObjectKind::kView, schema, m.name), binder, ctx, env);
  }
  for (const Member& m : members) {
    if (m.kind == 'r') ExecuteDropTable(DropOf(ast::ObjectKind::kTable, schema, m.name), binder, ctx, quiet);
  }
  for (const Member& m : members) {
    if (m.kind == 'S') ExecuteDropSequence(DropOf(ast::ObjectKind::kSequence, schema, m.name), binder, ctx, quiet);
  }
  txn::Transaction& txn = binder.txn();
  catalog::Oid db = binder.database();
  for (const catalog::FunctionDef& f : catalog::ListFunctions(txn, db)) {
    if (f.schema != schema.oid) continue;
    catalog::DeleteFunction(txn, f);
    catalog::DeleteComments(txn, db, catalog::kPgProcClassOid, f.oid);
  }
  for (const catalog::EnumTypeDef& e : catalog::ListEnumTypes(txn, db)) {
    if (e.schema != schema.oid) continue;
    catalog::DeleteEnumType(txn, e);
    catalog::DeleteComments(txn, db, catalog::kPgTypeClassOid, e.oid);
  }
}

}  // namespace

std::string ExecuteDdl(const ast::CreateSchemaStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ctx.txn->CheckWritable("CREATE SCHEMA");
  catalog::Oid owner = env.owner;
  if (!stmt.authorization.empty()) {
    auto role = binder.catalog().FindRole(binder.txn(), stmt.authorization);
    if (!role) {
      throw DbError(SqlState::kUndefinedObject, fmt::format("role \"{}\" does not exist", stmt.authorization));
    }
    owner = role->oid;
  }
  std::string name = stmt.name.empty() ? stmt.authorization : stmt.name;
  CheckSchemaName(name);
  if (catalog::FindSchema(binder.txn(), binder.database(), name)) {
    if (stmt.if_not_exists) {
      env.notice(DbError(SqlState::kDuplicateSchema, fmt::format("schema \"{}\" already exists, skipping", name))
                     .WithSeverity(Severity::kNotice));
      return "CREATE SCHEMA";
    }
    throw DbError(SqlState::kDuplicateSchema, fmt::format("schema \"{}\" already exists", name));
  }
  if (stmt.has_elements) {
    throw DbError(SqlState::kFeatureNotSupported, "CREATE SCHEMA with schema elements is not supported yet");
  }
  catalog::SchemaDef def;
  def.oid = binder.catalog().AllocateOid();
  def.database = binder.database();
  def.name = name;
  def.owner = owner;
  catalog::PutSchema(binder.txn(), def);
  return "CREATE SCHEMA";
}

std::string ExecuteDropSchema(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const DdlEnv& env) {
  ctx.txn->CheckWritable("DROP SCHEMA");
  std::vector<catalog::SchemaDef> schemas;
  for (const ast::RangeVar& rv : stmt.objects) {
    auto s = catalog::FindSchema(binder.txn(), binder.database(), rv.name);
    if (!s) {
      if (!stmt.if_exists) {
        throw DbError(SqlState::kUndefinedSchema, fmt::format("schema \"{}\" does not exist", rv.name));
      }
      env.notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("schema \"{}\" does not exist, skipping", rv.name))
                     .WithSeverity(Severity::kNotice));
      continue;
    }
    if (s->builtin) {
      if (s->oid == catalog::kPublicNamespaceOid) {
        throw DbError(SqlState::kFeatureNotSupported, "DROP SCHEMA public is not supported");
      }
      throw DbError(SqlState::kDependentObjectsStillExist,
                    fmt::format("cannot drop schema {} because it is required by the database system", s->name));
    }
    schemas.push_back(std::move(*s));
  }
  // dependency.c reports every dependent object of all the schemas at once: the
  // last schema named first, each one's objects in creation order.
  std::vector<std::string> lines;
  std::vector<std::vector<Member>> members;
  for (const catalog::SchemaDef& s : schemas) members.push_back(Members(binder, s));
  for (size_t i = schemas.size(); i-- > 0;) {
    const catalog::SchemaDef& s = schemas[i];
    for (const Member& m : members[i]) {
      lines.push_back(stmt.cascade ? fmt::format("drop cascades to {}", m.description)
                                   : fmt::format("{} depends on schema {}", m.description, s.name));
    }
  }
  if (!lines.empty()) {
    std::string detail;
    for (const std::string& l : lines) detail += (detail.empty() ? "" : "\n") + l;
    if (!stmt.cascade) {
      throw DbError(SqlState::kDependentObjectsStillExist,
                    schemas.size() > 1
                        ? std::string("cannot drop desired object(s) because other objects depend on them")
                        : fmt::format("cannot drop schema {} because other objects depend on it", schemas.front().name))
          .WithDetail(detail)
          .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
    }
    if (lines.size() == 1) {
      env.notice(DbError(SqlState::kSuccessfulCompletion, lines.front()).WithSeverity(Severity::kNotice));
    } else {
      env.notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("drop cascades to {} other objects", lines.size()))
                     .WithDetail(detail)
                     .WithSeverity(Severity::kNotice));
    }
  }
  for (size_t i = 0; i < schemas.size(); ++i) {
    DropMembers(binder, ctx, schemas[i], members[i]);
    catalog::DeleteComments(binder.txn(), binder.database(), catalog::kPgNamespaceClassOid, schemas[i].oid);
    catalog::DeleteSchema(binder.txn(), schemas[i]);
  }
  return "DROP SCHEMA";
}

std::string ExecuteRenameSchema(const ast::RenameStmt& stmt, Binder& binder, ExecContext& ctx) {
  ctx.txn->CheckWritable("ALTER SCHEMA");
  auto s = catalog::FindSchema(binder.txn(), binder.database(), stmt.subname);
  if (!s) throw DbError(SqlState::kUndefinedSchema, fmt::format("schema \"{}\" does not exist", stmt.subname));
  if (catalog::FindSchema(binder.txn(), binder.database(), stmt.new_name)) {
    throw DbError(SqlState::kDuplicateSchema, fmt::format("schema \"{}\" already exists", stmt.new_name));
  }
  CheckSchemaName(stmt.new_name);
  if (s->builtin) {
    throw DbError(SqlState::kFeatureNotSupported, fmt::format("ALTER SCHEMA {} RENAME is not supported", s->name));
  }
  catalog::DeleteSchema(binder.txn(), *s);
  s->name = stmt.new_name;
  catalog::PutSchema(binder.txn(), *s);
  return "ALTER SCHEMA";
}

}  // namespace basalt::engine::sql
