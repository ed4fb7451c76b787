// Cluster-wide relations: pg_database, pg_authid and its views pg_roles and
// pg_user, pg_settings (from the session's settings registry) and
// (pg_stat_activity is in stat_rows.cpp.)
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/row_generators.hpp"

namespace basalt::engine::sql::system {
namespace {

constexpr catalog::Oid kDefaultTablespace = 1663;
constexpr int kUtf8Encoding = 6;

struct RoleFacts {
  catalog::Oid oid;
  std::string name;
  bool super;
  bool login;
};

std::vector<RoleFacts> Roles(SystemScan& scan) {
  std::vector<RoleFacts> out;
  for (const auto& r : scan.exec.catalog->ListRoles(*scan.exec.txn)) {
    out.push_back(RoleFacts{r.oid, r.name, r.superuser, r.can_login});
  }
  return out;
}

}  // namespace

void GenPgDatabase(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_database"));
  for (const auto& db : scan.exec.catalog->ListDatabases(*scan.exec.txn)) {
    b.Int("oid", db.oid).Str("datname", db.name).Int("datdba", db.owner).Int("encoding", kUtf8Encoding);
    b.Char("datlocprovider", 'c').Bool("datistemplate", false).Bool("datallowconn", true);
    b.Int("datconnlimit", -1).Int("datfrozenxid", 716).Int("datminmxid", 1);
    b.Int("dattablespace", kDefaultTablespace).Str("datcollate", "C.UTF-8").Str("datctype", "C.UTF-8");
    b.Emit(out);
  }
}

void GenPgAuthid(SystemScan& scan, std::vector<Row>& out) {
  const SystemRelation& rel = PgCatalog("pg_authid");
  for (const RoleFacts& r : Roles(scan)) {
    RowBuilder b(rel);
    b.Int("oid", r.oid).Str("rolname", r.name).Bool("rolsuper", r.super).Bool("rolinherit", true);
    b.Bool("rolcreaterole", r.super).Bool("rolcreatedb", r.super).Bool("rolcanlogin", r.login);
    b.Bool("rolreplication", r.super).Bool("rolbypassrls", r.super).Int("rolconnlimit", -1);
    b.Null("rolvaliduntil");
    b.Emit(out);
  }
  // The predefined roles (pg_database_owner, pg_monitor, ...).
  EmitStaticRows(rel, "pg_authid", out);
}

void GenPgRoles(SystemScan& scan, std::vector<Row>& out) {
  // pg_roles is pg_authid with the password masked and rolconfig added.
  std::vector<Row> authid;
  GenPgAuthid(scan, authid);
  const SystemRelation& a = PgCatalog("pg_authid");
  RowBuilder b(PgCatalog("pg_roles"));
  for (Row& row : authid) {
    for (size_t i = 0; i < a.columns.size(); ++i) {
      const std::string& name = a.columns[i].name;
      if (name == "rolpassword") {
        b.Str("rolpassword", "********");
      } else {
        b.Set(name, row[i]);
      }
    }
    b.Emit(out);
  }
}

void GenPgUser(SystemScan& scan, std::vector<Row>& out) {
  RowBuilder b(PgCatalog("pg_user"));
  for (const RoleFacts& r : Roles(scan)) {
    if (!r.login) continue;
    b.Str("usename", r.name).Int("usesysid", r.oid).Bool("usecreatedb", r.super).Bool("usesuper", r.super);
    b.Bool("userepl", r.super).Bool("usebypassrls", r.super).Str("passwd", "********").Null("valuntil");
    b.Emit(out);
  }
}

void GenPgSettings(SystemScan& scan, std::vector<Row>& out) {
  SessionContext* session = scan.exec.eval.session;
  if (session == nullptr) return;
  RowBuilder b(PgCatalog("pg_settings"));
  auto opt = [&](std::string_view col, const std::optional<std::string>& v) {
    if (v) {
      b.Str(col, *v);
    } else {
      b.Null(col);
    }
  };
  for (const SettingRow& s : session->ListSettings()) {
    b.Str("name", s.name).Str("setting", s.setting).Str("category", s.category).Str("short_desc", s.short_desc);
    b.Str("context", s.context).Str("vartype", s.vartype).Str("source", s.source);
    b.Str("boot_val", s.boot_val).Str("reset_val", s.reset_val).Bool("pending_restart", false);
    opt("unit", s.unit);
    opt("min_val", s.min_val);
    opt("max_val", s.max_val);
    if (s.vartype == "enum") b.Set("enumvals", TextArray(s.enumvals));
    b.Emit(out);
  }
}

}  // namespace basalt::engine::sql::system
