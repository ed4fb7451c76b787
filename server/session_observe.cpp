// server/session_observe.cpp
//
// Everything the server records around a statement, in one place:
//  - basalt_statement_duration_seconds (and, via WireResultSink, the
//    per-command and row counters);
//  - log_statement: the statement is logged before it runs, if its class
//    (statement_log.hpp) is wanted, as PostgreSQL logs at parse time;
//  - log_min_duration_statement: "duration: N ms  statement: ..." after it ran;
//  - pg_stat_activity: state, query, query_start, xact_start;
//  - pg_stat_statements: calls, times and rows of successful statements under
//    their normalised text (normalised once per Parse for the extended protocol).
// Statement text in logs and pg_stat_activity never shows a password literal.
// Both logging settings are read from the session, so a superuser's SET
// applies at once.
#include <spdlog/spdlog.h>

#include <charconv>

#include "server/server_log.hpp"
#include "server/session.hpp"
#include "server/statement_log.hpp"

namespace basalt::server {

std::shared_ptr<const Session::StatementText> Session::MakeStatementText(std::string_view sql) {
  auto t = std::make_shared<StatementText>();
  t->shown = RedactPasswords(sql);
  t->normalized = engine::NormalizeQuery(sql);
  return t;
}

void Session::RegisterActivity() {
  engine::ActivityFacts facts;
  facts.pid = id_.value;
  facts.user = user_;
  facts.database = database_;
  facts.application_name = settings_ ? settings_->GetString("application_name") : "";
  if (peer_address_) facts.client_addr = peer_address_->to_string();
  boost::system::error_code ec;
  auto ep = socket_.remote_endpoint(ec);
  if (!ec) facts.client_port = ep.port();
  facts.backend_start = backend_start_us_;
  facts.state_change = engine::sql::system::PgNowMicros();
  facts.wait_event_type = "Client";
  facts.wait_event = "ClientRead";
  activity_ = engine::ActivityRegistry::Global().Register(std::move(facts));
}

Session::StatementObservation Session::StatementBegins(const StatementText& text, std::string_view log_prefix) {
  StatementObservation obs;
  obs.start = std::chrono::steady_clock::now();
  obs.text = &text;
  if (activity_) activity_->StatementStarted(text.shown, sql_->TransactionStatus());
  std::optional<std::string> log_statement = sql_->CurrentSetting("log_statement");
  if (log_statement && *log_statement != "none" &&
      LogStatementWants(*log_statement, ClassifyStatement(text.shown))) {
    Log()->info("conn {}: {}: {}", id_.value, log_prefix, text.shown);
  }
  return obs;
}

void Session::StatementEnds(const StatementObservation& obs, std::string_view log_prefix, uint64_t rows,
                            bool failed) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - obs.start).count();
  ctx_.metrics->ObserveStatement(seconds);
  if (std::optional<std::string> min_ms = sql_->CurrentSetting("log_min_duration_statement")) {
    // SHOW text: "-1", "0", "250ms", "2s", ...: the number and its unit.
    int64_t value = -1;
    const char* end = min_ms->data() + min_ms->size();
    auto [ptr, ec] = std::from_chars(min_ms->data(), end, value);
    if (ec == std::errc() && value >= 0) {
      std::string_view unit(ptr, static_cast<size_t>(end - ptr));
      double threshold_ms = static_cast<double>(value);
      if (unit == "s") threshold_ms *= 1000;
      if (unit == "min") threshold_ms *= 60000;
      if (unit == "h") threshold_ms *= 3600000;
      if (unit == "d") threshold_ms *= 86400000;
      double ms = seconds * 1000;
      if (ms >= threshold_ms) {
        ctx_.metrics->CountSlowStatement();
        Log()->info("conn {}: duration: {:.3f} ms  {}: {}", id_.value, ms, log_prefix, obs.text->shown);
      }
    }
  }
  if (!failed) {
    engine::StatementStats::Global().Record(user_, database_, obs.text->normalized, seconds,
                                            static_cast<int64_t>(rows));
  }
  if (activity_) activity_->StatementFinished(sql_->TransactionStatus());
}

void Session::RememberParse(const std::string& name, std::string_view sql) {
  statement_texts_[name] = MakeStatementText(sql);
}

void Session::RememberBind(const std::string& portal, const std::string& statement) {
  auto it = statement_texts_.find(statement);
  if (it == statement_texts_.end()) return;
  // Portals end with their transaction without a Close; bound the map.
  if (portal_texts_.size() > 1024) portal_texts_.clear();
  portal_texts_[portal] = it->second;
}

void Session::ForgetExtended(char kind, const std::string& name) {
  if (kind == 'S') {
    statement_texts_.erase(name);
  } else {
    portal_texts_.erase(name);
  }
}

std::shared_ptr<const Session::StatementText> Session::PortalText(const std::string& portal) const {
  auto it = portal_texts_.find(portal);
  return it == portal_texts_.end() ? nullptr : it->second;
}

}  // namespace basalt::server
