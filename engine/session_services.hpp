// engine/session_services.hpp
//
// State shared by all sessions of one Engine for the protocol-level features:
//   NotificationHub   LISTEN/NOTIFY. Each session owns an Inbox; a committed
//                     transaction's notifications are appended to the inbox
//                     of every session listening on the channel (its own
//                     included, as in PostgreSQL), and the inbox's `wake`
//                     callback lets the server deliver them to an idle client
//                     at once.
//   AdvisoryLocks     pg_advisory_* locks: session-level (counted, released by
//                     unlock/unlock_all or disconnect) and transaction-level
//                     (released at commit/rollback), exclusive or shared.
//                     Waits poll the waiter's cancel flag, so a CancelRequest
//                     or statement end frees a blocked session.
// Thread-safety: every method may be called from any session's thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace basalt::engine {

class NotificationHub {
 public:
  struct Inbox {
    std::mutex mu;
    std::set<std::string, std::less<>> channels;  // committed LISTENs
    std::deque<Notification> queue;
    std::function<void()> wake;                   // set by the server; may be empty
  };

  void Register(const std::shared_ptr<Inbox>& inbox);
  void Unregister(const std::shared_ptr<Inbox>& inbox);
  // Delivers to every inbox listening on each notification's channel.
  void Publish(const std::vector<Notification>& notifications);

 private:
  std::mutex mu_;
  std::vector<std::weak_ptr<Inbox>> inboxes_;
};

class AdvisoryLocks {
 public:
  // A lock key: the bigint form uses (key, 1), the (int, int) form (a<<32|b, 2),
  // as PostgreSQL keeps the two key spaces apart.
  struct Key {
    int64_t value = 0;
    int space = 1;
    auto operator<=>(const Key&) const = default;
  };

  // Takes the lock for `owner` (a session id); `wait` false = try. Returns
  // false if not acquired (try). Throws 57014 if `cancel` is set while waiting.
  bool Acquire(uint64_t owner, Key key, bool shared, bool xact, bool wait, const std::atomic<bool>* cancel);
  // Session-level unlock; false if `owner` held no such lock.
  bool Release(uint64_t owner, Key key, bool shared);
  // Drops all of `owner`'s session-level (xact = false) or transaction-level locks.
  void ReleaseAll(uint64_t owner, bool xact);

 private:
  struct Holder {
    int session_count = 0;
    int xact_count = 0;
  };
  struct Entry {
    std::map<uint64_t, Holder> exclusive;
    std::map<uint64_t, Holder> shared;
  };
  bool Compatible(const Entry& e, uint64_t owner, bool shared) const;

  std::mutex mu_;
  std::condition_variable cv_;
  std::map<Key, Entry> locks_;
};

struct SessionServices {
  NotificationHub notifications;
  AdvisoryLocks advisory;
};

// The services of the engine a session belongs to (one per EngineImpl).
SessionServices& ServicesFor(const void* engine);

}  // namespace basalt::engine
