// server/blocking_pool.hpp
//
// BlockingPool runs work that may block (statement execution: fsync, lock
// waits, long scans) off the Asio I/O threads, so one slow statement never
// stalls other connections. It is elastic: a thread is started whenever a job
// arrives and no idle thread can take it (up to `max_threads`), and a thread
// that stays idle for `idle_timeout` exits. Jobs run in FIFO order; once all
// `max_threads` are busy, new jobs wait in the queue.
//
// Size the cap at least to the connection limit: a queued statement waits for
// a running one to finish, so a cap below the number of concurrently executing
// sessions would let one long query delay another.
//
// Thread-safety: all members may be called from any thread. The destructor
// runs every queued job, then joins all threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace basalt::server {

class BlockingPool {
 public:
  BlockingPool(size_t max_threads, std::chrono::milliseconds idle_timeout);
  ~BlockingPool();

  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  // Queues `job`; never blocks. A job that throws is logged and dropped: jobs
  // are expected to report their own outcome.
  void Submit(std::function<void()> job);

  size_t thread_count() const;
  size_t idle_count() const;
  size_t max_threads() const { return max_threads_; }

 private:
  void WorkerLoop();
  void JoinExited(std::unique_lock<std::mutex>& lock);

  const size_t max_threads_;
  const std::chrono::milliseconds idle_timeout_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::map<std::thread::id, std::thread> workers_;
  std::vector<std::thread> exited_;  // finished threads, joined later by someone else
  size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace basalt::server
