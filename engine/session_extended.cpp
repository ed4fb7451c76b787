// engine/session_extended.cpp
//
// The extended query protocol on top of the session's transaction machinery
// (https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY).
//
// Parse parses once and binds once to learn parameter types and result
// columns; Bind converts the values to the parameter types and, for a query,
// re-binds with them as constants and builds the executor tree; Execute pulls
// rows from it up to max_rows, leaving it suspended in between. Statements
// outside a transaction block run in one implicit transaction that Sync commits
// (PostgreSQL's start_xact_command/finish_xact_command at Sync): Parse, Bind
// and Execute all share it.
#include <fmt/format.h>

#include "engine/catalog/search_path.hpp"
#include "engine/engine_impl.hpp"
#include "engine/prepared_statement.hpp"
#include "engine/session.hpp"

#include "engine/sql/types/enum_type.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/binder/param_types.hpp"
#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/exec/dml_executor.hpp"
#include "engine/sql/parser/parser.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/text_io.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine {
namespace {

using sql::ast::TransactionKind;

// Execute never describes its rows (Describe does), but statements run through
// RunStatement (SHOW) report columns: drop them.
class ExecuteSink final : public ResultSink {
 public:
  explicit ExecuteSink(ResultSink& inner) : inner_(inner) {}
  void Columns(const std::vector<ColumnInfo>&) override {}
  void BeginRow(int n) override { inner_.BeginRow(n); }
  void Field(std::string_view text) override { inner_.Field(text); }
  void NullField() override { inner_.NullField(); }
  void EndRow() override { inner_.EndRow(); }
  void Complete(std::string_view tag) override { inner_.Complete(tag); }
  void Empty() override { inner_.Empty(); }
  void Notice(const DbError& notice) override { inner_.Notice(notice); }
  void ParameterChanged(std::string_view name, std::string_view value) override {
    inner_.ParameterChanged(name, value);
  }
  void BeginCopyIn(int8_t format, int n) override { inner_.BeginCopyIn(format, n); }
  bool ReadCopyData(std::string& chunk) override { return inner_.ReadCopyData(chunk); }
  void BeginCopyOut(int8_t format, int n) override { inner_.BeginCopyOut(format, n); }
  void CopyData(std::string_view data) override { inner_.CopyData(data); }
  void EndCopyOut() override { inner_.EndCopyOut(); }

 private:
  ResultSink& inner_;
};

ColumnInfo TextColumn(std::string name) {
  ColumnInfo c;
  c.name = std::move(name);
  c.type_oid = sql::TypeOid(sql::TypeId::kText);
  return c;
}

bool IsQuery(const sql::ast::Statement& stmt) { return std::holds_alternative<sql::ast::SelectStmt>(stmt.body); }

bool IsDml(const sql::ast::Statement& stmt) {
  return std::holds_alternative<sql::ast::InsertStmt>(stmt.body) ||
         std::holds_alternative<sql::ast::UpdateStmt>(stmt.body) ||
         std::holds_alternative<sql::ast::DeleteStmt>(stmt.body);
}

// Format codes of a Bind: none = all text, one = all alike, else one each.
std::vector<int16_t> ExpandFormats(const std::vector<int16_t>* formats, size_t n, const char* what) {
  std::vector<int16_t> out(n, 0);
  if (formats == nullptr || formats->empty()) return out;
  if (formats->size() == 1) {
    std::fill(out.begin(), out.end(), (*formats)[0]);
  } else if (formats->size() == n) {
    out = *formats;
  } else {
    throw DbError(SqlState::kProtocolViolation,
                  fmt::format("bind message has {} {} formats but {} {}", formats->size(), what, n,
                              std::string_view(what) == "parameter" ? "parameters" : "columns"));
  }
  for (int16_t f : out) {
    if (f != 0 && f != 1) throw DbError(SqlState::kProtocolViolation, fmt::format("unsupported format code: {}", f));
  }
  return out;
}

std::string PortalLabel(std::string_view name) { return std::string(name); }

// Binder positions are 1-based byte offsets; clients get character positions.
void FixPosition(DbError& err, std::string_view sql) {
  if (err.position() && !sql.empty()) err.WithPosition(CharPosition(sql, *err.position() - 1));
}

}  // namespace

