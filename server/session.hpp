// server/session.hpp
//
// Session is one client connection: a coroutine on the connection's strand
// that reads bytes into a protocol::Decoder, decides what each message means
// in the current state, and writes the Encoder's output in large chunks
// (whenever it is about to wait for more input, which is at least once per
// ReadyForQuery; during big results the result sink also flushes every ~64 KiB).
//
// States (PostgreSQL's backend protocol flow):
//   kStartup        SSLRequest/GSSENCRequest -> 'N' and stay; CancelRequest ->
//                   cancel and close; StartupMessage -> authentication
//   kAuthenticating waiting for the PasswordMessage(s) of an exchange (SCRAM
//                   needs two, md5 and password one); session_auth.cpp
//   kReady          Query runs; Parse/Bind/Describe/Execute/Close run in the
//                   engine (session_extended.cpp); an error there sends
//                   ErrorResponse and enters kSkipToSync; Sync commits an
//                   implicit transaction and sends ReadyForQuery
//   kSkipToSync     everything but Sync and Terminate is ignored (error recovery)
//   kClosed         the loop ends, the SqlSession is closed
// Transaction state ('I'/'T'/'E') lives in the engine's SqlSession.
//
// SqlSession calls block, so they run on the BlockingPool (RunBlocking); the
// coroutine resumes on its strand afterwards. While a job runs, only that job
// touches the Encoder and the socket (synchronous writes for mid-result
// flushes); Shutdown() therefore never touches the socket while executing_.
//
// Errors: every handler is noexcept in effect. DbError -> ErrorResponse (FATAL
// ones close the connection); other exceptions -> XX000 "internal error: ...",
// logged once with the connection id and query; ProtocolError -> FATAL 08P01
// and close; socket errors just close.
#pragma once

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "conf/settings.hpp"
#include "engine/engine.hpp"
#include "protocol/decoder.hpp"
#include "protocol/encoder.hpp"
#include "protocol/frontend_messages.hpp"
#include "protocol/protocol_error.hpp"
#include "server/server_context.hpp"

namespace basalt::server {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(ServerContext& context, boost::asio::ip::tcp::socket socket, ConnectionId id);
  ~Session();

  // Serves the connection until it ends; never throws.
  boost::asio::awaitable<void> Run();

  // Asks the session to end (server shutdown): idle sessions get FATAL 57P01
  // and close; a running statement is cancelled first. Any thread.
  void Shutdown();

  // Called once when Run() has finished and the session is fully closed.
  void SetOnExit(std::function<void()> on_exit) { on_exit_ = std::move(on_exit); }

  ConnectionId id() const { return id_; }
  // The connection's strand.
  boost::asio::any_io_executor executor() { return socket_.get_executor(); }

 private:
  enum class State { kStartup, kAuthenticating, kReady, kSkipToSync, kClosed };

  boost::asio::awaitable<void> Loop();
  boost::asio::awaitable<void> Dispatch(protocol::FrontendMessage& message);
  boost::asio::awaitable<void> DispatchReady(protocol::FrontendMessage& message);
  boost::asio::awaitable<void> Cleanup();

  // session_startup.cpp
  boost::asio::awaitable<void> HandleStartup(protocol::StartupMessage& startup);
  void HandleCancelRequest(const protocol::CancelRequest& cancel);
  // The hba method for this connection, or nullopt after sending the FATAL rejection.
  std::optional<auth::AuthMethod> ChooseAuthMethod(const std::string& user, const std::string& database);
  // Everything after AuthenticationOk: settings, Engine::Connect, ParameterStatus, ReadyForQuery.
  boost::asio::awaitable<void> FinishStartup();

  // session_auth.cpp: password exchanges (SCRAM-SHA-256, md5, password).
  struct PendingAuth;
  boost::asio::awaitable<void> BeginPasswordAuth(auth::AuthMethod method);
  boost::asio::awaitable<void> HandleAuthMessage(const protocol::PasswordMessage& message);
  boost::asio::awaitable<void> FailAuthentication();
  bool ApplyStartupParameters(const protocol::StartupMessage& startup);
  bool ApplyClientSetting(const std::string& name, const std::string& value);

