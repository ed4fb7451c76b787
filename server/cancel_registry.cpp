// server/cancel_registry.cpp
#include "server/cancel_registry.hpp"

namespace basalt::server {

bool ConstantTimeEquals(int32_t a, int32_t b) {
  // volatile keeps the compiler from turning the fold into an early-exit compare.
  volatile uint32_t diff = static_cast<uint32_t>(a) ^ static_cast<uint32_t>(b);
  return diff == 0;
}

void CancelRegistry::Register(int32_t process_id, int32_t secret_key, engine::SqlSession* session) {
  std::lock_guard lock(mu_);
  sessions_[process_id] = Entry{secret_key, session};
}

void CancelRegistry::Unregister(int32_t process_id) {
  std::lock_guard lock(mu_);
  sessions_.erase(process_id);
}

bool CancelRegistry::Cancel(int32_t process_id, int32_t secret_key) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(process_id);
  if (it == sessions_.end()) return false;
  if (!ConstantTimeEquals(it->second.secret_key, secret_key)) return false;
  it->second.session->RequestCancel();
  return true;
}

void CancelRegistry::CancelAll() {
  std::lock_guard lock(mu_);
  for (auto& [pid, entry] : sessions_) entry.session->RequestCancel();
}

}  // namespace basalt::server
