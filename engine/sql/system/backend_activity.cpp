// engine/sql/system/backend_activity.cpp
#include "engine/sql/system/backend_activity.hpp"

#include <algorithm>
#include <chrono>

namespace basalt::engine::sql::system {

int64_t PgNowMicros() {
  constexpr int64_t kUnixToPgEpochMicros = 946684800LL * 1000000;
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() - kUnixToPgEpochMicros;
}

void BackendActivity::SetApplicationName(std::string_view name) {
  std::lock_guard lock(mu_);
  facts_.application_name.assign(name);
}

void BackendActivity::StatementStarted(std::string_view query, char txn_status_before) {
  int64_t now = PgNowMicros();
  std::lock_guard lock(mu_);
  facts_.query.assign(query);  // reuses the buffer's capacity
  facts_.query_start = now;
  facts_.state_change = now;
  if (txn_status_before == 'I' || facts_.xact_start == 0) facts_.xact_start = now;
  facts_.state = "active";
  facts_.wait_event_type.clear();
  facts_.wait_event.clear();
}

void BackendActivity::StatementFinished(char txn_status) {
  int64_t now = PgNowMicros();
  std::lock_guard lock(mu_);
  facts_.state_change = now;
  switch (txn_status) {
    case 'T': facts_.state = "idle in transaction"; break;
    case 'E': facts_.state = "idle in transaction (aborted)"; break;
    default:
      facts_.state = "idle";
      facts_.xact_start = 0;
      break;
  }
  facts_.wait_event_type = "Client";
  facts_.wait_event = "ClientRead";
}

void BackendActivity::SetWait(std::string_view type, std::string_view event) {
  std::lock_guard lock(mu_);
  facts_.wait_event_type.assign(type);
  facts_.wait_event.assign(event);
}

ActivityFacts BackendActivity::Facts() const {
  std::lock_guard lock(mu_);
  return facts_;
}

ActivityRegistry& ActivityRegistry::Global() {
  static ActivityRegistry registry;
  return registry;
}

std::shared_ptr<BackendActivity> ActivityRegistry::Register(ActivityFacts facts) {
  auto entry = std::make_shared<BackendActivity>(std::move(facts));
  std::lock_guard lock(mu_);
  // Drop entries of closed connections here so the vector stays small.
  std::erase_if(entries_, [](const std::weak_ptr<BackendActivity>& w) { return w.expired(); });
  entries_.push_back(entry);
  return entry;
}

std::vector<ActivityFacts> ActivityRegistry::Snapshot() {
  std::vector<std::shared_ptr<BackendActivity>> live;
  {
    std::lock_guard lock(mu_);
    for (const auto& w : entries_) {
      if (auto s = w.lock()) live.push_back(std::move(s));
    }
  }
  std::vector<ActivityFacts> out;
  out.reserve(live.size());
  for (const auto& s : live) out.push_back(s->Facts());
  return out;
}

}  // namespace basalt::engine::sql::system
