// engine/session.hpp
//
// One client session: its settings, its transaction and the transaction-block
// state machine PostgreSQL defines (idle, implicit transaction for a
// multi-statement query string, explicit block after BEGIN, failed block after
// an error until ROLLBACK).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "conf/settings.hpp"
#include "engine/catalog/catalog_defs.hpp"
#include "engine/engine.hpp"
#include "engine/session_services.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/binder/binder.hpp"  // sql::BoundDml, sql::OutputColumn
#include "engine/sql/exec/executor.hpp"  // sql::Row
#include "engine/sql/parser/ast.hpp"
#include "engine/sql/types/datetime_text.hpp"
#include "engine/sql/types/regclass.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine {
namespace sql {
struct BoundQuery;
}
namespace copy {
struct CopyOptions;
}

class EngineImpl;

// RowDescription columns of a bound query.
std::vector<ColumnInfo> ColumnsOf(const sql::BoundQuery& q);
std::vector<ColumnInfo> ColumnsOf(const std::vector<sql::OutputColumn>& columns);
// Sends one DataRow of `row` (the first columns.size() values): column i in
// binary when formats[i].format is 1, else text (all text when `formats` is
// null). `scratch` is reused across rows so fields do not allocate.
void SendRow(const sql::Row& row, const std::vector<sql::OutputColumn>& columns,
             const std::vector<ColumnInfo>* formats, const sql::FormatOptions& opts, std::string& scratch,
             ResultSink& sink);
struct PreparedStatement;
struct Portal;

class Session final : public SqlSession, public sql::SessionContext {
 public:
  Session(EngineImpl& engine, catalog::RoleDef user, catalog::DatabaseDef database, const conf::Settings& settings);
  ~Session() override;

  void ExecuteSimple(std::string_view sql, ResultSink& sink) override;
  char TransactionStatus() const override;
  std::vector<std::pair<std::string, std::string>> ReportedSettings() const override;
  void RequestCancel() override { cancel_.store(true); }
  void Close() override;

  // sql::SessionContext: what SQL functions may ask of the session.
  std::string current_user() const override { return user_.name; }
  std::string session_user() const override { return user_.name; }
  std::string database() const override { return database_.name; }
  std::optional<std::string> GetSetting(std::string_view name) const override;
  std::optional<std::string> CurrentSetting(std::string_view name) const override { return GetSetting(name); }
  std::string SetSetting(std::string_view name, std::string_view value, bool is_local) override;
  sql::SessionSequences* sequence_state() override { return &sequences_; }
  uint32_t database_oid() const override { return database_.oid; }
  // pg_settings rows (session_catalog_info.cpp).
  std::vector<sql::SettingRow> ListSettings() const override;
  int32_t backend_pid() const override { return backend_pid_; }

  // Extended query protocol (session_extended.cpp).
  StatementDescription Prepare(std::string_view name, std::string_view sql,
                               const std::vector<uint32_t>& param_type_oids) override;
  StatementDescription DescribeStatement(std::string_view name) override;
  void Bind(const BindRequest& request) override;
  std::optional<std::vector<ColumnInfo>> DescribePortal(std::string_view portal) override;
  ExecuteOutcome Execute(std::string_view portal, int64_t max_rows, ResultSink& sink) override;
  void CloseStatement(std::string_view name) override;
  void ClosePortal(std::string_view name) override;
  void Sync(ResultSink& sink) override;

  // LISTEN/NOTIFY and advisory locks (session_notify.cpp).
  void SetBackendPid(int32_t pid) override { backend_pid_ = pid; }
  std::vector<Notification> TakeNotifications() override;
  void SetNotificationWaker(std::function<void()> wake) override;
  void Notify(std::string_view channel, std::string_view payload) override;
  bool AdvisoryLock(int64_t key, int space, bool shared, bool xact, bool wait) override;
  bool AdvisoryUnlock(int64_t key, int space, bool shared) override;
  void AdvisoryUnlockAll() override;

 private:
  enum class BlockState { kIdle, kImplicit, kBlock, kFailed };

  void RunStatement(const sql::ast::Statement& stmt, std::string_view sql, bool multi, ResultSink& sink);
  void RunTransactionStmt(const sql::ast::TransactionStmt& stmt, ResultSink& sink);
  void RunSet(const sql::ast::VariableSetStmt& stmt, ResultSink& sink);
  void RunShow(const sql::ast::VariableShowStmt& stmt, ResultSink& sink);
  void RunCreateDatabase(const sql::ast::CreateDatabaseStmt& stmt, bool multi, ResultSink& sink);
  void RunDropDatabase(const sql::ast::DropDatabaseStmt& stmt, bool multi, ResultSink& sink);
  // session_vacuum.cpp: VACUUM [ANALYZE] and ANALYZE.
  void RunVacuum(const sql::ast::VacuumStmt& stmt, bool multi, ResultSink& sink);
  void RunQuery(const sql::ast::SelectStmt& stmt, ResultSink& sink);
  // session_dml.cpp: runs a bound INSERT/UPDATE/DELETE and reports its rows
  // (RETURNING; with RowDescription first when `describe`, in the formats of
  // `formats` when given) and its command tag.
  void RunDml(const sql::BoundDml& dml, sql::ExecContext& ctx, bool describe,
              const std::vector<ColumnInfo>* formats, ResultSink& sink);
  // session_role.cpp: CREATE/ALTER/DROP ROLE (and USER).
  void RunCreateRole(const sql::ast::CreateRoleStmt& stmt, ResultSink& sink);
  void RunAlterRole(const sql::ast::AlterRoleStmt& stmt, ResultSink& sink);
  void RunDropRole(const sql::ast::DropStmt& stmt, ResultSink& sink);

