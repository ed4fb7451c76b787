// server/run_blocking.hpp
//
// RunBlocking(pool, job) runs `job` on the BlockingPool and resumes the calling
// coroutine on its own executor (the connection's strand) when the job is done.
// An exception thrown by the job is rethrown in the coroutine. While the job
// runs, the coroutine's executor counts outstanding work, so the io_context
// does not run out of work and return early.
#pragma once

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <memory>
#include <utility>

#include "server/blocking_pool.hpp"

namespace basalt::server {

template <class Job>
boost::asio::awaitable<void> RunBlocking(BlockingPool& pool, Job job) {
  namespace asio = boost::asio;
  auto initiate = [&pool](auto handler, Job job) {
    using Handler = decltype(handler);
    auto work = asio::prefer(asio::get_associated_executor(handler), asio::execution::outstanding_work.tracked);
    // std::function needs a copyable callable; the coroutine handler is move-only.
    auto shared = std::make_shared<Handler>(std::move(handler));
    pool.Submit([shared, work, job = std::move(job)]() mutable {
      std::exception_ptr error;
      try {
        job();
      } catch (...) {
        error = std::current_exception();
      }
      asio::post(work, [shared, error]() mutable { (*shared)(error); });
    });
  };
  co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(std::exception_ptr)>(
      std::move(initiate), asio::use_awaitable, std::move(job));
}

}  // namespace basalt::server
