// Rows of pg_namespace, pg_class, pg_attribute, pg_index, pg_constraint and
// pg_attrdef: the system relations themselves (so '...'::regclass and psql's
// \dS see them) followed by the user tables the transaction's catalog snapshot
// holds, with the index and constraint behind each primary key.
#include "engine/sql/system/row_generators.hpp"

#include "engine/catalog/schema_store.hpp"
#include "engine/sql/system/derived_oids.hpp"
#include "engine/sql/system/object_definitions.hpp"
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/types/text_io.hpp"
#include "engine/sql/types/type.hpp"

namespace basalt::engine::sql::system {
namespace {

constexpr catalog::Oid kHeapAm = 2;
constexpr catalog::Oid kBtreeAm = 403;
constexpr catalog::Oid kDefaultCollation = 100;

bool Collatable(TypeId id) { return IsString(id) && id != TypeId::kName; }

// The unique index on the referenced columns that backs a foreign key.
catalog::Oid ReferencedIndexOid(SystemScan& scan, const catalog::ForeignKeyDef& fk) {
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (t.oid != fk.ref_table) continue;
    if (t.primary_key == fk.ref_columns) return PkIndexOid(t.oid);
    for (const auto& idx : t.indexes) {
      std::vector<int> cols;
      for (const auto& k : idx.keys) cols.push_back(k.column);
      if (idx.unique && cols == fk.ref_columns) return idx.oid;
    }
  }
  return 0;
}

}  // namespace

void GenPgNamespace(SystemScan& scan, std::vector<Row>& out) {
  const SystemRelation& rel = PgCatalog("pg_namespace");
  EmitStaticRows(rel, "pg_namespace", out);
  RowBuilder b(rel);
  b.Int("oid", catalog::kPublicNamespaceOid).Str("nspname", "public").Int("nspowner", 6171);
  b.Set("nspacl", ParseText("{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}",
                            Type{TypeId::kAclItemArray, -1}));
  b.Emit(out);
  for (const catalog::SchemaDef& s : catalog::ListUserSchemas(*scan.exec.txn, scan.database)) {  // CREATE SCHEMA
    RowBuilder u(rel);
    u.Int("oid", s.oid).Str("nspname", s.name).Int("nspowner", s.owner);
    u.Emit(out);
  }
}

void GenPgClass(SystemScan& scan, std::vector<Row>& out) {
  const SystemRelation& rel = PgCatalog("pg_class");
  RowBuilder b(rel);
  auto common = [&](catalog::Oid oid, std::string_view name, catalog::Oid ns, catalog::Oid owner) {
    b.Int("oid", oid).Str("relname", name).Int("relnamespace", ns).Int("relowner", owner);
    b.Set("reltuples", Value::Float(-1)).Char("relpersistence", 'p').Bool("relispopulated", true);
  };
  for (const SystemRelation& sys : AllSystemRelations()) {
    const RelationSpec& s = *sys.spec;
    common(s.oid, s.name, s.namespace_oid, catalog::kBootstrapSuperuserOid);
    bool table = s.relkind == 'r';
    b.Int("relam", table ? kHeapAm : 0).Int("relfilenode", table ? s.oid : 0);
    b.Char("relkind", s.relkind).Int("relnatts", static_cast<int64_t>(sys.columns.size()));
    b.Char("relreplident", 'n');
    b.Emit(out);
  }
  for (const catalog::TableDef& t : UserTables(scan)) {
    bool is_table = t.relkind == 'r';
    common(t.oid, t.name, t.schema, t.owner);
    b.Int("reltype", is_table ? RowTypeOid(t.oid) : 0).Int("relam", is_table || t.relkind == 'S' ? kHeapAm : 0);
    b.Int("relfilenode", t.oid).Bool("relhasindex", t.has_primary_key() || !t.indexes.empty());
    b.Char("relkind", t.relkind).Int("relnatts", static_cast<int64_t>(t.columns.size()));
    b.Int("relchecks", static_cast<int64_t>(t.checks.size())).Char("relreplident", is_table ? 'd' : 'n');
    b.Bool("relhastriggers", !t.foreign_keys.empty() || !t.referenced_by.empty());
    b.Set("reltuples", Value::Float(t.relkind == 'S' ? 1 : t.reltuples));
    if (!t.reloptions.empty()) b.Set("reloptions", TextArray(t.reloptions));
    b.Emit(out);
    for (int i = t.has_primary_key() ? -1 : 0; i < static_cast<int>(t.indexes.size()); ++i) {
      catalog::Oid oid = IndexOid(t, i);
      common(oid, i < 0 ? t.primary_key_name : t.indexes[i].name, t.schema, t.owner);
      b.Set("reltuples", Value::Float(0)).Int("relam", kBtreeAm).Int("relfilenode", oid).Char("relkind", 'i');
      b.Int("relnatts", static_cast<int64_t>(i < 0 ? t.primary_key.size() : t.indexes[i].keys.size()));
      b.Char("relreplident", 'n');
      b.Emit(out);
    }
  }
}

