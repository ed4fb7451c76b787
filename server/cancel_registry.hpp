// server/cancel_registry.hpp
//
// Maps the BackendKeyData a session announced (process id + secret) to its
// SqlSession, so a CancelRequest arriving on another connection can stop the
// session's running statement. Secrets are compared in constant time, and a
// wrong secret is indistinguishable from an unknown pid (PostgreSQL answers
// neither; it just closes the cancel connection).
//
// Thread-safety: every member may be called from any thread. Cancel() calls
// SqlSession::RequestCancel under the registry lock, and a session unregisters
// before it closes, so a cancel never reaches a destroyed session.
#pragma once

#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "engine/engine.hpp"

namespace basalt::server {

class CancelRegistry {
 public:
  void Register(int32_t process_id, int32_t secret_key, engine::SqlSession* session);
  void Unregister(int32_t process_id);

  // Requests cancellation of the session with this key; true if pid and secret matched.
  bool Cancel(int32_t process_id, int32_t secret_key);

  // Requests cancellation of every registered session (server shutdown).
  void CancelAll();

 private:
  struct Entry {
    int32_t secret_key;
    engine::SqlSession* session;
  };
  std::mutex mu_;
  std::unordered_map<int32_t, Entry> sessions_;
};

// Compares two secrets without an early exit, so timing reveals nothing.
bool ConstantTimeEquals(int32_t a, int32_t b);

}  // namespace basalt::server
