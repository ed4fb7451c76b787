// engine/engine.hpp
//
// The engine's front door, the only engine header server/ includes.
//
// An Engine owns one data directory (RocksDB store, catalog, transaction
// manager). Each client connection gets a SqlSession bound to a user and a
// database; the session owns the connection's transaction state and settings.
// Results flow out through a ResultSink so the server can frame them straight
// into its output buffer without intermediate copies.
//
// Thread-safety: Engine is shared by all connections. A SqlSession is used by
// one connection at a time, except RequestCancel(), which may be called from
// any thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/system/backend_activity.hpp"
#include "engine/sql/system/statement_stats.hpp"
#include "engine/storage/store_figures.hpp"

namespace basalt::conf {
class Settings;
}

namespace basalt::engine {

// One column of a result, as RowDescription describes it.
struct ColumnInfo {
  std::string name;
  uint32_t table_oid = 0;
  int16_t attnum = 0;
  uint32_t type_oid = 0;
  int16_t type_len = -1;
  int32_t typmod = -1;
  int16_t format = 0;  // 0 text, 1 binary (extended protocol: as Bind asked)
};

// What Describe reports about a prepared statement.
struct StatementDescription {
  std::vector<uint32_t> param_type_oids;           // ParameterDescription
  std::optional<std::vector<ColumnInfo>> columns;  // RowDescription; nullopt = NoData
};

// One Bind message, in engine terms. Formats: 0 text, 1 binary; an empty
// list means all text, one entry applies to every parameter/column.
struct BindRequest {
  std::string_view portal;
  std::string_view statement;
  const std::vector<int16_t>* param_formats = nullptr;
  const std::vector<std::optional<std::string>>* params = nullptr;  // nullopt = NULL
  const std::vector<int16_t>* result_formats = nullptr;
};

enum class ExecuteOutcome { kComplete, kSuspended };

// One NOTIFY, as NotificationResponse carries it.
struct Notification {
  int32_t process_id = 0;  // the notifying session's backend PID
  std::string channel;
  std::string payload;
};

// Receives the results of the statements a session runs, in order.
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  // The statement returns rows with these columns (RowDescription).
  virtual void Columns(const std::vector<ColumnInfo>& columns) = 0;
  // One row: BeginRow, then one Field or NullField per column, then EndRow.
  virtual void BeginRow(int num_fields) = 0;
  virtual void Field(std::string_view text) = 0;
  virtual void NullField() = 0;
  virtual void EndRow() = 0;
  // The statement finished; `tag` is PostgreSQL's CommandComplete tag ("INSERT 0 3").
  virtual void Complete(std::string_view tag) = 0;
  // The query string held no statement (EmptyQueryResponse).
  virtual void Empty() = 0;
  // A notice (NoticeResponse), e.g. "table does not exist, skipping".
  virtual void Notice(const DbError& notice) = 0;
  // A reported setting changed (ParameterStatus), e.g. after SET application_name.
  virtual void ParameterChanged(std::string_view name, std::string_view value) = 0;

  // ---- COPY sub-protocol (engine/session_copy.cpp drives it) ----
  // The defaults throw 0A000, for sinks that cannot talk to a client.
  // COPY FROM STDIN: send CopyInResponse (format 0 text/CSV, 1 binary).
  virtual void BeginCopyIn(int8_t format, int num_columns);
  // The next CopyData payload into `chunk`; false at CopyDone. Throws DbError
  // 57014 "COPY from stdin failed: <msg>" on CopyFail, 08P01 for other messages.
  virtual bool ReadCopyData(std::string& chunk);
  // COPY TO STDOUT: CopyOutResponse, CopyData per row, CopyDone.
  virtual void BeginCopyOut(int8_t format, int num_columns);
  virtual void CopyData(std::string_view data);
  virtual void EndCopyOut();
};

struct InitOptions {
  std::string superuser = "basalt";
  std::string auth_method = "trust";     // written into hba.conf's rules
  // The superuser's stored password (a SCRAM-SHA-256 verifier made by the caller from
  // --pwfile; never the plaintext), or none.
  std::optional<std::string> password_verifier;
};

struct RoleInfo {
  uint32_t oid = 0;
  std::string name;
  bool superuser = false;
  bool can_login = true;
  std::optional<std::string> password_verifier;  // SCRAM-SHA-256$... or md5...
};

class SqlSession;

// Monitoring figures (server/ turns them into Prometheus metrics). Counters
// count since the engine opened.
struct EngineFigures {
  uint64_t commits = 0;             // commits that wrote data
  uint64_t read_only_commits = 0;
  uint64_t rollbacks = 0;
  uint64_t serialization_failures = 0;  // 40001 raised by the transaction layer
  uint64_t lock_waits = 0;          // row-lock requests that had to wait
  uint64_t deadlocks = 0;           // 40P01 raised
  uint64_t lock_timeouts = 0;       // lock_timeout expiries (55P03)
  uint64_t lock_waiters = 0;        // requests waiting right now
  storage::StoreFigures store;
};

// pg_stat_activity and pg_stat_statements are fed by the server (process-wide stores).
using ActivityFacts = sql::system::ActivityFacts;
using BackendActivity = sql::system::BackendActivity;
using ActivityRegistry = sql::system::ActivityRegistry;
using StatementStats = sql::system::StatementStats;
using NormalizedQuery = sql::system::NormalizedQuery;
using sql::system::NormalizeQuery;

class Engine {
 public:
  virtual ~Engine() = default;

