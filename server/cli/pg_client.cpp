#include "server/cli/pg_client.hpp"

#include <libpq-fe.h>

namespace basalt::server::cli {

PgClient::PgClient(const ConnectOptions& o) {
  // libpq reads the pointers at connect time: every string they point into
  // must outlive PQconnectdbParams (no temporaries).
  const std::string dbname = o.dbname.empty() ? std::string("postgres") : o.dbname;
  const std::string application_name = "basalt backup";
  std::vector<const char*> keys;
  std::vector<const char*> values;
  auto add = [&](const char* k, const std::string& v) {
    if (!v.empty()) {
      keys.push_back(k);
      values.push_back(v.c_str());
    }
  };
  add("host", o.host);
  add("port", o.port);
  add("user", o.user);
  add("dbname", dbname);
  add("application_name", application_name);
  keys.push_back(nullptr);
  values.push_back(nullptr);
  conn_ = PQconnectdbParams(keys.data(), values.data(), /*expand_dbname=*/1);
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn_);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    PQfinish(conn_);
    conn_ = nullptr;
    throw CliFailure("could not connect to the server: " + msg);
  }
}

PgClient::~PgClient() {
  if (conn_ != nullptr) PQfinish(conn_);
}

bool PgClient::ok() const { return conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK; }

std::optional<std::string> PgClient::QueryValue(const std::string& sql, const std::vector<std::string>& params,
                                                bool binary) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  PGresult* res = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                               nullptr, binary ? 1 : 0);
  std::unique_ptr<PGresult, decltype(&PQclear)> guard(res, &PQclear);
  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    std::string msg = res != nullptr ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    if (msg.starts_with("ERROR:  ")) msg.erase(0, 8);
    if (state != nullptr) msg += std::string(" (SQLSTATE ") + state + ")";
    throw CliFailure(msg.empty() ? std::string("lost the connection to the server") : msg);
  }
  if (PQntuples(res) < 1 || PQnfields(res) < 1) throw CliFailure("the server returned no rows for: " + sql);
  if (PQgetisnull(res, 0, 0)) return std::nullopt;
  return std::string(PQgetvalue(res, 0, 0), static_cast<size_t>(PQgetlength(res, 0, 0)));
}

}  // namespace basalt::server::cli
