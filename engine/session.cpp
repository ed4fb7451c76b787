#include "engine/session.hpp"

#include <chrono>

#include <fmt/format.h>

#include "engine/catalog/relation_resolver.hpp"
#include "engine/sql/system/system_relation_resolver.hpp"
#include "engine/catalog/search_path.hpp"
#include "engine/engine_impl.hpp"
#include "engine/prepared_statement.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/exec/ddl_dispatch.hpp"
#include "engine/sql/exec/ddl_executor.hpp"
#include "engine/sql/exec/index_ddl.hpp"
#include "engine/sql/exec/dml_executor.hpp"
#include "engine/sql/exec/executor.hpp"
#include "engine/sql/parser/parser.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/text_io.hpp"
#include "engine/sql/types/time_zone.hpp"

namespace basalt::engine {
namespace {

using sql::ast::TransactionKind;

DbError SettingError(const conf::SetResult& r) {
  SqlState code = SqlState::kInvalidParameterValue;
  switch (r.status) {
    case conf::SetResult::Status::kUnknownName: code = SqlState::kUndefinedObject; break;
    case conf::SetResult::Status::kInvalidValue: code = SqlState::kInvalidParameterValue; break;
    case conf::SetResult::Status::kCannotChange: code = SqlState::kCantChangeRuntimeParam; break;
    case conf::SetResult::Status::kPermissionDenied: code = SqlState::kInsufficientPrivilege; break;
    case conf::SetResult::Status::kOk: break;
  }
  DbError err(code, r.message);
  if (!r.detail.empty()) err.WithDetail(r.detail);
  if (!r.hint.empty()) err.WithHint(r.hint);
  return err;
}

void CheckSet(const conf::SetResult& r) {
  if (!r.ok()) throw SettingError(r);
}

txn::IsolationLevel ParseIsolation(std::string_view v) {
  if (v == "serializable") return txn::IsolationLevel::kSerializable;
  if (v == "repeatable read") return txn::IsolationLevel::kRepeatableRead;
  return txn::IsolationLevel::kReadCommitted;  // read committed, read uncommitted
}

DbError Warning(SqlState code, std::string message) {
  return DbError(code, std::move(message)).WithSeverity(Severity::kWarning);
}

// Error positions inside the engine are 1-based byte offsets; clients get
// PostgreSQL's 1-based character positions.
void FixPosition(DbError& err, std::string_view sql) {
  if (err.position()) err.WithPosition(CharPosition(sql, *err.position() - 1));
}

const char* StatementTag(const sql::ast::Statement& stmt) {
  return std::visit(
      [](const auto& s) -> const char* {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, sql::ast::CreateTableStmt>) return "CREATE TABLE";
        if constexpr (std::is_same_v<T, sql::ast::DropStmt>) {
          return s.kind == sql::ast::ObjectKind::kIndex ? "DROP INDEX" : "DROP TABLE";
        }
        if constexpr (std::is_same_v<T, sql::ast::CreateIndexStmt>) return "CREATE INDEX";
        return "";
      },
      stmt.body);
}

}  // namespace

Session::Session(EngineImpl& engine, catalog::RoleDef user, catalog::DatabaseDef database,
                 const conf::Settings& settings)
    : engine_(engine), user_(std::move(user)), database_(std::move(database)), settings_(settings) {
  settings_.Set("is_superuser", user_.superuser ? "on" : "off", conf::SettingSource::kOverride);
  settings_.Set("session_authorization", user_.name, conf::SettingSource::kOverride);
  engine_.SessionOpened(database_.oid);
  relation_resolver_ = std::make_unique<sql::system::SystemRelationResolver>(engine_.catalog(), txn_, database_.oid);
}

Session::~Session() { Close(); }

void Session::Close() {
  if (closed_) return;
  closed_ = true;
  try {
    if (txn_) AbortTransaction();
    ServicesAtClose();
  } catch (...) {
    // Closing must not throw; an open transaction's buffered writes simply vanish.
  }
  engine_.SessionClosed(database_.oid);
}

char Session::TransactionStatus() const {
  switch (state_) {
    case BlockState::kIdle:
    case BlockState::kImplicit: return 'I';
    case BlockState::kBlock: return 'T';
    case BlockState::kFailed: return 'E';
  }
  return 'I';
}

