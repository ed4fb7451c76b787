// Observability helpers: command tags, the HTTP side port's routing, statement
// classes for log_statement, password redaction, JSON log lines, the exposition.
#include <catch2/catch.hpp>

#include <spdlog/details/log_msg.h>

#include "server/log_setup.hpp"
#include "server/metrics_http.hpp"
#include "server/server_metrics.hpp"
#include "server/statement_log.hpp"

using namespace basalt::server;

TEST_CASE("command tags map to command kinds and row counts", "[server][metrics]") {
  REQUIRE(CommandKindOfTag("INSERT 0 3") == CommandKind::kInsert);
  REQUIRE(CommandKindOfTag("SELECT 10") == CommandKind::kSelect);
  REQUIRE(CommandKindOfTag("CREATE TABLE") == CommandKind::kDdl);
  REQUIRE(CommandKindOfTag("BEGIN") == CommandKind::kBegin);
  REQUIRE(CommandKindOfTag("ROLLBACK") == CommandKind::kRollback);
  REQUIRE(CommandKindOfTag("SET") == CommandKind::kUtility);
  REQUIRE(RowsOfTag("INSERT 0 3") == 3);
  REQUIRE(RowsOfTag("UPDATE 12") == 12);
  REQUIRE(RowsOfTag("CREATE TABLE") == 0);
  REQUIRE(RowsOfTag("BEGIN") == 0);
}

