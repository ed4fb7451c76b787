// The convenience views over user tables: pg_tables, pg_indexes,
// pg_stat_user_tables, and information_schema's schemata, tables, columns,
// table_constraints, key_column_usage and constraint_column_usage.
#include <fmt/format.h>

#include "engine/catalog/schema_store.hpp"
#include "engine/sql/system/object_definitions.hpp"
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/row_generators.hpp"

namespace basalt::engine::sql::system {
namespace {

std::string SchemaName(catalog::Oid ns) {
  if (ns == catalog::kPublicNamespaceOid) return "public";
  if (ns == catalog::kPgCatalogNamespaceOid) return "pg_catalog";
  if (ns == kInformationSchemaNamespaceOid) return "information_schema";
  return catalog::KnownSchemaName(ns);
}

std::string DatabaseName(SystemScan& scan) {
  return scan.exec.eval.session ? scan.exec.eval.session->database() : std::string();
}

std::string RoleName(SystemScan& scan, catalog::Oid oid) {
  for (const auto& r : scan.exec.catalog->ListRoles(*scan.exec.txn)) {
    if (r.oid == oid) return r.name;
  }
  return std::to_string(oid);
}

}  // namespace

void GenPgTables(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_tables"));
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (t.relkind != 'r') continue;
    b.Str("schemaname", SchemaName(t.schema)).Str("tablename", t.name).Str("tableowner", RoleName(scan, t.owner));
    b.Bool("hasindexes", t.has_primary_key() || !t.indexes.empty()).Bool("hasrules", false);
    b.Bool("hastriggers", !t.foreign_keys.empty() || !t.referenced_by.empty()).Bool("rowsecurity", false);
    b.Emit(out);
  }
}

void GenPgIndexes(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_indexes"));
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (t.has_primary_key()) {
      b.Str("schemaname", SchemaName(t.schema)).Str("tablename", t.name).Str("indexname", t.primary_key_name);
      b.Str("indexdef", IndexDefinition(t, -1, false));
      b.Emit(out);
    }
    for (size_t i = 0; i < t.indexes.size(); ++i) {
      b.Str("schemaname", SchemaName(t.schema)).Str("tablename", t.name).Str("indexname", t.indexes[i].name);
      b.Str("indexdef", IndexDefinition(t, static_cast<int>(i), false));
      b.Emit(out);
    }
  }
}

void GenPgStatUserTables(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_stat_user_tables"));
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (t.relkind != 'r') continue;
    b.Int("relid", t.oid).Str("schemaname", SchemaName(t.schema)).Str("relname", t.name);
    FillMaintenanceStats(scan, t, b);  // stats_rows.cpp
    b.Emit(out);
  }
}

void GenIsSchemata(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(*FindSystemRelation("information_schema", "schemata"));
  std::string db = DatabaseName(scan);
  struct Ns {
    const char* name;
    std::string owner;
  };
  std::string super = RoleName(scan, catalog::kBootstrapSuperuserOid);
  for (const Ns& ns : {Ns{"information_schema", super}, Ns{"pg_catalog", super}, Ns{"pg_toast", super},
                       Ns{"public", "pg_database_owner"}}) {
    b.Str("catalog_name", db).Str("schema_name", ns.name).Str("schema_owner", ns.owner);
    b.Emit(out);
  }
  for (const catalog::SchemaDef& s : catalog::ListUserSchemas(*scan.exec.txn, scan.database)) {  // CREATE SCHEMA
    b.Str("catalog_name", db).Str("schema_name", s.name).Str("schema_owner", RoleName(scan, s.owner));
    b.Emit(out);
  }
}

void GenIsTables(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(*FindSystemRelation("information_schema", "tables"));
  std::string db = DatabaseName(scan);
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (t.relkind != 'r' && t.relkind != 'v') continue;
    bool view = t.relkind == 'v';
    b.Str("table_catalog", db).Str("table_schema", SchemaName(t.schema)).Str("table_name", t.name);
    b.Str("table_type", view ? "VIEW" : "BASE TABLE").Str("is_insertable_into", view ? "NO" : "YES");
    b.Str("is_typed", "NO");
    b.Emit(out);
  }
}