  // session_cursor.cpp
  void RunDeclareCursor(const sql::ast::DeclareCursorStmt& stmt, std::string_view sql, bool multi, ResultSink& sink);
  void RunFetch(const sql::ast::FetchStmt& stmt, ResultSink& sink);
  void RunClosePortal(const sql::ast::ClosePortalStmt& stmt, ResultSink& sink);
  void MaterializeCursor(Portal& portal);
  // Commit: WITH HOLD cursors are materialized and kept, every other portal ends.
  void PrepareCursorsForCommit();
  // Rollback: only holdable cursors of earlier transactions survive.
  void DropCursorsAtAbort();
  void EmitCursorRow(const Portal& portal, const sql::Row& row, ResultSink& sink);
  int64_t StreamForward(Portal& portal, int64_t count, ResultSink* sink);

  // session_notify.cpp
  void RunListen(const sql::ast::ListenStmt& stmt, ResultSink& sink);
  void RunNotify(const sql::ast::NotifyStmt& stmt, ResultSink& sink);
  SessionServices& services();
  uint64_t owner_id() const;
  void EnsureInbox();
  void ServicesAtCommit();  // after a successful commit: LISTENs apply, NOTIFYs go out
  void ServicesAtAbort();
  void ServicesAtClose();

  // session_copy.cpp
  void RunCopy(const sql::ast::CopyStmt& stmt, ResultSink& sink);
  void CopyFrom(const sql::ast::CopyStmt& stmt, const copy::CopyOptions& options, ResultSink& sink);
  void CopyTo(const sql::ast::CopyStmt& stmt, const copy::CopyOptions& options, ResultSink& sink);

  // Starts a transaction for the next statement if none is open.
  void EnsureTransaction();
  void BeginTransaction(BlockState state, const std::vector<sql::ast::TransactionOption>& options);
  void ApplyTransactionOptions(const std::vector<sql::ast::TransactionOption>& options);
  void CommitTransaction();
  void AbortTransaction();
  // A statement failed inside an explicit block: enter the failed state
  // (25P02 until ROLLBACK) and, without savepoints, roll the transaction back
  // now so its row locks are released at the error, as in PostgreSQL.
  void FailBlock();
  void SendReportChanges(ResultSink& sink);

  // session_extended.cpp
  // Runs `body`; on DbError fixes positions against `sql` and the transaction
  // state (implicit: rolled back; block: failed), then rethrows.
  template <class F>
  auto GuardExtended(std::string_view sql, F&& body) -> decltype(body());
  std::shared_ptr<PreparedStatement> PrepareStatement(std::string_view sql,
                                                             const std::vector<uint32_t>& param_type_oids);
  // Parse analysis: result columns and parameter types (kUnknown = infer).
  std::shared_ptr<PreparedStatement> AnalyzeStatement(std::string_view sql,
                                                      std::shared_ptr<const sql::ast::Statement> parsed,
                                                      std::vector<sql::Type> types);
  std::shared_ptr<Portal> MakePortal(const std::shared_ptr<const PreparedStatement>& stmt,
                                     std::vector<sql::Value> params, const std::vector<int16_t>& result_formats);
  // PREPARE / EXECUTE / DEALLOCATE / DISCARD; false if `stmt` is none of them.
  bool RunPreparedStmt(const sql::ast::Statement& stmt, std::string_view sql, ResultSink& sink);
  ExecuteOutcome RunPortal(Portal& portal, int64_t max_rows, ResultSink& sink);
  void CheckNotFailed(const sql::ast::Statement* stmt) const;
  std::shared_ptr<const PreparedStatement> FindStatement(std::string_view name) const;

  EngineImpl& engine_;
  catalog::RoleDef user_;
  catalog::DatabaseDef database_;
  conf::Settings settings_;
  std::unique_ptr<txn::Transaction> txn_;
  BlockState state_ = BlockState::kIdle;
  int guc_level_ = 0;
  struct NamedSavepoint {
    std::string name;
    txn::SavepointId id;
    int guc_level;
  };
  std::vector<NamedSavepoint> savepoints_;
  std::atomic<bool> cancel_{false};
  // TimeZone, DateStyle order and transaction start for date/time work; kept in
  // step with settings_ by RefreshDateTime() and installed on the executing
  // thread for each statement.
  sql::datetime::DateTimeSettings datetime_;
  std::string datetime_zone_name_;
  void RefreshDateTime();
  // Points a statement's execution context at this session's transaction,
  // catalog, cancel flag and output settings.
  void InitExecContext(sql::ExecContext& ctx);
  std::map<std::string, std::shared_ptr<const PreparedStatement>, std::less<>> statements_;
  // shared_ptr: a running Execute keeps its portal alive when COMMIT drops them all.
  std::map<std::string, std::shared_ptr<Portal>, std::less<>> portals_;
  bool closed_ = false;

  // session_notify.cpp
  int32_t backend_pid_ = 0;
  std::vector<std::pair<bool, std::string>> pending_listen_;  // (unlisten, channel) until commit
  std::vector<Notification> pending_notifies_;
  std::shared_ptr<NotificationHub::Inbox> inbox_;
  std::function<void()> waker_;
  bool advisory_session_held_ = false;
  bool advisory_xact_held_ = false;
  ResultSink* notice_sink_ = nullptr;  // the running statement's sink, for WARNINGs from functions
  sql::SessionSequences sequences_;
  // regclass input/output at this session's snapshot, installed per statement.
  std::unique_ptr<sql::RelationResolver> relation_resolver_;
};

}  // namespace basalt::engine