TEST_CASE("the metrics side port routes /metrics, /health and /ready", "[server][metrics]") {
  auto body = [] { return std::string("basalt_up 1\n"); };
  std::string r = MetricsHttpResponse("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", true, body);
  REQUIRE(r.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  REQUIRE(r.find("text/plain; version=0.0.4") != std::string::npos);
  REQUIRE(r.find("\r\n\r\nbasalt_up 1\n") != std::string::npos);
  REQUIRE(MetricsHttpResponse("GET /health HTTP/1.1\r\n\r\n", false, body).rfind("HTTP/1.1 200", 0) == 0);
  REQUIRE(MetricsHttpResponse("GET /ready HTTP/1.1\r\n\r\n", true, body).rfind("HTTP/1.1 200", 0) == 0);
  REQUIRE(MetricsHttpResponse("GET /ready HTTP/1.1\r\n\r\n", false, body).rfind("HTTP/1.1 503", 0) == 0);
  REQUIRE(MetricsHttpResponse("GET /metrics?x=1 HTTP/1.1\r\n\r\n", true, body).rfind("HTTP/1.1 200", 0) == 0);
  REQUIRE(MetricsHttpResponse("GET /other HTTP/1.1\r\n\r\n", true, body).rfind("HTTP/1.1 404", 0) == 0);
  REQUIRE(MetricsHttpResponse("POST /metrics HTTP/1.1\r\n\r\n", true, body).rfind("HTTP/1.1 405", 0) == 0);
  REQUIRE(MetricsHttpResponse("garbage\r\n\r\n", true, body).rfind("HTTP/1.1 400", 0) == 0);
  std::string head = MetricsHttpResponse("HEAD /metrics HTTP/1.1\r\n\r\n", true, body);
  REQUIRE(head.find("Content-Length: 12\r\n") != std::string::npos);
  REQUIRE(head.substr(head.size() - 4) == "\r\n\r\n");  // no body
}

TEST_CASE("log_statement classes follow PostgreSQL", "[server][log]") {
  REQUIRE(ClassifyStatement("CREATE TABLE t (a int)") == StatementClass::kDdl);
  REQUIRE(ClassifyStatement("  /* c */ alter role x password 'y'") == StatementClass::kDdl);
  REQUIRE(ClassifyStatement("INSERT INTO t VALUES (1)") == StatementClass::kMod);
  REQUIRE(ClassifyStatement("TRUNCATE t") == StatementClass::kMod);
  REQUIRE(ClassifyStatement("COPY t FROM STDIN") == StatementClass::kMod);
  REQUIRE(ClassifyStatement("COPY t TO STDOUT") == StatementClass::kAll);
  REQUIRE(ClassifyStatement("SELECT 'CREATE TABLE'") == StatementClass::kAll);
  REQUIRE(ClassifyStatement("SELECT 1; DROP TABLE t") == StatementClass::kDdl);
  REQUIRE(ClassifyStatement("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x") == StatementClass::kMod);
  REQUIRE(ClassifyStatement("EXPLAIN ANALYZE UPDATE t SET a = 1") == StatementClass::kMod);
  REQUIRE(ClassifyStatement("EXPLAIN UPDATE t SET a = 1") == StatementClass::kAll);
  REQUIRE(ClassifyStatement("PREPARE p AS INSERT INTO t VALUES ($1)") == StatementClass::kMod);
  REQUIRE(LogStatementWants("none", StatementClass::kDdl) == false);
  REQUIRE(LogStatementWants("ddl", StatementClass::kDdl));
  REQUIRE_FALSE(LogStatementWants("ddl", StatementClass::kMod));
  REQUIRE(LogStatementWants("mod", StatementClass::kDdl));
  REQUIRE(LogStatementWants("mod", StatementClass::kMod));
  REQUIRE_FALSE(LogStatementWants("mod", StatementClass::kAll));
  REQUIRE(LogStatementWants("all", StatementClass::kAll));
}

TEST_CASE("passwords never reach the log", "[server][log]") {
  REQUIRE(RedactPasswords("ALTER ROLE x PASSWORD 'secret'") == "ALTER ROLE x PASSWORD '********'");
  REQUIRE(RedactPasswords("create user u with login password E'se\\'cret' valid until 'x'") ==
          "create user u with login password '********' valid until 'x'");
  REQUIRE(RedactPasswords("ALTER USER u PASSWORD $$a'b$$") == "ALTER USER u PASSWORD '********'");
  REQUIRE(RedactPasswords("ALTER ROLE x PASSWORD NULL") == "ALTER ROLE x PASSWORD NULL");
  REQUIRE(RedactPasswords("SELECT 'password' AS x") == "SELECT 'password' AS x");
  REQUIRE(RedactPasswords("SELECT 1") == "SELECT 1");
}

TEST_CASE("JSON log lines escape the message", "[server][log]") {
  std::string out;
  AppendJsonEscaped("a\"b\\c\nd\x01", out);
  REQUIRE(out == "a\\\"b\\\\c\\nd\\u0001");
  JsonLogFormatter f;
  spdlog::details::log_msg msg("server", spdlog::level::info, "conn 7: statement: SELECT \"x\"");
  spdlog::memory_buf_t buf;
  f.format(msg, buf);
  std::string line(buf.data(), buf.size());
  REQUIRE(line.find("\"level\":\"info\"") != std::string::npos);
  REQUIRE(line.find("\"logger\":\"server\"") != std::string::npos);
  REQUIRE(line.find("\"conn\":7,\"message\":\"statement: SELECT \\\"x\\\"\"}\n") != std::string::npos);
}

TEST_CASE("the exposition counts completions by command", "[server][metrics]") {
  ServerMetrics m;
  REQUIRE(m.CountCompletion("INSERT 0 5", false) == 5);
  m.CountCompletion("COPY 4", true);
  m.CountError("42P01");
  m.ObserveStatement(0.002);
  std::string text = m.Exposition();
  REQUIRE(text.find("# TYPE basalt_statements_total counter") != std::string::npos);
  REQUIRE(text.find("basalt_statements_total{command=\"insert\"} 1") != std::string::npos);
  REQUIRE(text.find("basalt_rows_total{operation=\"written\"} 5") != std::string::npos);
  REQUIRE(text.find("basalt_copy_rows_total{direction=\"in\"} 4") != std::string::npos);
  REQUIRE(text.find("basalt_errors_total{class=\"42\"} 1") != std::string::npos);
  REQUIRE(text.find("basalt_statement_duration_seconds_count 1") != std::string::npos);
  REQUIRE(text.find("basalt_up 0") != std::string::npos);
  REQUIRE(text.find("basalt_process_resident_memory_bytes") != std::string::npos);
}