  // session_query.cpp
  boost::asio::awaitable<void> HandleQuery(const protocol::Query& query);
  void ExecuteSimpleOnWorker(const std::string& sql);

  // session_extended.cpp
  boost::asio::awaitable<void> HandleExtended(const protocol::FrontendMessage& message);
  // Runs one extended-protocol message on a worker; false after sending an ErrorResponse.
  bool ExtendedOnWorker(const protocol::FrontendMessage& message);
  void FlushFromWorker();

  // session_notify.cpp: queued NotificationResponses into out_ (idle, outside a block only).
  void AppendNotifications();
  void InstallNotificationWaker();

  // session_copy.cpp: the next CopyData payload during COPY FROM STDIN (false at CopyDone).
  bool ReadCopyDataOnWorker(std::string& chunk);

  // session_observe.cpp: metrics, statement log, pg_stat_activity and
  // pg_stat_statements around each statement (simple Query or Execute).
  struct StatementText {
    std::string shown;  // passwords masked (logs, pg_stat_activity)
    engine::NormalizedQuery normalized;  // pg_stat_statements
  };
  struct StatementObservation {
    std::chrono::steady_clock::time_point start;
    const StatementText* text = nullptr;
  };
  void RegisterActivity();
  StatementObservation StatementBegins(const StatementText& text, std::string_view log_prefix);
  // `rows`: from the CommandComplete tags; `failed`: the statement raised an error.
  void StatementEnds(const StatementObservation& obs, std::string_view log_prefix, uint64_t rows, bool failed);
  static std::shared_ptr<const StatementText> MakeStatementText(std::string_view sql);
  // Extended protocol: remembers statement texts by statement and portal name.
  void RememberParse(const std::string& name, std::string_view sql);
  void RememberBind(const std::string& portal, const std::string& statement);
  void ForgetExtended(char kind, const std::string& name);
  std::shared_ptr<const StatementText> PortalText(const std::string& portal) const;

  // Sends `error` (FATAL: also ends the session).
  void SendError(const engine::DbError& error);
  void SendFatal(engine::SqlState code, std::string message);
  void SendProtocolError(const protocol::ProtocolError& error);
  // Writes the Encoder's bytes; false (and state kClosed) on a socket error.
  boost::asio::awaitable<bool> FlushOutput();

  ServerContext& ctx_;
  boost::asio::ip::tcp::socket socket_;
  ConnectionId id_;
  std::string peer_;                       // "host:port" for logs
  std::optional<boost::asio::ip::address> peer_address_;
  std::chrono::steady_clock::time_point started_;

  protocol::Decoder decoder_;
  protocol::Encoder out_;
  State state_ = State::kStartup;

  std::string user_;
  std::string database_;
  protocol::StartupMessage startup_;     // kept until FinishStartup applies its settings
  std::shared_ptr<PendingAuth> auth_;    // the exchange while kAuthenticating (shared_ptr: incomplete type)
  std::optional<conf::Settings> settings_;  // this connection's copy, once startup applies it
  std::unique_ptr<engine::SqlSession> sql_;
  bool registered_for_cancel_ = false;
  int32_t secret_key_ = 0;

  bool executing_ = false;           // a blocking job is running (strand-only)
  bool reading_ = false;             // parked in async_read_some (strand-only)
  std::atomic<bool> stopping_{false};
  std::atomic<bool> write_failed_{false};  // a worker-side flush hit a socket error
  bool terminated_by_client_ = false;
  std::function<void()> on_exit_;
  int64_t backend_start_us_ = 0;  // pg_stat_activity.backend_start
  std::shared_ptr<engine::BackendActivity> activity_;
  std::unordered_map<std::string, std::shared_ptr<const StatementText>> statement_texts_;
  std::unordered_map<std::string, std::shared_ptr<const StatementText>> portal_texts_;
  std::shared_ptr<const StatementText> portal_keepalive_;  // the text an Execute observes
};

}  // namespace basalt::server