std::vector<std::pair<std::string, std::string>> Session::ReportedSettings() const {
  return settings_.ReportedValues();
}

void Session::SendReportChanges(ResultSink& sink) {
  for (const auto& [name, value] : settings_.TakeReportChanges()) sink.ParameterChanged(name, value);
}

void Session::ApplyTransactionOptions(const std::vector<sql::ast::TransactionOption>& options) {
  for (const auto& o : options) {
    if (o.name == "transaction_isolation") {
      CheckSet(settings_.Set("transaction_isolation", o.value, conf::SettingSource::kSession, conf::SetScope::kLocal));
      txn_->SetIsolation(ParseIsolation(settings_.GetString("transaction_isolation")));
    } else if (o.name == "transaction_read_only") {
      CheckSet(settings_.Set("transaction_read_only", o.value, conf::SettingSource::kSession, conf::SetScope::kLocal));
      txn_->SetReadOnly(settings_.GetBool("transaction_read_only"));
    } else if (o.name == "transaction_deferrable") {
      CheckSet(settings_.Set("transaction_deferrable", o.value, conf::SettingSource::kSession, conf::SetScope::kLocal));
    }
  }
}

void Session::BeginTransaction(BlockState state, const std::vector<sql::ast::TransactionOption>& options) {
  auto isolation = ParseIsolation(settings_.GetString("default_transaction_isolation"));
  bool read_only = settings_.GetBool("default_transaction_read_only");
  txn_ = engine_.txns().Begin(isolation, read_only);
  txn_->SetCancelFlag(&cancel_);
  txn_->SetLockTimeout(std::chrono::milliseconds(settings_.GetInt("lock_timeout")));
  txn_->SetDeadlockTimeout(std::chrono::milliseconds(settings_.GetInt("deadlock_timeout")));
  txn_->SetSynchronousCommit(settings_.GetString("synchronous_commit") != "off");
  guc_level_ = settings_.PushNestLevel();
  {
    using namespace std::chrono;
    constexpr int64_t kUnixToPostgresMicros = 946684800LL * 1000000LL;
    datetime_.transaction_start =
        duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() - kUnixToPostgresMicros;
  }
  settings_.Set("transaction_isolation", txn::IsolationLevelName(isolation), conf::SettingSource::kSession,
                conf::SetScope::kLocal);
  settings_.Set("transaction_read_only", read_only ? "on" : "off", conf::SettingSource::kSession,
                conf::SetScope::kLocal);
  state_ = state;
  ApplyTransactionOptions(options);
}

void Session::EnsureTransaction() {
  if (!txn_) BeginTransaction(BlockState::kImplicit, {});
}

void Session::CommitTransaction() {
  PrepareCursorsForCommit();  // portals end with their transaction (their executors point into it)
  auto txn = std::move(txn_);
  state_ = BlockState::kIdle;
  savepoints_.clear();
  try {
    txn->Commit();
  } catch (...) {
    settings_.PopNestLevel(guc_level_, /*commit=*/false);
    ServicesAtAbort();
    throw;
  }
  settings_.PopNestLevel(guc_level_, /*commit=*/true);
  ServicesAtCommit();
}

void Session::AbortTransaction() {
  DropCursorsAtAbort();
  auto txn = std::move(txn_);
  state_ = BlockState::kIdle;
  savepoints_.clear();
  ServicesAtAbort();
  if (txn) {
    settings_.PopNestLevel(guc_level_, /*commit=*/false);
    txn->Rollback();
  }
}

// PostgreSQL aborts the transaction at the error (AbortTransaction releases its
// locks) and only waits for the client's ROLLBACK to leave the block. Keeping
// the row locks until then made other sessions wait on a transaction that can
// no longer commit: the winner of a deadlock waited for the victim's client,
// and an updater queued behind a 40001 victim stalled (tests/server/
// anomalies.py: deadlock, locks_released_at_error). With savepoints, ROLLBACK
// TO may resume the block, so the transaction and its locks are kept.
void Session::FailBlock() {
  state_ = BlockState::kFailed;
  if (txn_ && savepoints_.empty()) txn_->Rollback();
}

