// pg_stats and the ANALYZE/VACUUM columns of pg_stat_user_tables, from the
// statistics ANALYZE stores (engine/catalog/table_stats.hpp).
#include <cctype>

#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/table_stats.hpp"
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/row_generators.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql::system {
namespace {

// PostgreSQL's array_out quoting of one element.
void AppendArrayElement(std::string& out, const std::string& s) {
  bool quote = s.empty();
  if (s.size() == 4) {
    std::string up = s;
    for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    quote = up == "NULL";
  }
  for (char c : s) {
    if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || std::isspace(static_cast<unsigned char>(c))) {
      quote = true;
    }
  }
  if (!quote) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

std::string ArrayText(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    AppendArrayElement(out, items[i]);
  }
  out += '}';
  return out;
}

std::string FloatArrayText(const std::vector<float>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    AppendText(Value::Float(items[i]), Type{TypeId::kFloat4, -1}, out);
  }
  out += '}';
  return out;
}

}  // namespace

void GenPgStats(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_stats"));
  for (const catalog::TableDef& t : UserTables(scan)) {
    if (t.relkind != 'r') continue;
    auto stats = catalog::LoadTableStats(*scan.exec.txn, t.oid);
    if (!stats) continue;
    for (const catalog::ColumnDef& col : t.columns) {
      const catalog::ColumnStats* c = stats->Find(col.name);
      if (c == nullptr) continue;
      b.Str("schemaname", catalog::KnownSchemaName(t.schema)).Str("tablename", t.name).Str("attname", col.name);
      b.Bool("inherited", false).Set("null_frac", Value::Float(c->null_frac)).Int("avg_width", c->avg_width);
      b.Set("n_distinct", Value::Float(c->n_distinct)).Null("correlation");
      if (!c->mcv.empty()) {
        b.Str("most_common_vals", ArrayText(c->mcv)).Str("most_common_freqs", FloatArrayText(c->mcv_freqs));
      }
      b.Emit(out);
    }
  }
}

void FillMaintenanceStats(SystemScan& scan, const catalog::TableDef& t, RowBuilder& b) {
  auto stats = catalog::LoadTableStats(*scan.exec.txn, t.oid);
  int64_t live = t.reltuples > 0 ? static_cast<int64_t>(t.reltuples) : 0;
  b.Int("n_live_tup", live).Int("n_dead_tup", 0);
  b.Int("vacuum_count", stats ? stats->vacuum_count : 0).Int("autovacuum_count", 0);
  b.Int("analyze_count", stats ? stats->analyze_count : 0).Int("autoanalyze_count", 0);
  b.Null("last_vacuum").Null("last_autovacuum").Null("last_analyze").Null("last_autoanalyze");
  if (stats && stats->last_vacuum) b.Set("last_vacuum", Value::Int(*stats->last_vacuum));
  if (stats && stats->last_analyze) b.Set("last_analyze", Value::Int(*stats->last_analyze));
}

}  // namespace basalt::engine::sql::system
