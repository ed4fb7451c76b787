// engine/sql/system/stat_rows.cpp
//
// pg_stat_activity (every connection of this process, from the server-fed
// ActivityRegistry) and pg_stat_statements (StatementStats). Role and
// database names are turned into OIDs through the scan's transaction.
#include <unordered_map>

#include "engine/catalog/catalog.hpp"
#include "engine/sql/system/backend_activity.hpp"
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/row_generators.hpp"
#include "engine/sql/system/statement_stats.hpp"

namespace basalt::engine::sql::system {
namespace {

struct NameOids {
  std::unordered_map<std::string, catalog::Oid> roles;
  std::unordered_map<std::string, catalog::Oid> databases;
};

NameOids LoadNameOids(SystemScan& scan) {
  NameOids out;
  for (const auto& r : scan.exec.catalog->ListRoles(*scan.exec.txn)) out.roles.emplace(r.name, r.oid);
  for (const auto& d : scan.exec.catalog->ListDatabases(*scan.exec.txn)) out.databases.emplace(d.name, d.oid);
  return out;
}

int64_t OidOf(const std::unordered_map<std::string, catalog::Oid>& m, const std::string& name) {
  auto it = m.find(name);
  return it == m.end() ? 0 : static_cast<int64_t>(it->second);
}

}  // namespace

void GenPgStatActivity(SystemScan& scan, std::vector<Row>& out) {
  NameOids oids = LoadNameOids(scan);
  RowBuilder b(PgCatalog("pg_stat_activity"));
  auto text_or_null = [&](std::string_view col, const std::string& v) {
    if (v.empty()) {
      b.Null(col);
    } else {
      b.Str(col, v);
    }
  };
  auto ts_or_null = [&](std::string_view col, int64_t v) {
    if (v == 0) {
      b.Null(col);
    } else {
      b.Int(col, v);
    }
  };
  for (const ActivityFacts& f : ActivityRegistry::Global().Snapshot()) {
    b.Int("datid", OidOf(oids.databases, f.database)).Str("datname", f.database).Int("pid", f.pid);
    b.Null("leader_pid").Int("usesysid", OidOf(oids.roles, f.user)).Str("usename", f.user);
    b.Str("application_name", f.application_name);
    text_or_null("client_addr", f.client_addr);
    b.Null("client_hostname");
    if (f.client_port >= 0) {
      b.Int("client_port", f.client_port);
    } else {
      b.Null("client_port");
    }
    ts_or_null("backend_start", f.backend_start);
    ts_or_null("xact_start", f.xact_start);
    ts_or_null("query_start", f.query_start);
    ts_or_null("state_change", f.state_change);
    text_or_null("wait_event_type", f.wait_event_type);
    text_or_null("wait_event", f.wait_event);
    b.Str("state", f.state).Null("backend_xid").Null("backend_xmin").Null("query_id");
    b.Str("query", f.query).Str("backend_type", "client backend");
    b.Emit(out);
  }
}

void GenPgStatStatements(SystemScan& scan, std::vector<Row>& out) {
  NameOids oids = LoadNameOids(scan);
  RowBuilder b(PgCatalog("pg_stat_statements"));
  for (const StatementStatsRow& s : StatementStats::Global().Snapshot()) {
    b.Int("userid", OidOf(oids.roles, s.user)).Int("dbid", OidOf(oids.databases, s.database));
    b.Bool("toplevel", true).Int("queryid", s.query_id).Str("query", s.query).Int("calls", s.calls);
    b.Set("total_exec_time", Value::Float(s.total_ms)).Set("min_exec_time", Value::Float(s.min_ms));
    b.Set("max_exec_time", Value::Float(s.max_ms)).Set("mean_exec_time", Value::Float(s.mean_ms));
    b.Set("stddev_exec_time", Value::Float(s.stddev_ms)).Int("rows", s.rows);
    b.Emit(out);
  }
}

}  // namespace basalt::engine::sql::system