void Session::RefreshDateTime() {
  std::string zone = settings_.GetString("TimeZone");
  if (zone != datetime_zone_name_) {
    datetime_.time_zone = sql::datetime::TimeZoneFromSetting(zone);
    datetime_zone_name_ = zone;
  }
  std::string style = settings_.GetString("DateStyle");
  if (style.find("DMY") != std::string::npos) {
    datetime_.date_order = sql::datetime::DateOrder::kDMY;
  } else if (style.find("YMD") != std::string::npos) {
    datetime_.date_order = sql::datetime::DateOrder::kYMD;
  } else {
    datetime_.date_order = sql::datetime::DateOrder::kMDY;
  }
}

void Session::InitExecContext(sql::ExecContext& ctx) {
  ctx.eval.session = this;
  ctx.txn = txn_.get();
  ctx.catalog = &engine_.catalog();
  ctx.cancel = &cancel_;
  ctx.eval.extra_float_digits = static_cast<int>(settings_.GetInt("extra_float_digits"));
}

std::vector<ColumnInfo> ColumnsOf(const sql::BoundQuery& q) { return ColumnsOf(q.columns); }

std::vector<ColumnInfo> ColumnsOf(const std::vector<sql::OutputColumn>& out) {
  std::vector<ColumnInfo> columns;
  columns.reserve(out.size());
  for (const auto& c : out) {
    ColumnInfo info;
    info.name = c.name;
    info.table_oid = c.table_oid;
    info.attnum = c.attnum;
    info.type_oid = sql::TypeOid(c.type);
    info.type_len = sql::TypeLength(c.type.id);
    info.typmod = c.type.typmod;
    columns.push_back(std::move(info));
  }
  return columns;
}

void SendRow(const sql::Row& row, const std::vector<sql::OutputColumn>& columns,
             const std::vector<ColumnInfo>* formats, const sql::FormatOptions& opts, std::string& scratch,
             ResultSink& sink) {
  sink.BeginRow(static_cast<int>(columns.size()));
  for (size_t i = 0; i < columns.size(); ++i) {
    if (row[i].is_null()) {
      sink.NullField();
      continue;
    }
    scratch.clear();
    if (formats != nullptr && i < formats->size() && (*formats)[i].format == 1) {
      sql::AppendBinary(row[i], columns[i].type, scratch);
    } else {
      sql::AppendText(row[i], columns[i].type, scratch, opts);
    }
    sink.Field(scratch);
  }
  sink.EndRow();
}

void Session::ExecuteSimple(std::string_view sql, ResultSink& sink) {
  notice_sink_ = &sink;
  struct ClearNoticeSink {
    ResultSink*& p;
    ~ClearNoticeSink() { p = nullptr; }
  } clear_notice_sink{notice_sink_};
  RefreshDateTime();
  sql::datetime::ScopedDateTimeSettings datetime_guard(datetime_);
  sql::ScopedRelationResolver relation_guard(relation_resolver_.get());
  catalog::ScopedSearchPath search_path_guard([this] { return settings_.GetString("search_path"); },
                                              [this] { return user_.name; });
  cancel_.store(false);
  // Parse errors already carry character positions; like any failed
  // statement they abort an open transaction block.
  std::vector<sql::ast::Statement> stmts;
  try {
    stmts = sql::Parser::Parse(sql);
  } catch (DbError&) {
    if (state_ == BlockState::kBlock) FailBlock();
    throw;
  }
  try {
    if (stmts.empty()) {
      sink.Empty();
      return;
    }
    bool multi = stmts.size() > 1;
    for (const auto& stmt : stmts) {
      RunStatement(stmt, sql, multi, sink);
      SendReportChanges(sink);
    }
    if (state_ == BlockState::kImplicit) CommitTransaction();
    SendReportChanges(sink);
  } catch (DbError& err) {
    FixPosition(err, sql);
    if (state_ == BlockState::kImplicit) {
      AbortTransaction();
    } else if (state_ == BlockState::kBlock) {
      FailBlock();
    }
    SendReportChanges(sink);
    throw;
  } catch (...) {
    if (state_ == BlockState::kImplicit) {
      AbortTransaction();
    } else if (state_ == BlockState::kBlock) {
      FailBlock();
    }
    throw;
  }
}

