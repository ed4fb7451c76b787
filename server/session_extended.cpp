// server/session_extended.cpp
//
// The extended query protocol's message flow
// (https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY):
// Parse -> ParseComplete, Bind -> BindComplete, Describe -> ParameterDescription
// (statements) plus RowDescription or NoData, Execute -> DataRows then
// CommandComplete / EmptyQueryResponse / PortalSuspended, Close ->
// CloseComplete, Sync -> ReadyForQuery. The meaning (statements, portals,
// implicit transactions) lives in the engine's SqlSession; this file frames it.
//
// Every message that reaches the engine runs on the BlockingPool (binding reads
// the catalog, Execute runs the query, Sync may wait for a WAL fsync). After an
// error the session ignores everything up to Sync (state kSkipToSync), where
// ReadyForQuery reports the transaction state the engine left ('I' after an
// implicit transaction rolled back, 'E' in a failed block). Replies are not
// flushed per message: the loop writes whenever it has drained its input, so
// a pipelined batch is answered in few writes, and Flush needs no action.
#include <spdlog/spdlog.h>

#include "server/error_conversion.hpp"
#include "server/run_blocking.hpp"
#include "server/server_log.hpp"
#include "server/session.hpp"
#include "server/statement_log.hpp"
#include "server/wire_result_sink.hpp"

namespace basalt::server {

namespace asio = boost::asio;
using engine::DbError;
using engine::SqlState;

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

// The statement text for log lines, if the message carries one.
std::string LoggedText(const protocol::FrontendMessage& message) {
  if (const auto* p = std::get_if<protocol::Parse>(&message)) return RedactPasswords(p->query.substr(0, 300));
  if (const auto* b = std::get_if<protocol::Bind>(&message)) return "bind of statement \"" + b->statement + "\"";
  if (const auto* e = std::get_if<protocol::Execute>(&message)) return "execute of portal \"" + e->portal + "\"";
  return protocol::MessageName(message);
}

// Parse, Bind, Describe, Execute, Close, Sync: the messages HandleExtended runs.
bool IsPipelinedType(char type) {
  return type == 'P' || type == 'B' || type == 'D' || type == 'E' || type == 'C' || type == 'S';
}

}  // namespace

asio::awaitable<void> Session::HandleExtended(const protocol::FrontendMessage& message) {
  if (stopping_) {
    SendFatal(SqlState::kAdminShutdown, "terminating connection due to administrator command");
    co_return;
  }
  bool ok = true;
  bool synced = std::holds_alternative<protocol::Sync>(message);
  executing_ = true;
  co_await RunBlocking(ctx_.pool, [this, &message, &ok, &synced] {
    ok = ExtendedOnWorker(message);
    // Drivers pipeline Bind/Describe/Execute/Sync in one packet; each hop to
    // the pool is a thread hand-off that costs as much as a point read, so the
    // messages already buffered run in this hop, up to and including Sync.
    // The coroutine is suspended meanwhile, so nothing else touches decoder_.
    // Anything else (Query, Flush, a malformed or incomplete message) is left
    // for Loop, exactly as if it had arrived later.
    while (ok && !synced && state_ == State::kReady && !stopping_ && IsPipelinedType(decoder_.PeekType())) {
      std::optional<protocol::FrontendMessage> next;
      try {
        next = decoder_.Next();
      } catch (const protocol::ProtocolError&) {
        break;  // Loop decodes it again and reports it
      }
      if (!next) break;
      ok = ExtendedOnWorker(*next);
      synced = std::holds_alternative<protocol::Sync>(*next);
    }
  });
  executing_ = false;
  if (state_ == State::kClosed) co_return;  // a FATAL error ended the session
  if (synced) {
    // Even a failed commit at Sync ends the cycle with ReadyForQuery.
    AppendNotifications();
    out_.ReadyForQuery(sql_->TransactionStatus());
    co_return;
  }
  if (!ok) state_ = State::kSkipToSync;
}

bool Session::ExtendedOnWorker(const protocol::FrontendMessage& message) {
  WireResultSink sink(out_, [this] { FlushFromWorker(); });
  sink.SetCopyReader([this](std::string& chunk) { return ReadCopyDataOnWorker(chunk); });
  sink.Observe(ctx_.metrics, activity_.get());
  // Execute is one observed statement (metrics, logs, pg_stat_*).
  std::optional<StatementObservation> observed;
  std::string log_prefix;
  if (const auto* e = std::get_if<protocol::Execute>(&message)) {
    if (std::shared_ptr<const StatementText> text = PortalText(e->portal)) {
      log_prefix = "execute " + (e->portal.empty() ? std::string("<unnamed>") : e->portal);
      observed = StatementBegins(*text, log_prefix);
      portal_keepalive_ = std::move(text);
    }
  }
  auto finish = [&](bool failed) {
    if (observed) StatementEnds(*observed, log_prefix, sink.tag_rows(), failed);
    portal_keepalive_.reset();
  };
  try {
    std::visit(Overloaded{
                   [&](const protocol::Parse& m) {
                     sql_->Prepare(m.name, m.query, m.param_types);
                     RememberParse(m.name, m.query);
                     out_.ParseComplete();
                   },
                   [&](const protocol::Bind& m) {
                     engine::BindRequest request;
                     request.portal = m.portal;
                     request.statement = m.statement;
                     request.param_formats = &m.param_formats;
                     request.params = &m.params;
                     request.result_formats = &m.result_formats;
                     sql_->Bind(request);
                     RememberBind(m.portal, m.statement);
                     out_.BindComplete();
                   },
                   [&](const protocol::Describe& m) {
                     std::optional<std::vector<engine::ColumnInfo>> columns;
                     if (m.kind == 'S') {
                       engine::StatementDescription d = sql_->DescribeStatement(m.name);
                       out_.ParameterDescription(d.param_type_oids);
                       columns = std::move(d.columns);
                     } else {
                       columns = sql_->DescribePortal(m.name);
                     }
                     if (columns) {
                       sink.Columns(*columns);
                     } else {
                       out_.NoData();
                     }
                   },
                   [&](const protocol::Execute& m) {
                     if (sql_->Execute(m.portal, m.max_rows, sink) == engine::ExecuteOutcome::kSuspended) {
                       out_.PortalSuspended();
                     }
                   },
                   [&](const protocol::Close& m) {
                     if (m.kind == 'S') {
                       sql_->CloseStatement(m.name);
                     } else {
                       sql_->ClosePortal(m.name);
                     }
                     ForgetExtended(m.kind, m.name);
                     out_.CloseComplete();
                   },
                   [&](const protocol::Sync&) { sql_->Sync(sink); },
                   [&](const auto&) {},
               },
               message);
    finish(false);
    return true;
  } catch (const DbError& e) {
    Log()->info("conn {}: {} {} {} ({})", id_.value, engine::SeverityName(e.severity()), e.code().code(), e.message(),
                LoggedText(message));
    SendError(e);
  } catch (const std::exception& e) {
    Log()->error("conn {}: internal error: {} ({})", id_.value, e.what(), LoggedText(message));
    SendError(DbError(SqlState::kInternalError, std::string("internal error: ") + e.what()));
  } catch (...) {
    Log()->error("conn {}: internal error: non-standard exception ({})", id_.value, LoggedText(message));
    SendError(DbError(SqlState::kInternalError, "internal error: unknown exception"));
  }
  finish(true);
  return false;
}

}  // namespace basalt::server