  // Creates a new data directory at `dir`: the RocksDB store with its column
  // families, the superuser role, the databases `postgres` and one named after
  // the superuser. Config files are written by the caller (basalt init).
  // Throws DbError if `dir` already holds a store.
  static void InitDataDir(const std::filesystem::path& dir, const InitOptions& options);

  // True if `dir` holds an initialised Basalt store.
  static bool IsDataDir(const std::filesystem::path& dir);

  // Opens an initialised data directory. Throws DbError with a clear message if
  // it was never initialised or cannot be opened.
  static std::unique_ptr<Engine> Open(const std::filesystem::path& dir, const conf::Settings& server_settings);

  // Looks up a role for authentication; nullopt if it does not exist.
  virtual std::optional<RoleInfo> FindRole(std::string_view name) = 0;

  // Turns a password from CREATE/ALTER ROLE ... PASSWORD into the stored
  // verifier. engine/ does not know SCRAM or md5 (auth/ does), so the server
  // installs this before serving; without it PASSWORD gives 0A000.
  // Arguments: password, role name, password_encryption ("scram-sha-256"/"md5").
  using PasswordVerifierMaker =
      std::function<std::string(std::string_view password, std::string_view role, std::string_view method)>;
  virtual void SetPasswordVerifierMaker(PasswordVerifierMaker maker) = 0;

  // Starts a session for `user` connected to `database`. Throws DbError 3D000
  // if the database does not exist, 28000 if the role does not exist or may not log in.
  virtual std::unique_ptr<SqlSession> Connect(std::string_view user, std::string_view database,
                                              const conf::Settings& session_settings) = 0;

  // Transaction, lock and storage figures for monitoring; cheap enough to call
  // on every scrape. The default reports zeros (test doubles).
  virtual EngineFigures Figures() { return {}; }
};

class SqlSession {
 public:
  virtual ~SqlSession() = default;

  // Runs every statement of a simple-protocol Query message, reporting each
  // result to `sink`. Statements outside an explicit transaction block run in
  // one implicit transaction, as in PostgreSQL. On the first failing statement
  // the rest are skipped and the DbError is thrown; the session has already put
  // its transaction into the right state (implicit: rolled back; explicit: aborted).
  virtual void ExecuteSimple(std::string_view sql, ResultSink& sink) = 0;

  // ---- extended query protocol (also behind SQL PREPARE/EXECUTE) ----
  // Every call may throw DbError; the session has then already put its
  // transaction into the right state (implicit: rolled back; block: failed),
  // and the caller skips to Sync. Statement and portal names are per session;
  // "" is the unnamed one, which Parse/Bind silently replace. Until Sync,
  // statements outside a block share one implicit transaction.
  // The defaults throw 0A000, for engines without the extended protocol.

  // Parse: parses `sql` once (one statement at most) and binds it to infer
  // parameter types (0 in `param_type_oids` = infer) and result columns.
  // 42P05 if a named statement exists.
  virtual StatementDescription Prepare(std::string_view name, std::string_view sql,
                                       const std::vector<uint32_t>& param_type_oids);
  // Describe 'S'. 26000 if the statement does not exist.
  virtual StatementDescription DescribeStatement(std::string_view name);
  // Bind: creates a portal from a statement and parameter values (42P03 if a
  // named portal exists, 08P01 for count mismatches, 22P02/22P03 for bad values).
  virtual void Bind(const BindRequest& request);
  // Describe 'P': result columns with their formats; nullopt = NoData. 34000 if absent.
  virtual std::optional<std::vector<ColumnInfo>> DescribePortal(std::string_view portal);
  // Execute: runs the portal, sending at most `max_rows` rows (0 = all), then
  // Complete (kComplete) or nothing (kSuspended: the portal keeps its state).
  // Never reports Columns: RowDescription comes from Describe.
  virtual ExecuteOutcome Execute(std::string_view portal, int64_t max_rows, ResultSink& sink);
  // Close 'S' / 'P'; closing a name that does not exist is not an error.
  virtual void CloseStatement(std::string_view name);
  virtual void ClosePortal(std::string_view name);
  // Sync: commits the implicit transaction, if any (notices and setting
  // changes go to `sink`).
  virtual void Sync(ResultSink& sink);

  // The session's current value of a setting as SHOW prints it (SET included);
  // nullopt if unknown. The default knows none.
  virtual std::optional<std::string> CurrentSetting(std::string_view) const { return std::nullopt; }

  // 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block.
  virtual char TransactionStatus() const = 0;

  // Settings reported to the client at startup (ParameterStatus), in order.
  virtual std::vector<std::pair<std::string, std::string>> ReportedSettings() const = 0;

  // Asks the running statement to stop with 57014 at its next check. Any thread.
  virtual void RequestCancel() = 0;

  // ---- LISTEN/NOTIFY (engine/session_notify.cpp) ----
  // The PID this session reports in BackendKeyData (sender of its NOTIFYs).
  virtual void SetBackendPid(int32_t) {}
  // Notifications committed to channels this session listens on, oldest first.
  virtual std::vector<Notification> TakeNotifications() { return {}; }
  // `wake` is called (from any thread) when a notification arrives, so the
  // server can deliver it to an idle client. Set it once, before queries.
  virtual void SetNotificationWaker(std::function<void()>) {}

  // Called when the connection ends: rolls back any open transaction.
  virtual void Close() = 0;
};

}  // namespace basalt::engine
