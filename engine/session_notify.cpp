// engine/session_notify.cpp
//
// LISTEN / UNLISTEN / NOTIFY / pg_notify and the advisory lock functions, on
// the engine-wide SessionServices (engine/session_services.hpp).
//
// As in PostgreSQL (src/backend/commands/async.c): LISTEN and UNLISTEN take
// effect at commit; NOTIFYs are queued in the transaction, duplicates (same
// channel and payload) folded, and delivered to every listener (this session
// included) when the transaction commits; a rollback drops them.
// Transaction-level advisory locks end with the transaction, session-level
// ones at unlock, pg_advisory_unlock_all or disconnect.
#include <fmt/format.h>

#include "engine/session.hpp"
#include "engine/session_services.hpp"

namespace basalt::engine {
namespace {

// PostgreSQL's NAMEDATALEN - 1 and NOTIFY_PAYLOAD_MAX_LENGTH - 1.
constexpr size_t kMaxChannel = 63;
constexpr size_t kMaxPayload = 7999;

}  // namespace

SessionServices& Session::services() { return ServicesFor(&engine_); }

uint64_t Session::owner_id() const { return reinterpret_cast<uintptr_t>(this); }

void Session::RunListen(const sql::ast::ListenStmt& stmt, ResultSink& sink) {
  pending_listen_.push_back({stmt.unlisten, stmt.channel});
  sink.Complete(stmt.unlisten ? "UNLISTEN" : "LISTEN");
}

void Session::RunNotify(const sql::ast::NotifyStmt& stmt, ResultSink& sink) {
  Notify(stmt.channel, stmt.payload);
  sink.Complete("NOTIFY");
}

void Session::Notify(std::string_view channel, std::string_view payload) {
  if (channel.empty()) throw DbError(SqlState::kInvalidParameterValue, "channel name cannot be empty");
  if (channel.size() > kMaxChannel) throw DbError(SqlState::kInvalidParameterValue, "channel name too long");
  if (payload.size() > kMaxPayload) throw DbError(SqlState::kInvalidParameterValue, "payload string too long");
  for (const auto& n : pending_notifies_) {
    if (n.channel == channel && n.payload == payload) return;
  }
  pending_notifies_.push_back(Notification{backend_pid_, std::string(channel), std::string(payload)});
}

void Session::EnsureInbox() {
  if (inbox_) return;
  inbox_ = std::make_shared<NotificationHub::Inbox>();
  inbox_->wake = waker_;
  services().notifications.Register(inbox_);
}

void Session::ServicesAtCommit() {
  if (!pending_listen_.empty()) {
    EnsureInbox();
    std::lock_guard lock(inbox_->mu);
    for (const auto& [unlisten, channel] : pending_listen_) {
      if (!unlisten) {
        inbox_->channels.insert(channel);
      } else if (channel.empty() || channel == "*") {
        inbox_->channels.clear();
      } else {
        inbox_->channels.erase(channel);
      }
    }
  }
  pending_listen_.clear();
  std::vector<Notification> notes = std::move(pending_notifies_);
  pending_notifies_.clear();
  if (advisory_xact_held_) {
    services().advisory.ReleaseAll(owner_id(), /*xact=*/true);
    advisory_xact_held_ = false;
  }
  services().notifications.Publish(notes);
}

void Session::ServicesAtAbort() {
  pending_listen_.clear();
  pending_notifies_.clear();
  if (advisory_xact_held_) {
    services().advisory.ReleaseAll(owner_id(), /*xact=*/true);
    advisory_xact_held_ = false;
  }
}

void Session::ServicesAtClose() {
  ServicesAtAbort();
  if (advisory_session_held_) services().advisory.ReleaseAll(owner_id(), /*xact=*/false);
  if (inbox_) services().notifications.Unregister(inbox_);
  inbox_.reset();
}

std::vector<Notification> Session::TakeNotifications() {
  std::vector<Notification> out;
  if (!inbox_) return out;
  std::lock_guard lock(inbox_->mu);
  out.assign(std::make_move_iterator(inbox_->queue.begin()), std::make_move_iterator(inbox_->queue.end()));
  inbox_->queue.clear();
  return out;
}

void Session::SetNotificationWaker(std::function<void()> wake) {
  waker_ = std::move(wake);
  if (inbox_) {
    std::lock_guard lock(inbox_->mu);
    inbox_->wake = waker_;
  }
}

bool Session::AdvisoryLock(int64_t key, int space, bool shared, bool xact, bool wait) {
  bool got = services().advisory.Acquire(owner_id(), AdvisoryLocks::Key{key, space}, shared, xact, wait, &cancel_);
  if (got) (xact ? advisory_xact_held_ : advisory_session_held_) = true;
  return got;
}

bool Session::AdvisoryUnlock(int64_t key, int space, bool shared) {
  bool ok = services().advisory.Release(owner_id(), AdvisoryLocks::Key{key, space}, shared);
  if (!ok && notice_sink_ != nullptr) {
    notice_sink_->Notice(DbError(SqlState::kWarning, fmt::format("you don't own a lock of type {}",
                                                                  shared ? "ShareLock" : "ExclusiveLock"))
                             .WithSeverity(Severity::kWarning));
  }
  return ok;
}

void Session::AdvisoryUnlockAll() { services().advisory.ReleaseAll(owner_id(), /*xact=*/false); }

}  // namespace basalt::engine
