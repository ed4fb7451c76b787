// Shared fixtures for txn tests: a fresh store + manager, and a bounded poll.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "engine/storage/store.hpp"
#include "engine/txn/txn_manager.hpp"
#include "tests/unit/temp_dir.hpp"

namespace basalt::test {

struct TxnFixture {
  TempDir dir;
  std::unique_ptr<engine::storage::Store> store;
  std::unique_ptr<engine::txn::TxnManager> mgr;

  TxnFixture() { Open(true); }
  void Open(bool create) {
    if (create) engine::storage::Store::Create(dir.path());
    store = engine::storage::Store::Open(dir.path());
    mgr = std::make_unique<engine::txn::TxnManager>(*store);
  }
  void Reopen() {
    mgr.reset();
    store.reset();
    Open(false);
  }
};

// Polls `pred` until true (bounded, so a broken test fails instead of hanging).
inline bool Eventually(const std::function<bool()>& pred, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

}  // namespace basalt::test