void Session::RunStatement(const sql::ast::Statement& stmt, std::string_view sql, bool multi, ResultSink& sink) {
  RefreshDateTime();  // an earlier SET TimeZone in the same query string applies
  const auto* tx = std::get_if<sql::ast::TransactionStmt>(&stmt.body);
  if (state_ == BlockState::kFailed) {
    bool allowed = tx && (tx->kind == TransactionKind::kCommit || tx->kind == TransactionKind::kRollback ||
                          tx->kind == TransactionKind::kRollbackTo);
    if (!allowed) {
      throw DbError(SqlState::kInFailedSqlTransaction,
                    "current transaction is aborted, commands ignored until end of transaction block");
    }
  }
  if (tx) {
    RunTransactionStmt(*tx, sink);
    return;
  }
  if (const auto* s = std::get_if<sql::ast::CreateDatabaseStmt>(&stmt.body)) {
    RunCreateDatabase(*s, multi, sink);
    return;
  }
  if (const auto* s = std::get_if<sql::ast::DropDatabaseStmt>(&stmt.body)) {
    RunDropDatabase(*s, multi, sink);
    return;
  }
  if (const auto* s = std::get_if<sql::ast::VacuumStmt>(&stmt.body)) {
    RunVacuum(*s, multi, sink);
    return;
  }
  if (const auto* s = std::get_if<sql::ast::VariableSetStmt>(&stmt.body)) {
    RunSet(*s, sink);
    return;
  }
  if (const auto* s = std::get_if<sql::ast::VariableShowStmt>(&stmt.body)) {
    RunShow(*s, sink);
    return;
  }
  if (const auto* s = std::get_if<sql::ast::UnsupportedStmt>(&stmt.body)) {
    throw DbError(SqlState::kFeatureNotSupported, fmt::format("statement {} is not supported yet", s->node_name));
  }
  if (RunPreparedStmt(stmt, sql, sink)) return;

  EnsureTransaction();
  txn_->BeginStatement();
  sql::ExecContext ctx;
  InitExecContext(ctx);
  sql::Binder binder(engine_.catalog(), *txn_, database_.oid);
  auto notice = [&sink](const DbError& n) { sink.Notice(n); };

  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, sql::ast::SelectStmt>) {
          RunQuery(s, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::InsertStmt>) {
          RunDml(binder.BindInsert(s), ctx, /*describe=*/true, nullptr, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::UpdateStmt>) {
          RunDml(binder.BindUpdate(s), ctx, /*describe=*/true, nullptr, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::DeleteStmt>) {
          RunDml(binder.BindDelete(s), ctx, /*describe=*/true, nullptr, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::CreateTableStmt>) {
          sql::ExecuteCreateTable(s, binder, ctx, database_.oid, user_.oid, notice);
          sink.Complete(StatementTag(stmt));
        } else if constexpr (std::is_same_v<T, sql::ast::CreateRoleStmt>) {
          RunCreateRole(s, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::AlterRoleStmt>) {
          RunAlterRole(s, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::DropStmt>) {
          if (s.kind == sql::ast::ObjectKind::kRole) {
            RunDropRole(s, sink);
            return;
          }
          if (s.kind == sql::ast::ObjectKind::kIndex) {
            sql::ExecuteDropIndex(s, binder, ctx, database_.oid, notice);
            sink.Complete(StatementTag(stmt));
            return;
          }
          if (s.kind != sql::ast::ObjectKind::kTable) {
            sink.Complete(sql::ExecuteDropOther(s, binder, ctx, sql::DdlEnv{database_.oid, user_.oid, notice}));
            return;
          }
          sql::ExecuteDropTable(s, binder, ctx, notice);
          sink.Complete(StatementTag(stmt));
        } else if constexpr (sql::kIsDdlStatement<T>) {
          sink.Complete(sql::ExecuteDdl(s, binder, ctx, sql::DdlEnv{database_.oid, user_.oid, notice}));
        } else if constexpr (std::is_same_v<T, sql::ast::CopyStmt>) {
          RunCopy(s, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::DeclareCursorStmt>) {
          RunDeclareCursor(s, sql, multi, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::FetchStmt>) {
          RunFetch(s, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::ClosePortalStmt>) {
          RunClosePortal(s, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::ListenStmt>) {
          RunListen(s, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::NotifyStmt>) {
          RunNotify(s, sink);
        } else if constexpr (std::is_same_v<T, sql::ast::ExplainStmt>) {
          throw DbError(SqlState::kFeatureNotSupported, "EXPLAIN is not supported yet");
        } else if constexpr (std::is_same_v<T, sql::ast::CreateIndexStmt>) {
          sql::ExecuteCreateIndex(s, binder, ctx, notice);
          sink.Complete(StatementTag(stmt));
        } else {
          throw DbError(SqlState::kFeatureNotSupported, "statement is not supported yet");
        }
      },
      stmt.body);
  (void)sql;
}

void Session::RunQuery(const sql::ast::SelectStmt& stmt, ResultSink& sink) {
  sql::ExecContext ctx;
  InitExecContext(ctx);
  sql::Binder binder(engine_.catalog(), *txn_, database_.oid);
  sql::BoundQuery q = binder.BindSelect(stmt);

  std::vector<ColumnInfo> columns = ColumnsOf(q);
  sql::ExecutorPtr exec = sql::BuildExecutor(*q.plan, ctx);
  sink.Columns(columns);
  sql::FormatOptions opts;
  opts.extra_float_digits = ctx.eval.extra_float_digits;
  opts.datetime = datetime_;
  sql::RowBatch batch;
  std::string text;
  int64_t count = 0;
  while (exec->Next(batch)) {
    for (const sql::Row& row : batch.rows) {
      SendRow(row, q.columns, nullptr, opts, text, sink);
      ++count;
    }
  }
  sink.Complete(fmt::format("SELECT {}", count));
}

void Session::RunTransactionStmt(const sql::ast::TransactionStmt& stmt, ResultSink& sink) {
  switch (stmt.kind) {
    case TransactionKind::kBegin:
    case TransactionKind::kStart: {
      const char* tag = stmt.kind == TransactionKind::kBegin ? "BEGIN" : "START TRANSACTION";
      if (state_ == BlockState::kBlock) {
        sink.Notice(Warning(SqlState::kActiveSqlTransaction, "there is already a transaction in progress"));
      } else if (state_ == BlockState::kImplicit) {
        state_ = BlockState::kBlock;
        ApplyTransactionOptions(stmt.options);
      } else {
        BeginTransaction(BlockState::kBlock, stmt.options);
      }
      sink.Complete(tag);
      return;
    }
    case TransactionKind::kCommit: {
      if (state_ == BlockState::kFailed) {
        AbortTransaction();
        sink.Complete("ROLLBACK");
        return;
      }
      if (state_ != BlockState::kBlock) {
        sink.Notice(Warning(SqlState::kNoActiveSqlTransaction, "there is no transaction in progress"));
      }
      if (txn_) CommitTransaction();
      sink.Complete("COMMIT");
      return;
    }
    case TransactionKind::kRollback: {
      if (state_ != BlockState::kBlock && state_ != BlockState::kFailed) {
        sink.Notice(Warning(SqlState::kNoActiveSqlTransaction, "there is no transaction in progress"));
      }
      AbortTransaction();
      sink.Complete("ROLLBACK");
      return;
    }
    case TransactionKind::kSavepoint: {
      if (state_ != BlockState::kBlock) {
        throw DbError(SqlState::kNoActiveSqlTransaction, "SAVEPOINT can only be used in transaction blocks");
      }
      savepoints_.push_back(NamedSavepoint{stmt.savepoint_name, txn_->Savepoint(), settings_.PushNestLevel()});
      sink.Complete("SAVEPOINT");
      return;
    }
    case TransactionKind::kRelease:
    case TransactionKind::kRollbackTo: {
      bool release = stmt.kind == TransactionKind::kRelease;
      if (state_ != BlockState::kBlock && state_ != BlockState::kFailed) {
        throw DbError(SqlState::kNoActiveSqlTransaction,
                      fmt::format("{} can only be used in transaction blocks",
                                  release ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT"));
      }
      int found = -1;
      for (int i = static_cast<int>(savepoints_.size()) - 1; i >= 0; --i) {
        if (savepoints_[i].name == stmt.savepoint_name) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        throw DbError(SqlState::kSEInvalidSpecification, fmt::format("savepoint \"{}\" does not exist", stmt.savepoint_name))
            .WithSeverity(Severity::kError);
      }
      if (state_ == BlockState::kFailed && release) {
        throw DbError(SqlState::kInFailedSqlTransaction,
                      "current transaction is aborted, commands ignored until end of transaction block");
      }
      NamedSavepoint sp = savepoints_[found];
      if (release) {
        txn_->Release(sp.id);
        settings_.PopNestLevel(sp.guc_level, /*commit=*/true);
        savepoints_.resize(found);
        sink.Complete("RELEASE");
      } else {
        txn_->RollbackTo(sp.id);
        settings_.PopNestLevel(sp.guc_level, /*commit=*/false);
        savepoints_.resize(found);
        // The savepoint itself survives ROLLBACK TO, as in PostgreSQL.
        savepoints_.push_back(NamedSavepoint{sp.name, txn_->Savepoint(), settings_.PushNestLevel()});
        state_ = BlockState::kBlock;
        sink.Complete("ROLLBACK");
      }
      return;
    }
    default:
      throw DbError(SqlState::kFeatureNotSupported, "prepared transactions are not supported");
  }
}

std::optional<std::string> Session::GetSetting(std::string_view name) const { return settings_.Get(name); }

std::string Session::SetSetting(std::string_view name, std::string_view value, bool is_local) {
  if (is_local && state_ != BlockState::kBlock) {
    // As in PostgreSQL, set_config(..., true) outside a block has no lasting effect.
    auto current = settings_.Get(name);
    if (!current) CheckSet(settings_.Set(name, value, conf::SettingSource::kSession, conf::SetScope::kLocal));
    return settings_.Get(name).value_or(std::string());
  }
  CheckSet(settings_.Set(name, value, conf::SettingSource::kSession,
                         is_local ? conf::SetScope::kLocal : conf::SetScope::kSession));
  return settings_.Get(name).value_or(std::string());
}

void Session::RunSet(const sql::ast::VariableSetStmt& stmt, ResultSink& sink) {
  using sql::ast::SetKind;
  if (stmt.kind == SetKind::kMulti) {
    // SET TRANSACTION ... / SET SESSION CHARACTERISTICS AS TRANSACTION ...
    if (stmt.name == "transaction snapshot") {
      throw DbError(SqlState::kFeatureNotSupported, "SET TRANSACTION SNAPSHOT is not supported");
    }
    if (stmt.name == "session characteristics") {
      for (const auto& o : stmt.transaction_options) {
        CheckSet(settings_.Set("default_" + o.name, o.value, conf::SettingSource::kSession));
      }
    } else if (state_ != BlockState::kBlock) {
      sink.Notice(Warning(SqlState::kNoActiveSqlTransaction, "SET TRANSACTION can only be used in transaction blocks"));
    } else {
      ApplyTransactionOptions(stmt.transaction_options);
    }
    sink.Complete("SET");
    return;
  }
  if (stmt.kind == SetKind::kResetAll) {
    settings_.ResetAll();
    sink.Complete("RESET");
    return;
  }
  if (stmt.kind == SetKind::kReset || stmt.kind == SetKind::kDefault) {
    CheckSet(settings_.Reset(stmt.name));
    sink.Complete(stmt.kind == SetKind::kReset ? "RESET" : "SET");
    return;
  }
  if (stmt.kind == SetKind::kCurrent) {
    throw DbError(SqlState::kFeatureNotSupported, "SET ... FROM CURRENT is not supported");
  }
  std::string value;
  for (size_t i = 0; i < stmt.values.size(); ++i) {
    if (i) value += ", ";
    value += stmt.values[i];
  }
  if (stmt.name == "search_path") value = catalog::FormatSearchPath(stmt.values);
  if (stmt.is_local && state_ != BlockState::kBlock) {
    sink.Notice(Warning(SqlState::kNoActiveSqlTransaction, "SET LOCAL can only be used in transaction blocks"));
    sink.Complete("SET");
    return;
  }
  if (stmt.name == "transaction_isolation" || stmt.name == "transaction_read_only") {
    if (!txn_) {
      EnsureTransaction();
    }
    ApplyTransactionOptions({sql::ast::TransactionOption{stmt.name, value}});
    sink.Complete("SET");
    return;
  }
  if ((stmt.name == "timezone" || stmt.name == "time zone") && !sql::datetime::TimeZoneFromSetting(value)) {
    throw DbError(SqlState::kInvalidParameterValue, fmt::format("invalid value for parameter \"TimeZone\": \"{}\"", value));
  }
  CheckSet(settings_.Set(stmt.name, value, conf::SettingSource::kSession,
                         stmt.is_local ? conf::SetScope::kLocal : conf::SetScope::kSession));
  if (stmt.name == "synchronous_commit" && txn_) txn_->SetSynchronousCommit(settings_.GetString("synchronous_commit") != "off");
  sink.Complete("SET");
}

void Session::RunShow(const sql::ast::VariableShowStmt& stmt, ResultSink& sink) {
  const uint32_t kTextOid = 25;
  if (stmt.name == "all") {
    std::vector<ColumnInfo> cols(3);
    cols[0].name = "name";
    cols[1].name = "setting";
    cols[2].name = "description";
    for (auto& c : cols) c.type_oid = kTextOid;
    sink.Columns(cols);
    int64_t n = 0;
    for (const auto& info : settings_.All()) {
      if (info.def && info.def->no_show_all) continue;
      sink.BeginRow(3);
      sink.Field(info.name);
      sink.Field(info.display);
      sink.Field(info.def ? info.def->short_desc : std::string_view());
      sink.EndRow();
      ++n;
    }
    sink.Complete("SHOW");
    (void)n;
    return;
  }
  auto info = settings_.Describe(stmt.name);
  if (!info) {
    throw DbError(SqlState::kUndefinedObject, fmt::format("unrecognized configuration parameter \"{}\"", stmt.name));
  }
  std::vector<ColumnInfo> cols(1);
  cols[0].name = stmt.name;
  cols[0].type_oid = kTextOid;
  sink.Columns(cols);
  sink.BeginRow(1);
  sink.Field(info->display);
  sink.EndRow();
  sink.Complete("SHOW");
}

void Session::RunCreateDatabase(const sql::ast::CreateDatabaseStmt& stmt, bool multi, ResultSink& sink) {
  if (state_ != BlockState::kIdle || multi) {
    throw DbError(SqlState::kActiveSqlTransaction, "CREATE DATABASE cannot run inside a transaction block");
  }
  for (const auto& [name, value] : stmt.options) {
    if (name != "owner" && name != "encoding" && name != "template" && name != "lc_collate" && name != "lc_ctype" &&
        name != "locale" && name != "connection_limit" && name != "is_template" && name != "allow_connections") {
      throw DbError(SqlState::kSyntaxError, fmt::format("option \"{}\" not recognized", name));
    }
  }
  auto txn = engine_.txns().Begin();
  engine_.catalog().CreateDatabase(*txn, stmt.name, user_.oid);
  txn->Commit();
  sink.Complete("CREATE DATABASE");
}

void Session::RunDropDatabase(const sql::ast::DropDatabaseStmt& stmt, bool multi, ResultSink& sink) {
  if (state_ != BlockState::kIdle || multi) {
    throw DbError(SqlState::kActiveSqlTransaction, "DROP DATABASE cannot run inside a transaction block");
  }
  auto txn = engine_.txns().Begin();
  auto db = engine_.catalog().FindDatabase(*txn, stmt.name);
  if (!db) {
    txn->Rollback();
    if (stmt.if_exists) {
      sink.Notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("database \"{}\" does not exist, skipping", stmt.name))
                      .WithSeverity(Severity::kNotice));
      sink.Complete("DROP DATABASE");
      return;
    }
    throw DbError(SqlState::kInvalidCatalogName, fmt::format("database \"{}\" does not exist", stmt.name));
  }
  if (db->oid == database_.oid) {
    throw DbError(SqlState::kObjectInUse, "cannot drop the currently open database");
  }
  int others = engine_.OtherSessions(db->oid, false);
  if (others > 0) {
    throw DbError(SqlState::kObjectInUse, fmt::format("database \"{}\" is being accessed by other users", stmt.name))
        .WithDetail(others == 1 ? "There is 1 other session using the database."
                                : fmt::format("There are {} other sessions using the database.", others));
  }
  engine_.catalog().DropDatabase(*txn, *db);
  txn->Commit();
  sink.Complete("DROP DATABASE");
}

}  // namespace basalt::engine