void GenPgAttribute(SystemScan& scan, std::vector<Row>& out) {
  const SystemRelation& rel = PgCatalog("pg_attribute");
  RowBuilder b(rel);
  auto column = [&](catalog::Oid relid, std::string_view name, int attnum, Type type, std::string_view pg_type) {
    catalog::Oid type_oid = pg_type.empty() ? TypeOid(type) : PgTypeOid(pg_type);
    b.Int("attrelid", relid).Str("attname", name).Int("atttypid", type_oid).Int("attnum", attnum);
    b.Int("attlen", pg_type.empty() ? TypeLength(type.id) : PgTypeLength(pg_type));
    b.Int("attcacheoff", -1).Int("atttypmod", type.typmod).Int("attstattarget", -1);
    b.Int("attndims", !pg_type.empty() && pg_type[0] == '_' ? 1 : 0);
    bool byval = pg_type.empty() ? PhysicalKindOf(type.id) != PhysicalKind::kString &&
                                       type.id != TypeId::kNumeric
                                 : PgTypeByVal(pg_type);
    b.Bool("attbyval", byval).Char("attalign", PgTypeAlign(pg_type.empty() ? TypeInternalName(type.id) : pg_type));
    b.Char("attstorage", PgTypeStorage(pg_type.empty() ? TypeInternalName(type.id) : pg_type));
    b.Char("attcompression", '\0').Char("attidentity", '\0').Char("attgenerated", '\0');
    b.Bool("attislocal", true);
  };
  for (const SystemRelation& sys : AllSystemRelations()) {
    for (size_t i = 0; i < sys.columns.size(); ++i) {
      const SystemColumn& c = sys.columns[i];
      column(sys.spec->oid, c.name, static_cast<int>(i) + 1, c.type, c.pg_type);
      b.Bool("attnotnull", c.name == "oid" && sys.spec->relkind == 'r');
      b.Int("attcollation", c.pg_type == "text" || c.pg_type == "name" ? (c.pg_type == "name" ? 950 : 100) : 0);
      b.Emit(out);
    }
  }
  for (const catalog::TableDef& t : UserTables(scan)) {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const catalog::ColumnDef& c = t.columns[i];
      column(t.oid, c.name, static_cast<int>(i) + 1, c.type, "");
      b.Bool("attnotnull", c.not_null).Bool("atthasdef", !c.default_sql.empty());
      b.Int("attcollation", Collatable(c.type.id) ? kDefaultCollation : (c.type.id == TypeId::kName ? 950 : 0));
      b.Emit(out);
    }
    for (int i = t.has_primary_key() ? -1 : 0; i < static_cast<int>(t.indexes.size()); ++i) {
      size_t nkeys = i < 0 ? t.primary_key.size() : t.indexes[i].keys.size();
      for (size_t k = 0; k < nkeys; ++k) {
        int col = i < 0 ? t.primary_key[k] : t.indexes[i].keys[k].column;
        Type type = col >= 0 ? t.columns[col].type : Type{TypeId::kText, -1};
        std::string name = col >= 0 ? t.columns[col].name : (k == 0 ? "expr" : "expr" + std::to_string(k));
        column(IndexOid(t, i), name, static_cast<int>(k) + 1, type, "");
        b.Int("attcollation", Collatable(type.id) ? kDefaultCollation : 0);
        b.Emit(out);
      }
    }
  }
}