void GenIsColumns(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(*FindSystemRelation("information_schema", "columns"));
  std::string db = DatabaseName(scan);
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (t.relkind != 'r' && t.relkind != 'v') continue;
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const catalog::ColumnDef& c = t.columns[i];
      b.Str("table_catalog", db).Str("table_schema", SchemaName(t.schema)).Str("table_name", t.name);
      b.Str("column_name", c.name).Int("ordinal_position", static_cast<int64_t>(i) + 1);
      if (!c.default_sql.empty()) b.Str("column_default", DefaultExpression(t, static_cast<int>(i)));
      b.Str("is_nullable", c.not_null ? "NO" : "YES");
      FillInformationSchemaType(b, c.type);
      b.Str("udt_catalog", db).Str("udt_schema", "pg_catalog").Str("udt_name", TypeInternalName(c.type.id));
      b.Str("dtd_identifier", std::to_string(i + 1)).Str("is_self_referencing", "NO");
      b.Str("is_identity", c.identity ? "YES" : "NO").Str("is_generated", "NEVER");
      b.Str("is_updatable", t.relkind == 'v' ? "NO" : "YES");
      b.Null("identity_cycle");
      if (c.identity) {
        b.Str("identity_generation", c.identity == 'a' ? "ALWAYS" : "BY DEFAULT").Str("identity_cycle", "NO");
      }
      b.Emit(out);
    }
  }
}

void GenIsTableConstraints(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(*FindSystemRelation("information_schema", "table_constraints"));
  std::string db = DatabaseName(scan);
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (t.relkind != 'r') continue;
    for (const ConstraintFacts& con : Constraints(t)) {
      b.Str("constraint_catalog", db).Str("constraint_schema", SchemaName(t.schema));
      b.Str("constraint_name", con.name).Str("table_catalog", db).Str("table_schema", SchemaName(t.schema));
      b.Str("table_name", t.name).Str("constraint_type", con.InformationSchemaType());
      b.Str("is_deferrable", "NO").Str("initially_deferred", "NO").Str("enforced", "YES");
      if (con.type != 'c') b.Null("nulls_distinct");
      if (con.type == 'u' || con.type == 'p') b.Str("nulls_distinct", "YES");
      b.Emit(out);
    }
    // NOT NULL columns appear as CHECK constraints named <ns oid>_<table oid>_<attnum>_not_null.
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (!t.columns[i].not_null) continue;
      b.Str("constraint_catalog", db).Str("constraint_schema", SchemaName(t.schema));
      b.Str("constraint_name", fmt::format("{}_{}_{}_not_null", t.schema, t.oid, i + 1));
      b.Str("table_catalog", db).Str("table_schema", SchemaName(t.schema)).Str("table_name", t.name);
      b.Str("constraint_type", "CHECK").Str("is_deferrable", "NO").Str("initially_deferred", "NO");
      b.Str("enforced", "YES");
      b.Emit(out);
    }
  }
}

void GenIsKeyColumnUsage(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(*FindSystemRelation("information_schema", "key_column_usage"));
  std::string db = DatabaseName(scan);
  for (const catalog::TableDef& t : UserTables(scan)) {
    for (const ConstraintFacts& con : Constraints(t)) {
      if (con.type == 'c') continue;
      for (size_t k = 0; k < con.columns.size(); ++k) {
        b.Str("constraint_catalog", db).Str("constraint_schema", SchemaName(t.schema)).Str("constraint_name", con.name);
        b.Str("table_catalog", db).Str("table_schema", SchemaName(t.schema)).Str("table_name", t.name);
        b.Str("column_name", t.columns[con.columns[k]].name).Int("ordinal_position", static_cast<int64_t>(k) + 1);
        if (con.type == 'f') b.Int("position_in_unique_constraint", static_cast<int64_t>(k) + 1);
        b.Emit(out);
      }
    }
  }
}

void GenIsConstraintColumnUsage(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(*FindSystemRelation("information_schema", "constraint_column_usage"));
  std::string db = DatabaseName(scan);
  for (const catalog::TableDef& t : UserTables(scan)) {
    for (const ConstraintFacts& con : Constraints(t)) {
      if (con.type == 'f' || con.type == 'c') continue;
      for (int col : con.columns) {
        b.Str("table_catalog", db).Str("table_schema", SchemaName(t.schema)).Str("table_name", t.name);
        b.Str("column_name", t.columns[col].name).Str("constraint_catalog", db);
        b.Str("constraint_schema", SchemaName(t.schema)).Str("constraint_name", con.name);
        b.Emit(out);
      }
    }
  }
}

}  // namespace basalt::engine::sql::system
