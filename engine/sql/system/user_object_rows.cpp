// Rows for the user objects kept outside TableDef (engine/catalog/user_objects.hpp):
// enum types (pg_type rows for the type and its array, pg_enum labels),
// LANGUAGE sql functions (pg_proc) and comments (pg_description); and the
// views' pg_views / information_schema.views rows.
#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/user_objects.hpp"
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/row_generators.hpp"
#include "engine/sql/types/array_value.hpp"

namespace basalt::engine::sql::system {
namespace {

std::string SchemaOf(catalog::Oid ns) { return catalog::KnownSchemaName(ns); }

}  // namespace

void AppendEnumTypeRows(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_type"));
  for (const catalog::EnumTypeDef& e : catalog::ListEnumTypes(*scan.exec.txn, scan.database)) {
    for (bool array : {false, true}) {
      b.Int("oid", array ? e.array_oid : e.oid).Str("typname", array ? "_" + e.name : e.name);
      b.Int("typnamespace", e.schema).Int("typowner", e.owner).Int("typlen", array ? -1 : 4);
      b.Bool("typbyval", !array).Char("typtype", array ? 'b' : 'e').Char("typcategory", array ? 'A' : 'E');
      b.Bool("typisdefined", true).Char("typdelim", ',').Int("typelem", array ? e.oid : 0);
      b.Int("typarray", array ? 0 : e.array_oid);
      b.Int("typinput", array ? 750 : 3504).Int("typoutput", array ? 751 : 3505);
      b.Int("typreceive", array ? 2400 : 3532).Int("typsend", array ? 2401 : 3533);
      if (array) b.Int("typsubscript", 6179).Int("typanalyze", 3816);
      b.Char("typalign", 'i').Char("typstorage", array ? 'x' : 'p').Int("typtypmod", -1);
      b.Emit(out);
    }
  }
}

void GenPgEnum(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_enum"));
  for (const catalog::EnumTypeDef& e : catalog::ListEnumTypes(*scan.exec.txn, scan.database)) {
    for (const catalog::EnumLabelDef& l : e.labels) {
      b.Int("oid", l.oid).Int("enumtypid", e.oid).Set("enumsortorder", Value::Float(l.SortOrder()));
      b.Str("enumlabel", l.label);
      b.Emit(out);
    }
  }
}

void AppendUserFunctionRows(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_proc"));
  constexpr catalog::Oid kSqlLanguage = 14;
  for (const catalog::FunctionDef& f : catalog::ListFunctions(*scan.exec.txn, scan.database)) {
    std::vector<int64_t> arg_types;
    std::vector<std::string> arg_names;
    bool named = false;
    for (const auto& a : f.args) {
      arg_types.push_back(TypeOid(a.type));
      arg_names.push_back(a.name);
      named = named || !a.name.empty();
    }
    b.Int("oid", f.oid).Str("proname", f.name).Int("pronamespace", f.schema).Int("proowner", f.owner);
    b.Int("prolang", kSqlLanguage).Set("procost", Value::Float(100)).Set("prorows", Value::Float(0));
    b.Char("prokind", 'f').Bool("proisstrict", f.strict).Char("provolatile", f.volatility);
    b.Char("proparallel", 'u').Int("pronargs", static_cast<int64_t>(f.args.size()));
    b.Int("pronargdefaults", f.NumDefaults()).Int("prorettype", TypeOid(f.return_type));
    b.Set("proargtypes", IntVector(arg_types)).Str("prosrc", f.body);
    if (named) b.Set("proargnames", TextArray(arg_names));
    b.Emit(out);
  }
}

void GenPgDescription(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_description"));
  for (const catalog::CommentDef& c : catalog::ListComments(*scan.exec.txn, scan.database)) {
    b.Int("objoid", c.objoid).Int("classoid", c.classoid).Int("objsubid", c.objsubid);
    b.Str("description", c.description);
    b.Emit(out);
  }
}

void GenPgViews(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_views"));
  auto roles = scan.exec.catalog->ListRoles(*scan.exec.txn);
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (!t.view) continue;
    std::string owner = std::to_string(t.owner);
    for (const auto& r : roles) {
      if (r.oid == t.owner) owner = r.name;
    }
    b.Str("schemaname", SchemaOf(t.schema)).Str("viewname", t.name).Str("viewowner", owner);
    b.Str("definition", ViewDefinition(t));
    b.Emit(out);
  }
}

void GenIsViews(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(*FindSystemRelation("information_schema", "views"));
  std::string db = scan.exec.eval.session ? scan.exec.eval.session->database() : std::string();
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (!t.view) continue;
    b.Str("table_catalog", db).Str("table_schema", SchemaOf(t.schema)).Str("table_name", t.name);
    b.Str("view_definition", ViewDefinition(t)).Str("check_option", "NONE").Str("is_updatable", "NO");
    b.Str("is_insertable_into", "NO").Str("is_trigger_updatable", "NO").Str("is_trigger_deletable", "NO");
    b.Str("is_trigger_insertable_into", "NO");
    b.Emit(out);
  }
}

std::string ViewDefinition(const catalog::TableDef& t) {
  // PostgreSQL prints the rewritten query on its own lines, led by a space.
  return t.view ? " " + t.view->query_sql + ";" : std::string();
}

}  // namespace basalt::engine::sql::system