void GenPgIndex(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_index"));
  for (const catalog::TableDef& t : UserTables(scan)) {
    for (int i = t.has_primary_key() ? -1 : 0; i < static_cast<int>(t.indexes.size()); ++i) {
      std::vector<int64_t> keys, options, collations, classes;
      auto add = [&](int col, bool desc, bool nulls_first) {
        keys.push_back(col + 1);
        options.push_back((desc ? 1 : 0) | (nulls_first ? 2 : 0));
        TypeId id = col >= 0 ? t.columns[col].type.id : TypeId::kText;
        collations.push_back(Collatable(id) ? kDefaultCollation : 0);
        classes.push_back(DefaultBtreeOpclass(id));
      };
      if (i < 0) {
        for (int k : t.primary_key) add(k, false, false);
      } else {
        for (const auto& k : t.indexes[i].keys) add(k.column, k.descending, k.nulls_first);
      }
      bool unique = i < 0 || t.indexes[i].unique;
      auto n = static_cast<int64_t>(keys.size());
      b.Int("indexrelid", IndexOid(t, i)).Int("indrelid", t.oid).Int("indnatts", n).Int("indnkeyatts", n);
      b.Bool("indisunique", unique).Bool("indisprimary", i < 0).Bool("indimmediate", unique);
      b.Bool("indisvalid", true).Bool("indisready", true).Bool("indislive", true);
      b.Set("indkey", IntVector(keys)).Set("indcollation", IntVector(collations));
      b.Set("indclass", IntVector(classes)).Set("indoption", IntVector(options));
      if (i >= 0 && t.indexes[i].is_partial()) b.Str("indpred", t.indexes[i].predicate_sql);
      if (i >= 0 && t.indexes[i].has_expressions()) {
        std::string exprs;
        for (const auto& k : t.indexes[i].keys) {
          if (k.column < 0) exprs += (exprs.empty() ? "" : ", ") + k.expr_sql;
        }
        b.Str("indexprs", exprs);
      }
      b.Emit(out);
    }
  }
}

void GenPgConstraint(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_constraint"));
  for (const catalog::TableDef& t : UserTables(scan)) {
    for (const ConstraintFacts& con : Constraints(t)) {
      std::vector<int64_t> keys;
      for (int k : con.columns) keys.push_back(k + 1);
      b.Int("oid", con.oid).Str("conname", con.name).Int("connamespace", t.schema).Char("contype", con.type);
      b.Bool("condeferrable", false).Bool("condeferred", false).Bool("convalidated", true).Int("conrelid", t.oid);
      b.Char("confupdtype", ' ').Char("confdeltype", ' ').Char("confmatchtype", ' ').Bool("conislocal", true);
      b.Bool("connoinherit", con.type == 'p' || con.type == 'u');
      if (!keys.empty()) b.Set("conkey", IntArray(keys));
      if (con.type == 'p') b.Int("conindid", PkIndexOid(t.oid));
      if (con.type == 'u') b.Int("conindid", t.indexes[con.index].oid);
      if (con.type == 'c') b.Str("conbin", t.checks[con.check].expr_sql);
      if (con.type == 'f') {
        const catalog::ForeignKeyDef& fk = t.foreign_keys[con.foreign_key];
        std::vector<int64_t> ref;
        for (int k : fk.ref_columns) ref.push_back(k + 1);
        b.Int("confrelid", fk.ref_table).Set("confkey", IntArray(ref));
        b.Char("confupdtype", fk.on_update).Char("confdeltype", fk.on_delete).Char("confmatchtype", 's');
        b.Int("conindid", ReferencedIndexOid(scan, fk));
      }
      b.Emit(out);
    }
  }
}

void GenPgAttrdef(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_attrdef"));
  for (const catalog::TableDef& t : UserTables(scan)) {
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i].default_sql.empty()) continue;
      int attnum = static_cast<int>(i) + 1;
      b.Int("oid", AttrDefOid(t.oid, attnum)).Int("adrelid", t.oid).Int("adnum", attnum);
      // adbin holds the expression as pg_get_expr prints it (catalog_functions.cpp).
      b.Str("adbin", DefaultExpression(t, static_cast<int>(i)));
      b.Emit(out);
    }
  }
}

}  // namespace basalt::engine::sql::system
