// server/session_query.cpp
//
// Simple Query execution (the extended protocol is in session_extended.cpp).
#include <spdlog/spdlog.h>

#include "server/error_conversion.hpp"
#include "server/run_blocking.hpp"
#include "server/server_log.hpp"
#include "server/session.hpp"
#include "server/wire_result_sink.hpp"

namespace basalt::server {

namespace asio = boost::asio;
using engine::DbError;
using engine::SqlState;

namespace {
// Statement text in ordinary error log lines is cut to keep lines readable.
constexpr size_t kLoggedQueryChars = 300;

std::string Abbreviate(const std::string& sql) {
  if (sql.size() <= kLoggedQueryChars) return sql;
  return sql.substr(0, kLoggedQueryChars) + "...";
}
}  // namespace

asio::awaitable<void> Session::HandleQuery(const protocol::Query& query) {
  if (stopping_) {
    // Shutdown already cancelled whatever was running; do not start more work.
    SendFatal(SqlState::kAdminShutdown, "terminating connection due to administrator command");
    co_return;
  }
  executing_ = true;
  co_await RunBlocking(ctx_.pool, [this, &query] { ExecuteSimpleOnWorker(query.sql); });
  executing_ = false;
  if (state_ == State::kClosed) co_return;  // a FATAL error ended the session
  AppendNotifications();
  out_.ReadyForQuery(sql_->TransactionStatus());
}

void Session::ExecuteSimpleOnWorker(const std::string& sql) {
  WireResultSink sink(out_, [this] { FlushFromWorker(); });
  sink.SetCopyReader([this](std::string& chunk) { return ReadCopyDataOnWorker(chunk); });
  sink.Observe(ctx_.metrics, activity_.get());
  std::shared_ptr<const StatementText> text = MakeStatementText(sql);
  StatementObservation obs = StatementBegins(*text, "statement");
  bool failed = true;
  try {
    sql_->ExecuteSimple(sql, sink);
    failed = false;
  } catch (const DbError& e) {
    Log()->info("conn {}: {} {} {} (statement: {})", id_.value, engine::SeverityName(e.severity()), e.code().code(),
                e.message(), Abbreviate(text->shown));
    SendError(e);
  } catch (const std::exception& e) {
    Log()->error("conn {}: internal error: {} (statement: {})", id_.value, e.what(), text->shown);
    SendError(DbError(SqlState::kInternalError, std::string("internal error: ") + e.what()));
  } catch (...) {
    Log()->error("conn {}: internal error: non-standard exception (statement: {})", id_.value, text->shown);
    SendError(DbError(SqlState::kInternalError, "internal error: unknown exception"));
  }
  StatementEnds(obs, "statement", sink.tag_rows(), failed);
}

}  // namespace basalt::server