template <class F>
auto Session::GuardExtended(std::string_view sql, F&& body) -> decltype(body()) {
  cancel_.store(false);
  try {
    return body();
  } catch (DbError& err) {
    FixPosition(err, sql);
    if (state_ == BlockState::kImplicit) {
      AbortTransaction();
    } else if (state_ == BlockState::kBlock) {
      FailBlock();
    }
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

void Session::CheckNotFailed(const sql::ast::Statement* stmt) const {
  if (state_ != BlockState::kFailed) return;
  const auto* tx = stmt ? std::get_if<sql::ast::TransactionStmt>(&stmt->body) : nullptr;
  bool allowed = tx && (tx->kind == TransactionKind::kCommit || tx->kind == TransactionKind::kRollback ||
                        tx->kind == TransactionKind::kRollbackTo);
  if (!allowed) {
    throw DbError(SqlState::kInFailedSqlTransaction,
                  "current transaction is aborted, commands ignored until end of transaction block");
  }
}

std::shared_ptr<const PreparedStatement> Session::FindStatement(std::string_view name) const {
  auto it = statements_.find(name);
  if (it == statements_.end()) {
    throw DbError(SqlState::kInvalidSqlStatementName, fmt::format("prepared statement \"{}\" does not exist", name));
  }
  return it->second;
}

std::shared_ptr<PreparedStatement> Session::PrepareStatement(std::string_view sql,
                                                             const std::vector<uint32_t>& param_type_oids) {
  std::vector<sql::ast::Statement> stmts = sql::Parser::Parse(sql);
  if (stmts.size() > 1) {
    throw DbError(SqlState::kSyntaxError, "cannot insert multiple commands into a prepared statement");
  }
  std::vector<sql::Type> types;
  for (uint32_t oid : param_type_oids) {
    if (oid == 0) {
      types.push_back(sql::Type{sql::TypeId::kUnknown, -1});
      continue;
    }
    auto id = sql::TypeFromOid(oid);
    if (!id && sql::FindEnumType(oid)) {  // a user-defined enum type (sql/types/enum_type.hpp)
      types.push_back(sql::Type{sql::TypeId::kEnum, -1, oid});
      continue;
    }
    if (!id) throw DbError(SqlState::kUndefinedObject, fmt::format("type with OID {} does not exist", oid));
    types.push_back(sql::Type{*id, -1});
  }
  std::shared_ptr<const sql::ast::Statement> stmt;
  if (!stmts.empty()) stmt = std::make_shared<const sql::ast::Statement>(std::move(stmts[0]));
  return AnalyzeStatement(sql, std::move(stmt), std::move(types));
}

std::shared_ptr<PreparedStatement> Session::AnalyzeStatement(std::string_view sql,
                                                             std::shared_ptr<const sql::ast::Statement> parsed,
                                                             std::vector<sql::Type> types) {
  auto prepared = std::make_shared<PreparedStatement>();
  prepared->sql = std::string(sql);
  if (parsed) {
    prepared->stmt = std::move(parsed);
    const sql::ast::Statement& stmt = *prepared->stmt;
    CheckNotFailed(&stmt);
    if (const auto* u = std::get_if<sql::ast::UnsupportedStmt>(&stmt.body)) {
      throw DbError(SqlState::kFeatureNotSupported, fmt::format("statement {} is not supported yet", u->node_name));
    }
    if (IsQuery(stmt) || IsDml(stmt)) {
      // Bind once now: it infers the parameter types and the result columns,
      // and reports unknown tables or columns at Parse, as PostgreSQL does.
      EnsureTransaction();
      txn_->BeginStatement();
      sql::Binder binder(engine_.catalog(), *txn_, database_.oid);
      sql::ParamScope scope(types);
      std::visit(
          [&](const auto& s) {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, sql::ast::SelectStmt>) {
              prepared->columns = ColumnsOf(binder.BindSelect(s));
            } else if constexpr (std::is_same_v<T, sql::ast::InsertStmt>) {
              sql::BoundDml dml = binder.BindInsert(s);
              if (!dml.returning.empty()) prepared->columns = ColumnsOf(dml.returning_columns);
            } else if constexpr (std::is_same_v<T, sql::ast::UpdateStmt>) {
              sql::BoundDml dml = binder.BindUpdate(s);
              if (!dml.returning.empty()) prepared->columns = ColumnsOf(dml.returning_columns);
            } else if constexpr (std::is_same_v<T, sql::ast::DeleteStmt>) {
              sql::BoundDml dml = binder.BindDelete(s);
              if (!dml.returning.empty()) prepared->columns = ColumnsOf(dml.returning_columns);
            }
          },
          stmt.body);
    } else if (const auto* fetch = std::get_if<sql::ast::FetchStmt>(&stmt.body)) {
      // FETCH returns the cursor's rows (psycopg 3 describes it before executing).
      auto it = portals_.find(fetch->name);
      if (!fetch->is_move && it != portals_.end()) prepared->columns = it->second->columns;
    } else if (const auto* show = std::get_if<sql::ast::VariableShowStmt>(&stmt.body)) {
      if (show->name == "all") {
        prepared->columns = std::vector<ColumnInfo>{TextColumn("name"), TextColumn("setting"),
                                                    TextColumn("description")};
      } else {
        prepared->columns = std::vector<ColumnInfo>{TextColumn(show->name)};
      }
    }
  }
  // A parameter no context typed is text, as for PostgreSQL's `SELECT $1`.
  for (auto& t : types) {
    if (t.id == sql::TypeId::kUnknown) t = sql::Type{sql::TypeId::kText, -1};
  }
  prepared->param_types = std::move(types);
  return prepared;
}

StatementDescription Session::Prepare(std::string_view name, std::string_view sql,
                                      const std::vector<uint32_t>& param_type_oids) {
  RefreshDateTime();
  sql::datetime::ScopedDateTimeSettings datetime_guard(datetime_);
  sql::ScopedRelationResolver relation_guard(relation_resolver_.get());
  catalog::ScopedSearchPath search_path_guard([this] { return settings_.GetString("search_path"); },
                                              [this] { return user_.name; });
  return GuardExtended(sql, [&] {
    if (!name.empty() && statements_.count(name) != 0) {
      throw DbError(SqlState::kDuplicatePstatement, fmt::format("prepared statement \"{}\" already exists", name));
    }
    auto prepared = PrepareStatement(sql, param_type_oids);
    statements_[std::string(name)] = prepared;
    return DescribeStatement(name);
  });
}

StatementDescription Session::DescribeStatement(std::string_view name) {
  return GuardExtended({}, [&] {
    auto stmt = FindStatement(name);
    CheckNotFailed(stmt->stmt ? &*stmt->stmt : nullptr);
    StatementDescription d;
    for (const auto& t : stmt->param_types) d.param_type_oids.push_back(sql::TypeOid(t));
    d.columns = stmt->columns;
    return d;
  });
}

void Session::Bind(const BindRequest& request) {
  RefreshDateTime();
  sql::datetime::ScopedDateTimeSettings datetime_guard(datetime_);
  sql::ScopedRelationResolver relation_guard(relation_resolver_.get());
  catalog::ScopedSearchPath search_path_guard([this] { return settings_.GetString("search_path"); },
                                              [this] { return user_.name; });
  std::shared_ptr<const PreparedStatement> stmt;
  GuardExtended({}, [&] { stmt = FindStatement(request.statement); });
  GuardExtended(stmt->sql, [&] {
    CheckNotFailed(stmt->stmt ? &*stmt->stmt : nullptr);
    if (!request.portal.empty() && portals_.count(request.portal) != 0) {
      throw DbError(SqlState::kDuplicateCursor, fmt::format("cursor \"{}\" already exists", request.portal));
    }
    size_t nparams = request.params ? request.params->size() : 0;
    if (nparams != stmt->param_types.size()) {
      throw DbError(SqlState::kProtocolViolation,
                    fmt::format("bind message supplies {} parameters, but prepared statement \"{}\" requires {}",
                                nparams, request.statement, stmt->param_types.size()));
    }
    std::vector<int16_t> formats = ExpandFormats(request.param_formats, nparams, "parameter");
    std::vector<sql::Value> values;
    values.reserve(nparams);
    for (size_t i = 0; i < nparams; ++i) {
      const auto& raw = (*request.params)[i];
      if (!raw) {
        values.push_back(sql::Value::Null());
        continue;
      }
      try {
        values.push_back(formats[i] == 1 ? sql::ParseBinary(*raw, stmt->param_types[i])
                                         : sql::ParseText(*raw, stmt->param_types[i]));
      } catch (DbError& err) {
        if (formats[i] == 1 && err.code() == SqlState::kInvalidBinaryRepresentation) {
          throw DbError(SqlState::kInvalidBinaryRepresentation,
                        fmt::format("incorrect binary data format in bind parameter {}", i + 1));
        }
        throw;
      }
    }
    std::vector<int16_t> result_formats = request.result_formats ? *request.result_formats : std::vector<int16_t>{};
    portals_[std::string(request.portal)] = MakePortal(stmt, std::move(values), result_formats);
  });
}

std::shared_ptr<Portal> Session::MakePortal(const std::shared_ptr<const PreparedStatement>& stmt,
                                           std::vector<sql::Value> params,
                                           const std::vector<int16_t>& result_formats) {
  auto portal = std::make_shared<Portal>();
  portal->stmt = stmt;
  portal->params = std::move(params);
  portal->columns = stmt->columns;
  if (stmt->stmt && IsQuery(*stmt->stmt)) {
    EnsureTransaction();
    txn_->BeginStatement();
    portal->ctx = std::make_unique<sql::ExecContext>();
    sql::ExecContext& ctx = *portal->ctx;
    InitExecContext(ctx);
    ctx.eval.params = &portal->params;
    std::vector<sql::Type> types = stmt->param_types;
    sql::Binder binder(engine_.catalog(), *txn_, database_.oid);
    {
      sql::ParamScope scope(types, &portal->params);
      portal->query = binder.BindSelect(std::get<sql::ast::SelectStmt>(stmt->stmt->body));
    }
    // DDL since Parse may have changed the row shape; report what runs now.
    portal->columns = ColumnsOf(*portal->query);
    portal->exec = sql::BuildExecutor(*portal->query->plan, ctx);
  }
  if (portal->columns) {
    std::vector<int16_t> formats = ExpandFormats(&result_formats, portal->columns->size(), "result");
    for (size_t i = 0; i < formats.size(); ++i) {
      ColumnInfo& c = (*portal->columns)[i];
      c.format = formats[i];
      if (c.format == 1) {
        auto id = sql::TypeFromOid(c.type_oid);
        if (!id && sql::FindEnumType(c.type_oid)) id = sql::TypeId::kEnum;
        if (!id || !sql::HasBinaryFormat(*id)) {
          throw DbError(SqlState::kFeatureNotSupported,
                        fmt::format("binary output is not supported for column \"{}\"", c.name));
        }
      }
    }
  }
  return portal;
}

std::optional<std::vector<ColumnInfo>> Session::DescribePortal(std::string_view name) {
  return GuardExtended({}, [&] {
    auto it = portals_.find(name);
    if (it == portals_.end()) {
      throw DbError(SqlState::kInvalidCursorName, fmt::format("portal \"{}\" does not exist", PortalLabel(name)));
    }
    return it->second->columns;
  });
}

ExecuteOutcome Session::Execute(std::string_view name, int64_t max_rows, ResultSink& sink) {
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
  std::shared_ptr<Portal> portal;
  GuardExtended({}, [&] {
    auto it = portals_.find(name);
    if (it == portals_.end()) {
      throw DbError(SqlState::kInvalidCursorName, fmt::format("portal \"{}\" does not exist", PortalLabel(name)));
    }
    portal = it->second;  // survives COMMIT/ROLLBACK run by the portal itself
  });
  ExecuteSink filtered(sink);
  return GuardExtended(portal->stmt->sql, [&] {
    ExecuteOutcome outcome = RunPortal(*portal, max_rows, filtered);
    SendReportChanges(sink);
    return outcome;
  });
}

ExecuteOutcome Session::RunPortal(Portal& portal, int64_t max_rows, ResultSink& sink) {
  const PreparedStatement& prepared = *portal.stmt;
  if (!prepared.stmt) {
    sink.Empty();
    return ExecuteOutcome::kComplete;
  }
  const sql::ast::Statement& stmt = *prepared.stmt;
  CheckNotFailed(&stmt);
  if (portal.is_cursor && !portal.exec) {
    throw DbError(SqlState::kFeatureNotSupported,
                  "Execute of a materialized (SCROLL or WITH HOLD) cursor is not supported; use FETCH");
  }
  if (portal.exec) {
    const auto& columns = *portal.columns;
    const auto& out_cols = portal.query->columns;
    sql::FormatOptions opts;
    opts.extra_float_digits = portal.ctx->eval.extra_float_digits;
    opts.datetime = datetime_;
    std::string bytes;
    int64_t sent = 0;
    while (!portal.done && (max_rows <= 0 || sent < max_rows)) {
      if (portal.batch_pos >= portal.batch.size()) {
        portal.batch.Clear();
        portal.batch_pos = 0;
        portal.ctx->CheckCancel();
        if (!portal.exec->Next(portal.batch)) {
          portal.done = true;
          break;
        }
        continue;
      }
      SendRow(portal.batch.rows[portal.batch_pos++], out_cols, &columns, opts, bytes, sink);
      ++sent;
    }
    if (!portal.done) return ExecuteOutcome::kSuspended;
    sink.Complete(fmt::format("SELECT {}", sent));
    return ExecuteOutcome::kComplete;
  }
  if (IsDml(stmt)) {
    // Like RunStatement, but with the portal's values bound as constants.
    EnsureTransaction();
    txn_->BeginStatement();
    sql::ExecContext ctx;
    InitExecContext(ctx);
    ctx.eval.params = &portal.params;
    sql::Binder binder(engine_.catalog(), *txn_, database_.oid);
    std::vector<sql::Type> types = prepared.param_types;
    sql::ParamScope scope(types, &portal.params);
    std::visit(
        [&](const auto& s) {
          using T = std::decay_t<decltype(s)>;
          const std::vector<ColumnInfo>* formats = portal.columns ? &*portal.columns : nullptr;
          if constexpr (std::is_same_v<T, sql::ast::InsertStmt>) {
            RunDml(binder.BindInsert(s), ctx, /*describe=*/false, formats, sink);
          } else if constexpr (std::is_same_v<T, sql::ast::UpdateStmt>) {
            RunDml(binder.BindUpdate(s), ctx, /*describe=*/false, formats, sink);
          } else if constexpr (std::is_same_v<T, sql::ast::DeleteStmt>) {
            RunDml(binder.BindDelete(s), ctx, /*describe=*/false, formats, sink);
          }
        },
        stmt.body);
    return ExecuteOutcome::kComplete;
  }
  // DECLARE ... CURSOR FOR SELECT ... $1 (psycopg 3's named cursors): the
  // cursor's query is bound with the values as constants, so it outlives this portal.
  const bool cursor = std::holds_alternative<sql::ast::DeclareCursorStmt>(stmt.body);
  if (!portal.params.empty() && !cursor) {
    throw DbError(SqlState::kFeatureNotSupported, "parameters are only supported in SELECT, INSERT, UPDATE and DELETE");
  }
  std::vector<sql::Type> cursor_param_types = prepared.param_types;
  std::optional<sql::ParamScope> cursor_params;
  if (cursor && !portal.params.empty()) cursor_params.emplace(cursor_param_types, &portal.params);
  // Utility statements (BEGIN/COMMIT, SET, SHOW, DDL) run exactly as in a
  // simple Query, inside the implicit transaction that Sync ends. A portal
  // runs once: executing it again reports the same tag without rerunning.
  if (portal.done) return ExecuteOutcome::kComplete;
  portal.done = true;
  RunStatement(stmt, prepared.sql, /*multi=*/false, sink);
  return ExecuteOutcome::kComplete;
}

bool Session::RunPreparedStmt(const sql::ast::Statement& stmt, std::string_view sql, ResultSink& sink) {
  if (const auto* p = std::get_if<sql::ast::PrepareStmt>(&stmt.body)) {
    if (statements_.count(p->name) != 0) {
      throw DbError(SqlState::kDuplicatePstatement, fmt::format("prepared statement \"{}\" already exists", p->name));
    }
    std::vector<sql::Type> types;
    for (const auto& tn : p->arg_types) {
      auto t = sql::LookupType(tn.names, tn.modifiers, tn.array_bounds);
      if (!t) {
        std::string shown = tn.names.empty() ? "" : tn.names.back();
        throw DbError(SqlState::kUndefinedObject, fmt::format("type \"{}\" does not exist", shown))
            .WithPosition(tn.location + 1);
      }
      types.push_back(*t);
    }
    // Nested statements cannot be prepared (PostgreSQL's grammar allows only
    // SELECT/INSERT/UPDATE/DELETE/MERGE/VALUES here anyway).
    if (!IsQuery(*p->query) && !IsDml(*p->query)) {
      throw DbError(SqlState::kSyntaxError, "syntax error: PREPARE accepts only SELECT, INSERT, UPDATE and DELETE");
    }
    statements_[p->name] = AnalyzeStatement(sql, p->query, std::move(types));
    sink.Complete("PREPARE");
    return true;
  }
  if (const auto* e = std::get_if<sql::ast::ExecuteStmt>(&stmt.body)) {
    auto prepared = FindStatement(e->name);
    if (e->params.size() != prepared->param_types.size()) {
      throw DbError(SqlState::kSyntaxError, fmt::format("wrong number of parameters for prepared statement \"{}\"", e->name))
          .WithDetail(fmt::format("Expected {} parameters but got {}.", prepared->param_types.size(), e->params.size()));
    }
    // Arguments are constant expressions coerced to the parameter types
    // (PostgreSQL's EvaluateParams), evaluated before the statement runs.
    std::vector<sql::Value> values;
    sql::Scope empty;
    sql::ExecContext ctx;
    ctx.eval.session = this;
    ctx.eval.extra_float_digits = static_cast<int>(settings_.GetInt("extra_float_digits"));
    for (size_t i = 0; i < e->params.size(); ++i) {
      sql::ExprBinder eb(empty, "EXECUTE parameter", nullptr);
      sql::BoundExprPtr b = eb.Bind(*e->params[i]);
      sql::Type from = b->type;
      int loc = e->params[i]->location;
      b = sql::TryCoerce(std::move(b), prepared->param_types[i], sql::CastContext::kAssignment);
      if (!b) {
        throw sql::AtLocation(DbError(SqlState::kDatatypeMismatch,
                                      fmt::format("parameter ${} of type {} cannot be coerced to the expected type {}",
                                                  i + 1, sql::FormatType(from),
                                                  sql::FormatType(prepared->param_types[i])))
                                  .WithHint("You will need to rewrite or cast the expression."),
                              loc);
      }
      values.push_back(sql::Evaluate(*b, sql::Row{}, ctx.eval));
    }
    CheckNotFailed(prepared->stmt ? &*prepared->stmt : nullptr);
    auto portal = MakePortal(prepared, std::move(values), {});
    if (portal->columns) sink.Columns(*portal->columns);
    RunPortal(*portal, 0, sink);
    return true;
  }
  if (const auto* d = std::get_if<sql::ast::DeallocateStmt>(&stmt.body)) {
    if (d->name.empty()) {
      statements_.clear();
      sink.Complete("DEALLOCATE ALL");
      return true;
    }
    if (statements_.erase(d->name) == 0) {
      throw DbError(SqlState::kInvalidSqlStatementName, fmt::format("prepared statement \"{}\" does not exist", d->name));
    }
    sink.Complete("DEALLOCATE");
    return true;
  }
  if (const auto* d = std::get_if<sql::ast::DiscardStmt>(&stmt.body)) {
    if (d->target == "all") {
      if (state_ == BlockState::kBlock || state_ == BlockState::kFailed) {
        throw DbError(SqlState::kActiveSqlTransaction, "DISCARD ALL cannot run inside a transaction block");
      }
      statements_.clear();
      settings_.ResetAll();
      sink.Complete("DISCARD ALL");
    } else {
      // Plans are not cached across Binds, and there are no temporary
      // objects or sequences state yet: nothing to drop.
      sink.Complete("DISCARD " + std::string(d->target == "plans"       ? "PLANS"
                                             : d->target == "sequences" ? "SEQUENCES"
                                                                        : "TEMP"));
    }
    return true;
  }
  return false;
}

void Session::CloseStatement(std::string_view name) {
  auto it = statements_.find(name);
  if (it != statements_.end()) statements_.erase(it);
}

void Session::ClosePortal(std::string_view name) {
  auto it = portals_.find(name);
  if (it != portals_.end()) portals_.erase(it);
}

void Session::Sync(ResultSink& sink) {
  GuardExtended({}, [&] {
    if (state_ == BlockState::kImplicit) CommitTransaction();
    SendReportChanges(sink);
  });
}

}  // namespace basalt::engine
