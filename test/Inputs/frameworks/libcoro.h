// Mock of libcoro (names as in its headers): coro::task, coro::sync_wait,
// a thread_pool (CPU work) and an io_scheduler (I/O), both with schedule(),
// spawn_detached and spawn_joinable (its join task owns a task_group, whose
// destructor waits for the task), shutdown (waits for every task in
// flight), a scheduler (libcoro 0.16's name), and an asynchronous semaphore.
#pragma once
#include <coroutine>
namespace coro {
template <typename T> struct promise_result { template <typename U> void return_value(U &&) {} };
template <> struct promise_result<void> { void return_void() {} };
template <typename T = void> struct task {
  struct promise_type : promise_result<T> {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
struct schedule_operation {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
struct thread_pool {
  schedule_operation schedule();
  task<> spawn_joinable(task<> &&);
  void shutdown() noexcept;
};
struct io_scheduler {
  schedule_operation schedule();
  bool spawn_detached(task<> &&);
  task<> spawn_joinable(task<> &&);
  void shutdown() noexcept;
};
struct scheduler {
  schedule_operation schedule();
  bool spawn_detached(task<> &&);
  task<> spawn_joinable(task<> &&);
  void shutdown() noexcept;
};
struct semaphore {
  task<bool> acquire();
  void release();
};
template <typename Awaitable> auto sync_wait(Awaitable &&a) -> decltype(a.await_resume());
} // namespace coro
