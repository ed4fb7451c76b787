// engine/sql/system/backend_activity.hpp
//
// What every connection of this process is doing, for pg_stat_activity
// (PostgreSQL keeps the same facts in shared memory, PgBackendStatus).
//
// The server owns the writing side: it registers a BackendActivity per
// connection after authentication and reports statement start and end; the
// pg_stat_activity row generator reads a Snapshot(). The registry is
// process-wide (like PostgreSQL's shared memory), so every engine session sees
// every connection.
//
// Cost: a statement start/end takes the connection's own mutex (contended only
// by a concurrent pg_stat_activity scan) and reuses the query string's buffer;
// the registry mutex is taken only at connect, disconnect and scans.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace basalt::engine::sql::system {

// Microseconds since 2000-01-01 UTC (PostgreSQL's timestamptz epoch).
int64_t PgNowMicros();

// One pg_stat_activity row's worth of facts. Timestamps are PgNowMicros()
// values; 0 means NULL.
struct ActivityFacts {
  int32_t pid = 0;
  std::string user;
  std::string database;
  std::string application_name;
  std::string client_addr;  // "" = NULL (e.g. a Unix socket)
  int32_t client_port = -1;
  int64_t backend_start = 0;
  int64_t xact_start = 0;
  int64_t query_start = 0;
  int64_t state_change = 0;
  std::string state = "idle";  // active, idle, idle in transaction, idle in transaction (aborted)
  std::string query;
  std::string wait_event_type;  // "" = NULL
  std::string wait_event;
};

class BackendActivity {
 public:
  explicit BackendActivity(ActivityFacts facts) : facts_(std::move(facts)) {}

  void SetApplicationName(std::string_view name);
  // A statement starts: state active, query text and query_start; xact_start
  // too when no transaction was open (`txn_status` 'I' before the statement).
  void StatementStarted(std::string_view query, char txn_status_before);
  // The statement ended; `txn_status` is the session's state afterwards
  // ('I' idle, 'T' in a block, 'E' failed block).
  void StatementFinished(char txn_status);
  // Wait events ("" clears): e.g. ("Client", "ClientRead") while idle.
  void SetWait(std::string_view type, std::string_view event);

  ActivityFacts Facts() const;

 private:
  mutable std::mutex mu_;
  ActivityFacts facts_;
};

class ActivityRegistry {
 public:
  // The process-wide registry.
  static ActivityRegistry& Global();

  // Registers a connection; it leaves the registry when the returned pointer
  // (and every copy) is released.
  std::shared_ptr<BackendActivity> Register(ActivityFacts facts);

  // Every live connection, in registration order.
  std::vector<ActivityFacts> Snapshot();

 private:
  std::mutex mu_;
  std::vector<std::weak_ptr<BackendActivity>> entries_;
};

}  // namespace basalt::engine::sql::system
