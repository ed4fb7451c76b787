// COMMENT ON <object> IS 'text' | NULL: resolves the object to its
// (classoid, objoid, objsubid) as pg_description keys it, then stores or
// removes the text (catalog/user_objects.hpp). Database comments are shared
// objects (pg_shdescription): stored under database 0.
#include <fmt/format.h>

#include "engine/sql/exec/ddl_dispatch.hpp"
#include "engine/sql/exec/ddl_user_objects.hpp"

namespace basalt::engine::sql {
namespace {

struct CommentTarget {
  catalog::Oid database = 0;
  catalog::Oid classoid = 0;
  catalog::Oid objoid = 0;
  int32_t objsubid = 0;
};

ast::RangeVar RelationName(const std::vector<std::string>& names) {
  if (names.empty() || names.size() > 3) {
    throw DbError(SqlState::kSyntaxError, "improper relation name (too many dotted names)");
  }
  ast::RangeVar rv;
  rv.name = names.back();
  if (names.size() >= 2) rv.schema = names[names.size() - 2];
  if (names.size() == 3) rv.catalog = names[0];
  return rv;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? "." : "") + names[i];
  return out;
}

catalog::TableDef ResolveRelation(Binder& binder, const std::vector<std::string>& names, const std::string& kind) {
  ast::RangeVar rv = RelationName(names);
  auto t = binder.LookupTable(rv);
  if (!t) throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", Joined(names)));
  if (kind == "sequence" && t->relkind != 'S') {
    throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a sequence", t->name));
  }
  if (kind == "table" && t->relkind == 'S') {
    throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a table", t->name));
  }
  return *t;
}

CommentTarget Resolve(const ast::CommentStmt& stmt, Binder& binder, const DdlEnv& env) {
  CommentTarget t;
  t.database = env.database;
  const std::string& kind = stmt.kind;
  if (kind == "table" || kind == "view" || kind == "sequence" || kind == "materialized view") {
    catalog::TableDef table = ResolveRelation(binder, stmt.names, kind);
    t.classoid = catalog::kPgClassClassOid;
    t.objoid = table.oid;
  } else if (kind == "column") {
    if (stmt.names.size() < 2) throw DbError(SqlState::kSyntaxError, "column name must be qualified");
    std::vector<std::string> rel(stmt.names.begin(), stmt.names.end() - 1);
    catalog::TableDef table = ResolveRelation(binder, rel, "column");
    int col = table.FindColumn(stmt.names.back());
    if (col < 0) {
      throw DbError(SqlState::kUndefinedColumn,
                    fmt::format("column \"{}\" of relation \"{}\" does not exist", stmt.names.back(), table.name));
    }
    t.classoid = catalog::kPgClassClassOid;
    t.objoid = table.oid;
    t.objsubid = col + 1;
  } else if (kind == "index") {
    ast::RangeVar rv = RelationName(stmt.names);
    for (const catalog::TableDef& table : binder.catalog().ListTables(binder.txn(), env.database)) {
      for (const catalog::IndexDef& idx : table.indexes) {
        if (idx.name == rv.name) {
          t.classoid = catalog::kPgClassClassOid;
          t.objoid = idx.oid;
        }
      }
    }
    if (t.objoid == 0) throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", Joined(stmt.names)));
  } else if (kind == "schema") {
    ast::ObjectName name;
    name.schema = stmt.names.at(0);
    t.classoid = catalog::kPgNamespaceClassOid;
    t.objoid = LookupObjectSchema(binder, name);
  } else if (kind == "type") {
    if (stmt.names.empty() || stmt.names.size() > 2) throw DbError(SqlState::kSyntaxError, "improper type name");
    ast::ObjectName name;
    name.name = stmt.names.back();
    if (stmt.names.size() == 2) name.schema = stmt.names[0];
    t.classoid = catalog::kPgTypeClassOid;
    t.objoid = ResolveEnumType(binder, name).oid;
  } else if (kind == "function") {
    const ast::FunctionRef& ref = stmt.function;
    std::vector<catalog::FunctionDef> found =
        catalog::FindFunctions(binder.txn(), env.database, LookupObjectSchema(binder, ref.name), ref.name.name);
    std::string types;
    if (ref.has_args) {
      std::vector<Type> want;
      for (const ast::TypeName& tn : ref.arg_types) {
        auto ty = binder.LookupTypeName(tn);
        if (!ty) throw DbError(SqlState::kUndefinedObject, fmt::format("type {} does not exist", Joined(tn.names)));
        want.push_back(*ty);
        types += (types.empty() ? "" : ", ") + FormatType(Type{ty->id, -1, ty->oid});
      }
      std::erase_if(found, [&](const catalog::FunctionDef& f) {
        if (f.args.size() != want.size()) return true;
        for (size_t i = 0; i < want.size(); ++i) {
          if (f.args[i].type.id != want[i].id || f.args[i].type.oid != want[i].oid) return true;
        }
        return false;
      });
    }
    if (found.size() > 1) {
      throw DbError(SqlState::kAmbiguousFunction, fmt::format("function name \"{}\" is not unique", ShownName(ref.name)))
          .WithHint("Specify the argument list to select the function unambiguously.");
    }
    if (found.empty()) {
      if (ref.has_args) {
        throw DbError(SqlState::kUndefinedFunction, fmt::format("function {}({}) does not exist", ShownName(ref.name), types));
      }
      throw DbError(SqlState::kUndefinedFunction, fmt::format("could not find a function named \"{}\"", ShownName(ref.name)));
    }
    t.classoid = catalog::kPgProcClassOid;
    t.objoid = found[0].oid;
  } else if (kind == "database") {
    auto db = binder.catalog().FindDatabase(binder.txn(), stmt.names.at(0));
    if (!db) {
      // PostgreSQL only warns: pg_dump output may name a database that is absent.
      env.notice(DbError(SqlState::kUndefinedDatabase, fmt::format("database \"{}\" does not exist", stmt.names.at(0)))
                     .WithSeverity(Severity::kWarning));
      return t;
    }
    t.database = 0;
    t.classoid = catalog::kPgDatabaseClassOid;
    t.objoid = db->oid;
  } else {
    throw DbError(SqlState::kFeatureNotSupported, fmt::format("COMMENT ON {} is not supported yet", kind));
  }
  return t;
}

}  // namespace

std::string ExecuteDdl(const ast::CommentStmt& stmt, Binder& binder, ExecContext&, const DdlEnv& env) {
  CommentTarget t = Resolve(stmt, binder, env);
  if (t.objoid == 0) return "COMMENT";
  catalog::SetComment(binder.txn(), t.database, t.classoid, t.objoid, t.objsubid, stmt.text);
  return "COMMENT";
}

}  // namespace basalt::engine::sql
