// tests/unit/server/fake_engine.hpp
//
// An in-memory Engine double for server tests. Its sessions understand a few
// magic statements:
//   select 1            one int4 row
//   (blank)             EmptyQueryResponse
//   error               42P01 with detail, hint, position
//   fatal               57P01 FATAL
//   boom                std::runtime_error (-> XX000)
//   notice              a NoticeResponse, then DO
//   rows N              N text rows
//   rows_then_error     half a row, then 22012
//   sleep               waits for RequestCancel (57014) or 10 s
//   begin / commit      transaction status T / I
//   set app             ParameterStatus application_name=changed
// Extended protocol: Parse knows "select 1" (int4 column), "rows N" (text
// column, row-limited Execute suspends), "echo $1" (one text parameter,
// echoed), "" (empty), "error" (42P01 at Parse); anything else has no rows
// and completes as "OK".
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "conf/settings.hpp"
#include "engine/engine.hpp"

namespace basalt::test {

using engine::DbError;
using engine::SqlState;

class FakeSession final : public engine::SqlSession {
 public:
  // Sessions currently inside "sleep" (tests wait for it before cancelling).
  static inline std::atomic<int> sleeping{0};

  explicit FakeSession(std::string application_name) : application_name_(std::move(application_name)) {}

  void ExecuteSimple(std::string_view sql, engine::ResultSink& sink) override {
    cancel_ = false;
    std::string s(sql);
    if (s.find_first_not_of(" \t\n;") == std::string::npos) {
      sink.Empty();
    } else if (s == "select 1") {
      sink.Columns({engine::ColumnInfo{"?column?", 0, 0, 23, 4, -1}});
      sink.BeginRow(1);
      sink.Field("1");
      sink.EndRow();
      sink.Complete("SELECT 1");
    } else if (s == "error") {
      throw DbError(SqlState::kUndefinedTable, "relation \"t\" does not exist")
          .WithDetail("d")
          .WithHint("h")
          .WithPosition(15);
    } else if (s == "fatal") {
      throw DbError(SqlState::kAdminShutdown, "bye").WithSeverity(engine::Severity::kFatal);
    } else if (s == "boom") {
      throw std::runtime_error("boom");
    } else if (s == "notice") {
      sink.Notice(DbError(SqlState::kSuccessfulCompletion, "hello").WithSeverity(engine::Severity::kNotice));
      sink.Complete("DO");
    } else if (s.rfind("rows ", 0) == 0) {
      int n = std::stoi(s.substr(5));
      sink.Columns({engine::ColumnInfo{"v", 0, 0, 25, -1, -1}});
      for (int i = 0; i < n; ++i) {
        sink.BeginRow(2);
        sink.Field("row " + std::to_string(i));
        sink.NullField();
        sink.EndRow();
      }
      sink.Complete("SELECT " + std::to_string(n));
    } else if (s == "rows_then_error") {
      sink.Columns({engine::ColumnInfo{"v", 0, 0, 25, -1, -1}});
      sink.BeginRow(1);
      sink.Field("ok");
      sink.EndRow();
      sink.BeginRow(1);
      throw DbError(SqlState::kDivisionByZero, "division by zero");
    } else if (s == "sleep") {
      ++sleeping;
      struct Done {
        ~Done() { --sleeping; }
      } done;
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (!cancel_ && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
      throw DbError(SqlState::kQueryCanceled, "canceling statement due to user request");
    } else if (s == "begin") {
      status_ = 'T';
      sink.Complete("BEGIN");
    } else if (s == "commit") {
      status_ = 'I';
      sink.Complete("COMMIT");
    } else if (s == "set app") {
      sink.ParameterChanged("application_name", "changed");
      sink.Complete("SET");
    } else {
      throw DbError(SqlState::kSyntaxError, "syntax error at or near \"" + s + "\"");
    }
  }

  engine::StatementDescription Prepare(std::string_view name, std::string_view sql,
                                       const std::vector<uint32_t>&) override {
    std::string s(sql);
    if (s == "error") throw DbError(SqlState::kUndefinedTable, "relation \"t\" does not exist");
    if (!name.empty() && statements_.count(std::string(name))) {
      throw DbError(SqlState::kDuplicatePstatement, "prepared statement \"" + std::string(name) + "\" already exists");
    }
    statements_[std::string(name)] = s;
    return DescribeStatement(name);
  }
  engine::StatementDescription DescribeStatement(std::string_view name) override {
    auto it = statements_.find(std::string(name));
    if (it == statements_.end()) {
      throw DbError(SqlState::kInvalidSqlStatementName, "prepared statement \"" + std::string(name) + "\" does not exist");
    }
    engine::StatementDescription d;
    d.columns = ColumnsOf(it->second);
    if (it->second == "echo $1") d.param_type_oids = {25};
    return d;
  }
  void Bind(const engine::BindRequest& r) override {
    auto d = DescribeStatement(r.statement);
    if (r.params->size() != d.param_type_oids.size()) {
      throw DbError(SqlState::kProtocolViolation, "bind message supplies wrong number of parameters");
    }
    FakePortal p;
    p.sql = statements_[std::string(r.statement)];
    if (!r.params->empty()) p.param = r.params->at(0);
    p.binary = !r.result_formats->empty() && r.result_formats->at(0) == 1;
    portals_[std::string(r.portal)] = p;
  }
  std::optional<std::vector<engine::ColumnInfo>> DescribePortal(std::string_view name) override {
    auto it = portals_.find(std::string(name));
    if (it == portals_.end()) throw DbError(SqlState::kInvalidCursorName, "portal does not exist");
    auto cols = ColumnsOf(it->second.sql);
    if (cols && it->second.binary) (*cols)[0].format = 1;
    return cols;
  }
  engine::ExecuteOutcome Execute(std::string_view name, int64_t max_rows, engine::ResultSink& sink) override {
    auto it = portals_.find(std::string(name));
    if (it == portals_.end()) throw DbError(SqlState::kInvalidCursorName, "portal does not exist");
    FakePortal& p = it->second;
    if (p.sql.empty()) {
      sink.Empty();
    } else if (p.sql == "select 1") {
      sink.BeginRow(1);
      sink.Field("1");
      sink.EndRow();
      sink.Complete("SELECT 1");
    } else if (p.sql == "echo $1") {
      sink.BeginRow(1);
      if (p.param) {
        sink.Field(*p.param);
      } else {
        sink.NullField();
      }
      sink.EndRow();
      sink.Complete("SELECT 1");
    } else if (p.sql.rfind("rows ", 0) == 0) {
      int n = std::stoi(p.sql.substr(5));
      int64_t sent = 0;
      while (p.pos < n && (max_rows == 0 || sent < max_rows)) {
        sink.BeginRow(1);
        sink.Field("row " + std::to_string(p.pos++));
        sink.EndRow();
        ++sent;
      }
      if (p.pos < n) return engine::ExecuteOutcome::kSuspended;
      sink.Complete("SELECT " + std::to_string(sent));
    } else {
      sink.Complete("OK");
    }
    return engine::ExecuteOutcome::kComplete;
  }
  void CloseStatement(std::string_view name) override { statements_.erase(std::string(name)); }
  void ClosePortal(std::string_view name) override { portals_.erase(std::string(name)); }
  void Sync(engine::ResultSink&) override { ++syncs; }

  char TransactionStatus() const override { return status_; }
  int syncs = 0;

  std::vector<std::pair<std::string, std::string>> ReportedSettings() const override {
    return {{"server_version", "15.0 (Basalt test)"}, {"client_encoding", "UTF8"},
            {"application_name", application_name_}};
  }

  void RequestCancel() override { cancel_ = true; }
  void Close() override { status_ = 'I'; }

 private:
  struct FakePortal {
    std::string sql;
    std::optional<std::string> param;
    bool binary = false;
    int pos = 0;
  };
  static std::optional<std::vector<engine::ColumnInfo>> ColumnsOf(const std::string& sql) {
    if (sql == "select 1") return std::vector<engine::ColumnInfo>{{"?column?", 0, 0, 23, 4, -1}};
    if (sql == "echo $1" || sql.rfind("rows ", 0) == 0) {
      return std::vector<engine::ColumnInfo>{{"v", 0, 0, 25, -1, -1}};
    }
    return std::nullopt;
  }
  std::map<std::string, std::string> statements_;
  std::map<std::string, FakePortal> portals_;
  std::string application_name_;
  std::atomic<bool> cancel_{false};
  std::atomic<char> status_{'I'};
};

class FakeEngine final : public engine::Engine {
 public:
  std::optional<engine::RoleInfo> FindRole(std::string_view) override { return std::nullopt; }
  void SetPasswordVerifierMaker(PasswordVerifierMaker) override {}

  std::unique_ptr<engine::SqlSession> Connect(std::string_view user, std::string_view database,
                                              const conf::Settings& settings) override {
    if (database == "nodb") throw DbError(SqlState::kInvalidCatalogName, "database \"nodb\" does not exist");
    ++connects;
    return std::make_unique<FakeSession>(settings.Get("application_name").value_or(""));
  }

  std::atomic<int> connects{0};
};

}  // namespace basalt::test
