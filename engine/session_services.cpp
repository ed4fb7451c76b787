// engine/session_services.cpp
#include "engine/session_services.hpp"

#include <chrono>

namespace basalt::engine {

SessionServices& ServicesFor(const void* engine) {
  // One SessionServices per live engine; entries are never destroyed (engines
  // live as long as the process, tests open a handful).
  static std::mutex mu;
  static std::map<const void*, std::unique_ptr<SessionServices>> all;
  std::lock_guard lock(mu);
  auto& s = all[engine];
  if (!s) s = std::make_unique<SessionServices>();
  return *s;
}

void NotificationHub::Register(const std::shared_ptr<Inbox>& inbox) {
  std::lock_guard lock(mu_);
  inboxes_.push_back(inbox);
}

void NotificationHub::Unregister(const std::shared_ptr<Inbox>& inbox) {
  std::lock_guard lock(mu_);
  std::erase_if(inboxes_, [&](const std::weak_ptr<Inbox>& w) {
    auto p = w.lock();
    return !p || p == inbox;
  });
}

void NotificationHub::Publish(const std::vector<Notification>& notifications) {
  if (notifications.empty()) return;
  std::vector<std::shared_ptr<Inbox>> targets;
  {
    std::lock_guard lock(mu_);
    for (const auto& w : inboxes_) {
      if (auto p = w.lock()) targets.push_back(std::move(p));
    }
  }
  for (const auto& inbox : targets) {
    bool delivered = false;
    std::function<void()> wake;
    {
      std::lock_guard lock(inbox->mu);
      for (const auto& n : notifications) {
        if (inbox->channels.count(n.channel) == 0) continue;
        inbox->queue.push_back(n);
        delivered = true;
      }
      if (delivered) wake = inbox->wake;
    }
    if (wake) wake();
  }
}

bool AdvisoryLocks::Compatible(const Entry& e, uint64_t owner, bool shared) const {
  for (const auto& [o, h] : e.exclusive) {
    if (o != owner) return false;
  }
  if (!shared) {
    for (const auto& [o, h] : e.shared) {
      if (o != owner) return false;
    }
  }
  return true;
}

bool AdvisoryLocks::Acquire(uint64_t owner, Key key, bool shared, bool xact, bool wait,
                            const std::atomic<bool>* cancel) {
  std::unique_lock lock(mu_);
  for (;;) {
    Entry& e = locks_[key];
    if (Compatible(e, owner, shared)) {
      Holder& h = shared ? e.shared[owner] : e.exclusive[owner];
      (xact ? h.xact_count : h.session_count) += 1;
      return true;
    }
    if (!wait) {
      if (e.exclusive.empty() && e.shared.empty()) locks_.erase(key);
      return false;
    }
    cv_.wait_for(lock, std::chrono::milliseconds(20));
    if (cancel != nullptr && cancel->load()) {
      throw DbError(SqlState::kQueryCanceled, "canceling statement due to user request");
    }
  }
}

bool AdvisoryLocks::Release(uint64_t owner, Key key, bool shared) {
  std::lock_guard lock(mu_);
  auto it = locks_.find(key);
  if (it == locks_.end()) return false;
  auto& holders = shared ? it->second.shared : it->second.exclusive;
  auto h = holders.find(owner);
  if (h == holders.end() || h->second.session_count == 0) return false;
  if (--h->second.session_count == 0 && h->second.xact_count == 0) holders.erase(h);
  if (it->second.exclusive.empty() && it->second.shared.empty()) locks_.erase(it);
  cv_.notify_all();
  return true;
}

void AdvisoryLocks::ReleaseAll(uint64_t owner, bool xact) {
  std::lock_guard lock(mu_);
  for (auto it = locks_.begin(); it != locks_.end();) {
    for (auto* holders : {&it->second.exclusive, &it->second.shared}) {
      auto h = holders->find(owner);
      if (h == holders->end()) continue;
      (xact ? h->second.xact_count : h->second.session_count) = 0;
      if (h->second.session_count == 0 && h->second.xact_count == 0) holders->erase(h);
    }
    if (it->second.exclusive.empty() && it->second.shared.empty()) {
      it = locks_.erase(it);
    } else {
      ++it;
    }
  }
  cv_.notify_all();
}

}  // namespace basalt::engine
