#include <catch2/catch.hpp>

#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_future.hpp>
#include <atomic>
#include <future>
#include <latch>
#include <thread>

#include "server/blocking_pool.hpp"
#include "server/run_blocking.hpp"

using namespace basalt::server;
namespace asio = boost::asio;

namespace {
// Polls `pred` for up to 5 s; thread exit has no event to wait on.
template <class Pred>
bool Eventually(Pred pred) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::yield();
  }
  return pred();
}
}  // namespace

TEST_CASE("blocking pool grows on demand up to its cap", "[server][pool]") {
  BlockingPool pool(4, std::chrono::milliseconds(50));
  std::latch started(4);
  std::promise<void> release;
  std::shared_future<void> go = release.get_future().share();
  for (int i = 0; i < 4; ++i) {
    pool.Submit([&started, go] {
      started.count_down();
      go.wait();
    });
  }
  started.wait();  // four jobs run at once: four threads
  REQUIRE(pool.thread_count() == 4);
  std::atomic<bool> fifth_ran{false};
  pool.Submit([&] { fifth_ran = true; });  // queued: the cap is reached
  REQUIRE(pool.thread_count() == 4);
  release.set_value();
  REQUIRE(Eventually([&] { return fifth_ran.load(); }));
  // Idle threads exit after the idle timeout.
  REQUIRE(Eventually([&] { return pool.thread_count() == 0; }));
  // And the pool still works afterwards.
  std::promise<int> p;
  pool.Submit([&] { p.set_value(7); });
  REQUIRE(p.get_future().get() == 7);
}

TEST_CASE("blocking pool runs queued jobs before its destructor returns", "[server][pool]") {
  std::atomic<int> ran{0};
  {
    BlockingPool pool(1, std::chrono::seconds(10));
    for (int i = 0; i < 100; ++i) pool.Submit([&] { ++ran; });
    pool.Submit([] { throw std::runtime_error("a job that throws is contained"); });
  }
  REQUIRE(ran == 100);
}

TEST_CASE("RunBlocking resumes the coroutine on its strand and propagates exceptions", "[server][pool]") {
  asio::io_context io;
  BlockingPool pool(2, std::chrono::seconds(1));
  auto strand = asio::make_strand(io);
  std::thread::id job_thread;
  bool resumed_on_strand = false;
  bool caught = false;
  auto fut = asio::co_spawn(
      strand,
      [&]() -> asio::awaitable<void> {
        co_await RunBlocking(pool, [&] { job_thread = std::this_thread::get_id(); });
        resumed_on_strand = strand.running_in_this_thread();
        try {
          co_await RunBlocking(pool, [] { throw std::runtime_error("x"); });
        } catch (const std::runtime_error&) {
          caught = true;
        }
      },
      asio::use_future);
  io.run();  // returns only once the coroutine is done: pending jobs count as work
  fut.get();
  REQUIRE(job_thread != std::this_thread::get_id());
  REQUIRE(resumed_on_strand);
  REQUIRE(caught);
}
