// server/session_notify.cpp
//
// NotificationResponse delivery (https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-ASYNC).
// PostgreSQL delivers notifications only outside a transaction block: right
// before ReadyForQuery after the command that committed, or at once while the
// client sits idle. The engine queues them per session; the waker it calls
// (from the committing session's thread) posts to this connection's strand,
// and if the coroutine is parked in its socket read, the notification is
// written right there. Otherwise the loop sends it at its next idle point.
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "server/server_log.hpp"
#include "server/session.hpp"

namespace basalt::server {

namespace asio = boost::asio;

void Session::AppendNotifications() {
  if (!sql_ || state_ != State::kReady || sql_->TransactionStatus() != 'I') return;
  for (const auto& n : sql_->TakeNotifications()) out_.NotificationResponse(n.process_id, n.channel, n.payload);
}

void Session::InstallNotificationWaker() {
  std::weak_ptr<Session> weak = weak_from_this();
  auto executor = socket_.get_executor();
  sql_->SetBackendPid(id_.value);
  sql_->SetNotificationWaker([weak, executor] {
    asio::post(executor, [weak] {
      auto self = weak.lock();
      if (!self || !self->reading_ || self->executing_ || !self->out_.empty()) return;
      self->AppendNotifications();
      if (self->out_.empty()) return;
      // The coroutine is parked in async_read_some: nothing else writes now.
      boost::system::error_code ec;
      asio::write(self->socket_, asio::buffer(self->out_.data().data(), self->out_.size()), ec);
      self->out_.Clear();
      if (ec) Log()->info("conn {}: could not send notification: {}", self->id_.value, ec.message());
    });
  });
}

}  // namespace basalt::server
