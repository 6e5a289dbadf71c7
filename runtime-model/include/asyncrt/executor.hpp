// Executor hops: `co_await on(blocking_pool())` moves the rest of the running task onto the
// runtime's spawn_blocking pool, and `co_await on(workers())` moves it back. Between the two
// the task may block (sleep, blocking I/O, future::get, heavy loops) without stalling a
// worker, which is what concurrencpp's resume_on(background_executor), cppcoro's
// `co_await pool.schedule()` and Asio's `co_await post(pool, use_awaitable)` are for.
//
// The whole task moves, children it awaits included; every later scheduling of it (after a
// sleep, a channel receive, ...) runs on a pool thread until it hops back. A hop is a real
// suspension (a sync lock held across it is reported, and would be unlocked on another
// thread). Awaiting the place the task already runs on does not suspend.
#pragma once
#include <coroutine>

#include "asyncrt/detail/core.hpp"

namespace asyncrt {

// Where a task's code runs.
class Executor {
 public:
  bool is_blocking_pool() const noexcept { return blocking_; }
  friend bool operator==(Executor, Executor) = default;

 private:
  friend Executor blocking_pool() noexcept;
  friend Executor workers() noexcept;
  explicit constexpr Executor(bool blocking) noexcept : blocking_(blocking) {}
  bool blocking_;
};

// The runtime's spawn_blocking pool (bounded by RuntimeOptions::max_blocking_threads).
inline Executor blocking_pool() noexcept { return Executor(true); }
// The runtime's workers (the current-thread flavour's block_on thread).
inline Executor workers() noexcept { return Executor(false); }

namespace detail {

struct [[nodiscard]] HopAwaiter {
  Executor to;
  bool await_ready() const noexcept {
    TaskHeader* t = current_task();
    return t && t->on_blocking_pool.load(std::memory_order_relaxed) == to.is_blocking_pool();
  }
  void await_suspend(std::coroutine_handle<> h) {
    Waker w = Waker::current(h);  // terminates outside a runtime task
    w.task()->on_blocking_pool.store(to.is_blocking_pool(), std::memory_order_relaxed);
    // Still running: the wake marks the task notified, and the scheduler re-schedules it
    // once this resume returns, onto the place it now belongs to.
    w.wake();
  }
  void await_resume() const noexcept {}
};

}  // namespace detail

// `co_await on(blocking_pool())` / `co_await on(workers())`.
[[nodiscard]] inline detail::HopAwaiter on(Executor to) noexcept { return {to}; }

// For hand-written awaiters: `Waker::current(h)` in await_suspend, then `wake()` from any
// thread (a completion thread, a callback) resumes the task through its scheduler.
using detail::Waker;

}  // namespace asyncrt
