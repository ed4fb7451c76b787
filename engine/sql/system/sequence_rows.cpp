// pg_sequence, pg_sequences and information_schema.sequences from the
// sequences in the catalog (TableDef with relkind 'S'), and pg_depend's
// rows for OWNED BY (the 'a' dependency pg_dump and psql use to tie a serial
// column to its sequence).
#include "engine/catalog/schema_store.hpp"
#include "engine/sql/system/derived_oids.hpp"
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/row_generators.hpp"

namespace basalt::engine::sql::system {
namespace {

constexpr catalog::Oid kPgClassOid = 1259;

std::string SchemaOf(catalog::Oid ns) { return catalog::KnownSchemaName(ns); }

}  // namespace

void GenPgSequence(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_sequence"));
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (!t.sequence) continue;
    const catalog::SequenceDef& s = *t.sequence;
    b.Int("seqrelid", t.oid).Int("seqtypid", TypeOid(s.type)).Int("seqstart", s.start);
    b.Int("seqincrement", s.increment).Int("seqmax", s.max_value).Int("seqmin", s.min_value);
    b.Int("seqcache", s.cache).Bool("seqcycle", s.cycle);
    b.Emit(out);
  }
}

void GenPgSequences(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_sequences"));
  std::vector<catalog::TableDef> tables = UserTables(scan);
  auto roles = scan.exec.catalog->ListRoles(*scan.exec.txn);
  for (const catalog::TableDef& t : tables) {
    if (!t.sequence) continue;
    const catalog::SequenceDef& s = *t.sequence;
    std::string owner = std::to_string(t.owner);
    for (const auto& r : roles) {
      if (r.oid == t.owner) owner = r.name;
    }
    b.Str("schemaname", SchemaOf(t.schema)).Str("sequencename", t.name).Str("sequenceowner", owner);
    b.Int("data_type", TypeOid(s.type));  // regtype, served as its OID
    b.Int("start_value", s.start).Int("min_value", s.min_value).Int("max_value", s.max_value);
    b.Int("increment_by", s.increment).Bool("cycle", s.cycle).Int("cache_size", s.cache);
    catalog::SequenceState state = scan.exec.catalog->sequences().Read(t.oid, s);
    if (state.is_called) {
      b.Int("last_value", state.last_value);
    } else {
      b.Null("last_value");
    }
    b.Emit(out);
  }
}

void GenIsSequences(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(*FindSystemRelation("information_schema", "sequences"));
  std::string db = scan.exec.eval.session ? scan.exec.eval.session->database() : std::string();
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (!t.sequence) continue;
    const catalog::SequenceDef& s = *t.sequence;
    int bits = s.type == TypeId::kInt2 ? 16 : s.type == TypeId::kInt4 ? 32 : 64;
    b.Str("sequence_catalog", db).Str("sequence_schema", SchemaOf(t.schema)).Str("sequence_name", t.name);
    b.Str("data_type", bits == 16 ? "smallint" : bits == 32 ? "integer" : "bigint");
    b.Int("numeric_precision", bits).Int("numeric_precision_radix", 2).Int("numeric_scale", 0);
    b.Str("start_value", std::to_string(s.start)).Str("minimum_value", std::to_string(s.min_value));
    b.Str("maximum_value", std::to_string(s.max_value)).Str("increment", std::to_string(s.increment));
    b.Str("cycle_option", s.cycle ? "YES" : "NO");
    b.Emit(out);
  }
}

void GenPgDepend(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_depend"));
  std::vector<catalog::TableDef> tables = UserTables(scan);
  for (const catalog::TableDef& t : tables) {
    if (!t.sequence || t.sequence->owned_by_table == 0) continue;
    for (const catalog::TableDef& owner : tables) {
      if (owner.oid != t.sequence->owned_by_table) continue;
      int col = owner.FindColumn(t.sequence->owned_by_column);
      b.Int("classid", kPgClassOid).Int("objid", t.oid).Int("objsubid", 0).Int("refclassid", kPgClassOid);
      b.Int("refobjid", owner.oid).Int("refobjsubid", col + 1);
      bool identity = col >= 0 && owner.columns[col].identity != 0;
      b.Char("deptype", identity ? 'i' : 'a');
      b.Emit(out);
    }
  }
}

}  // namespace basalt::engine::sql::system
