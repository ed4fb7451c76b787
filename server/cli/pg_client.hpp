// server/cli/pg_client.hpp
//
// A minimal PostgreSQL client over libpq for the admin CLI (`basalt backup`):
// one connection, parameterised queries returning one value. libpq keeps the
// usual connection conventions (PGHOST, PGPORT, PGUSER, PGPASSWORD,
// ~/.pgpass, conninfo strings and URIs in --dbname).
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct pg_conn;

namespace basalt::server::cli {

// A failure the CLI reports as "basalt <command>: error: <message>".
struct CliFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ConnectOptions {
  std::string host;
  std::string port;
  std::string user;
  std::string dbname;  // a database name, or a conninfo string / URI
};

class PgClient {
 public:
  explicit PgClient(const ConnectOptions& options);
  ~PgClient();
  PgClient(const PgClient&) = delete;
  PgClient& operator=(const PgClient&) = delete;

  // Runs `sql` with text parameters; returns the first column of the first
  // row (binary format when `binary`), nullopt for NULL. Throws CliFailure
  // with the server's message (and SQLSTATE) on error.
  std::optional<std::string> QueryValue(const std::string& sql, const std::vector<std::string>& params,
                                        bool binary = false);
  bool ok() const;

 private:
  pg_conn* conn_ = nullptr;
};

}  // namespace basalt::server::cli
