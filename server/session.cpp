// server/session.cpp
//
// The connection loop: decode, dispatch by state, flush before waiting.
// Message flow per https://www.postgresql.org/docs/15/protocol-flow.html.
#include "server/session.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <spdlog/spdlog.h>

#include "server/error_conversion.hpp"
#include "server/run_blocking.hpp"
#include "server/server_log.hpp"

namespace basalt::server {

namespace asio = boost::asio;
using engine::DbError;
using engine::SqlState;

namespace {
constexpr size_t kReadChunk = 16 * 1024;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
}  // namespace

Session::Session(ServerContext& context, asio::ip::tcp::socket socket, ConnectionId id)
    : ctx_(context),
      socket_(std::move(socket)),
      id_(id),
      started_(std::chrono::steady_clock::now()) {
  ctx_.connections.fetch_add(1);
  ctx_.metrics->ConnectionOpened();
  backend_start_us_ = engine::sql::system::PgNowMicros();
  boost::system::error_code ec;
  auto ep = socket_.remote_endpoint(ec);
  if (!ec) {
    peer_address_ = ep.address();
    peer_ = ep.address().to_string() + ":" + std::to_string(ep.port());
  } else {
    peer_ = "unknown";
  }
  socket_.set_option(asio::ip::tcp::no_delay(true), ec);
}

Session::~Session() {
  ctx_.metrics->ConnectionClosed();
  ctx_.connections.fetch_sub(1);
}

void Session::Shutdown() {
  stopping_ = true;
  // The socket belongs to the strand; touch it only there, and never while a
  // blocking job may be writing to it (the loop checks stopping_ afterwards).
  asio::post(socket_.get_executor(), [self = shared_from_this()] {
    if (!self->executing_) {
      boost::system::error_code ec;
      self->socket_.cancel(ec);
    }
  });
}

asio::awaitable<void> Session::Run() {
  Log()->info("conn {}: connection received: host={}", id_.value, peer_);
  try {
    co_await Loop();
  } catch (const std::exception& e) {
    Log()->error("conn {}: internal error in connection loop: {}", id_.value, e.what());
  } catch (...) {
    Log()->error("conn {}: internal error in connection loop", id_.value);
  }
  try {
    co_await Cleanup();
  } catch (const std::exception& e) {
    Log()->error("conn {}: error while closing session: {}", id_.value, e.what());
  }
  if (on_exit_) on_exit_();
}

asio::awaitable<void> Session::Loop() {
  while (state_ != State::kClosed) {
    std::optional<protocol::FrontendMessage> message;
    std::optional<protocol::ProtocolError> protocol_error;
    try {
      message = decoder_.Next();
    } catch (const protocol::ProtocolError& e) {
      protocol_error = e;
    }
    if (protocol_error) {
      SendProtocolError(*protocol_error);
      break;
    }
    if (message) {
      co_await Dispatch(*message);
      if (write_failed_) state_ = State::kClosed;
      continue;
    }
    // Everything buffered is handled: send what we have before waiting.
    AppendNotifications();
    if (!out_.empty() && !co_await FlushOutput()) co_return;
    if (stopping_) {
      if (state_ != State::kStartup) {
        SendFatal(SqlState::kAdminShutdown, "terminating connection due to administrator command");
      }
      break;
    }
    std::span<char> space = decoder_.PrepareWrite(kReadChunk);
    boost::system::error_code ec;
    reading_ = true;
    size_t n = co_await socket_.async_read_some(asio::buffer(space.data(), space.size()),
                                                asio::redirect_error(asio::use_awaitable, ec));
    reading_ = false;
    if (ec) {
      if (stopping_ && state_ != State::kStartup) {
        SendFatal(SqlState::kAdminShutdown, "terminating connection due to administrator command");
        break;
      }
      if (ec != asio::error::eof && ec != asio::error::operation_aborted) {
        Log()->info("conn {}: could not receive data from client: {}", id_.value, ec.message());
      } else if (state_ != State::kStartup && state_ != State::kClosed) {
        Log()->info("conn {}: unexpected EOF on client connection", id_.value);
      }
      co_return;
    }
    ctx_.metrics->BytesReceived(n);
    decoder_.Commit(n);
  }
  // Final words (FATAL errors) go out before the socket closes.
  if (!out_.empty()) co_await FlushOutput();
}

asio::awaitable<void> Session::Dispatch(protocol::FrontendMessage& message) {
  switch (state_) {
    case State::kStartup:
      if (auto* startup = std::get_if<protocol::StartupMessage>(&message)) {
        co_await HandleStartup(*startup);
      } else if (auto* cancel = std::get_if<protocol::CancelRequest>(&message)) {
        HandleCancelRequest(*cancel);
      } else {
        // SSLRequest / GSSENCRequest: we speak neither; the client continues
        // in plaintext on this socket.
        out_.EncryptionResponse('N');
      }
      co_return;
    case State::kAuthenticating:
      if (auto* password = std::get_if<protocol::PasswordMessage>(&message)) {
        co_await HandleAuthMessage(*password);
      } else if (std::holds_alternative<protocol::Terminate>(message)) {
        state_ = State::kClosed;
      } else {
        SendFatal(SqlState::kProtocolViolation, std::string("expected password response, got message type ") +
                                                    protocol::MessageName(message));
      }
      co_return;
    case State::kReady:
      co_await DispatchReady(message);
      co_return;
    case State::kSkipToSync:
      if (std::holds_alternative<protocol::Sync>(message)) {
        state_ = State::kReady;
        out_.ReadyForQuery(sql_->TransactionStatus());
      } else if (std::holds_alternative<protocol::Terminate>(message)) {
        terminated_by_client_ = true;
        state_ = State::kClosed;
      }
      co_return;
    case State::kClosed:
      co_return;
  }
}

asio::awaitable<void> Session::DispatchReady(protocol::FrontendMessage& message) {
  if (auto* query = std::get_if<protocol::Query>(&message)) {
    co_await HandleQuery(*query);
    co_return;
  }
  if (std::holds_alternative<protocol::Parse>(message) || std::holds_alternative<protocol::Bind>(message) ||
      std::holds_alternative<protocol::Describe>(message) || std::holds_alternative<protocol::Execute>(message) ||
      std::holds_alternative<protocol::Close>(message) || std::holds_alternative<protocol::Sync>(message)) {
    co_await HandleExtended(message);
    co_return;
  }
  std::visit(Overloaded{
                 // Output is flushed before every wait for input, which covers Flush.
                 [&](const protocol::Flush&) {},
                 [&](const protocol::Terminate&) {
                   terminated_by_client_ = true;
                   state_ = State::kClosed;
                 },
                 // PostgreSQL accepts and ignores stray COPY messages outside COPY:
                 // they are leftovers of a COPY that already failed.
                 [&](const protocol::CopyData&) {}, [&](const protocol::CopyDone&) {},
                 [&](const protocol::CopyFail&) {},
                 [&](const protocol::FunctionCall&) {
                   SendError(DbError(SqlState::kFeatureNotSupported, "function call protocol is not supported yet"));
                   out_.ReadyForQuery(sql_->TransactionStatus());
                 },
                 [&](const auto& other) {
                   SendFatal(SqlState::kProtocolViolation,
                             std::string("invalid frontend message type for this state: ") +
                                 protocol::MessageName(message));
                 },
             },
             message);
  co_return;
}

void Session::SendError(const DbError& error) {
  SqlState code = error.code();
  ctx_.metrics->CountError(code.code());
  if (state_ == State::kStartup || state_ == State::kAuthenticating) {
    if (code == SqlState::kTooManyConnections) {
      ctx_.metrics->ConnectionRejected(RejectReason::kTooManyConnections);
    } else if (code == SqlState::kInvalidPassword) {
      ctx_.metrics->ConnectionRejected(RejectReason::kAuthenticationFailed);
    } else if (code == SqlState::kInvalidAuthorizationSpecification) {
      ctx_.metrics->ConnectionRejected(RejectReason::kHbaRejected);
    }
  }
  out_.AbortMessage();
  out_.ErrorResponse(ToErrorFields(error));
  if (error.severity() == engine::Severity::kFatal || error.severity() == engine::Severity::kPanic) {
    Log()->info("conn {}: FATAL {} {}", id_.value, error.code().code(), error.message());
    state_ = State::kClosed;
  }
}

void Session::SendFatal(SqlState code, std::string message) { SendError(FatalError(code, std::move(message))); }

void Session::SendProtocolError(const protocol::ProtocolError& error) {
  SqlState code = error.kind() == protocol::ProtocolError::Kind::kUnsupportedVersion ? SqlState::kFeatureNotSupported
                                                                                      : SqlState::kProtocolViolation;
  SendFatal(code, error.what());
}

asio::awaitable<bool> Session::FlushOutput() {
  boost::system::error_code ec;
  co_await asio::async_write(socket_, asio::buffer(out_.data().data(), out_.size()),
                             asio::redirect_error(asio::use_awaitable, ec));
  if (!ec) ctx_.metrics->BytesSent(out_.size());
  out_.Clear();
  if (ec) {
    if (ec != asio::error::operation_aborted) {
      Log()->info("conn {}: could not send data to client: {}", id_.value, ec.message());
    }
    state_ = State::kClosed;
    co_return false;
  }
  co_return true;
}

void Session::FlushFromWorker() {
  // Runs on the blocking job's thread while the coroutine is suspended: the
  // socket has no other user, so a synchronous write is safe and keeps memory
  // bounded by applying the client's backpressure to the statement.
  if (!write_failed_) {
    boost::system::error_code ec;
    asio::write(socket_, asio::buffer(out_.data().data(), out_.size()), ec);
    if (!ec) ctx_.metrics->BytesSent(out_.size());
    if (ec) {
      write_failed_ = true;
      Log()->info("conn {}: could not send data to client: {}", id_.value, ec.message());
      if (sql_) sql_->RequestCancel();  // nobody will read the rest
    }
  }
  out_.Clear();
}

asio::awaitable<void> Session::Cleanup() {
  activity_.reset();  // leaves pg_stat_activity
  if (registered_for_cancel_) {
    ctx_.cancels.Unregister(id_.value);
    registered_for_cancel_ = false;
  }
  if (sql_) {
    // Close rolls back an open transaction, which may touch storage.
    executing_ = true;
    co_await RunBlocking(ctx_.pool, [this] {
      try {
        sql_->Close();
      } catch (const std::exception& e) {
        Log()->error("conn {}: error closing session: {}", id_.value, e.what());
      }
      sql_.reset();
    });
    executing_ = false;
  }
  boost::system::error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  socket_.close(ec);
  if (!user_.empty()) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    Log()->info("conn {}: disconnection: session time {:.3f} s user={} database={} host={}{}", id_.value, seconds,
                user_, database_, peer_, terminated_by_client_ ? "" : " (not by Terminate)");
  }
}

}  // namespace basalt::server
