// server/blocking_pool.cpp
#include "server/blocking_pool.hpp"

#include <spdlog/spdlog.h>

#include <exception>

namespace basalt::server {

BlockingPool::BlockingPool(size_t max_threads, std::chrono::milliseconds idle_timeout)
    : max_threads_(max_threads == 0 ? 1 : max_threads), idle_timeout_(idle_timeout) {}

BlockingPool::~BlockingPool() {
  std::unique_lock lock(mu_);
  stopping_ = true;
  cv_.notify_all();
  // Workers drain the queue before they see stopping_, so every queued job runs.
  while (!workers_.empty() || !exited_.empty()) {
    std::vector<std::thread> to_join = std::move(exited_);
    exited_.clear();
    for (auto& [id, t] : workers_) to_join.push_back(std::move(t));
    workers_.clear();
    lock.unlock();
    for (auto& t : to_join) t.join();
    lock.lock();
  }
}

void BlockingPool::Submit(std::function<void()> job) {
  std::unique_lock lock(mu_);
  JoinExited(lock);
  queue_.push_back(std::move(job));
  // Each idle thread takes one queued job; start a new thread only for the
  // jobs that no idle thread will pick up.
  if (queue_.size() > idle_ && workers_.size() < max_threads_ && !stopping_) {
    std::thread t([this] { WorkerLoop(); });
    workers_.emplace(t.get_id(), std::move(t));
  }
  cv_.notify_one();
}

void BlockingPool::JoinExited(std::unique_lock<std::mutex>& lock) {
  if (exited_.empty()) return;
  std::vector<std::thread> to_join = std::move(exited_);
  exited_.clear();
  lock.unlock();
  // An exited thread has left WorkerLoop already, so join returns at once.
  for (auto& t : to_join) t.join();
  lock.lock();
}

void BlockingPool::WorkerLoop() {
  std::unique_lock lock(mu_);
  while (true) {
    if (!queue_.empty()) {
      std::function<void()> job = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      try {
        job();
      } catch (const std::exception& e) {
        spdlog::error("blocking pool: job threw: {}", e.what());
      } catch (...) {
        spdlog::error("blocking pool: job threw a non-standard exception");
      }
      job = nullptr;  // destroy captures outside the lock
      lock.lock();
      continue;
    }
    if (stopping_) break;
    ++idle_;
    bool woke = cv_.wait_for(lock, idle_timeout_, [this] { return !queue_.empty() || stopping_; });
    --idle_;
    if (!woke) break;  // idle for too long
  }
  // Hand our own std::thread to someone who can join it (a thread cannot join itself).
  auto node = workers_.extract(std::this_thread::get_id());
  if (!node.empty()) exited_.push_back(std::move(node.mapped()));
}

size_t BlockingPool::thread_count() const {
  std::lock_guard lock(mu_);
  return workers_.size();
}

size_t BlockingPool::idle_count() const {
  std::lock_guard lock(mu_);
  return idle_;
}

}  // namespace basalt::server
