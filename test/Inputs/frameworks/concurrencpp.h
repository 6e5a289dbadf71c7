// Mock of concurrencpp's executors and results (names as in its headers):
// result<T> is eager; co_await resume_on(executor) moves the coroutine onto
// that executor; background_executor is meant for blocking I/O,
// thread_executor starts a thread per task.
#pragma once
#include <coroutine>
namespace std {
template <typename T> struct shared_ptr {
  T *operator->() const;
  T &operator*() const;
};
} // namespace std
namespace concurrencpp {
struct executor {};
struct thread_pool_executor : executor {};
struct thread_executor : executor {};
struct manual_executor : executor {};
struct worker_thread_executor : executor {};
struct runtime {
  std::shared_ptr<thread_pool_executor> thread_pool_executor() const;
  std::shared_ptr<concurrencpp::thread_pool_executor> background_executor() const; // the same type
  std::shared_ptr<thread_executor> thread_executor() const;
};
// A coroutine started on an executor first suspends to schedule itself
// there (the awaiter derives from suspend_always): read alone, the promise
// looks lazy, but the task is running as soon as the call returns.
struct initial_scheduling_awaiter : std::suspend_always {
  void await_suspend(std::coroutine_handle<>) const noexcept {}
};
template <typename T> struct result;
// `co_await r.resolve()` gives back the result, completed.
template <typename T> struct resolve_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  result<T> await_resume();
};
template <typename T = void> struct result {
  struct promise_type {
    result get_return_object() { return {}; }
    initial_scheduling_awaiter initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
  T get();
  resolve_awaitable<T> resolve();
};
template <typename T = void> struct lazy_result {
  struct promise_type {
    lazy_result get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
struct resume_on_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
template <typename Executor> resume_on_awaitable resume_on(std::shared_ptr<Executor>);
template <typename Executor> resume_on_awaitable resume_on(Executor &);
} // namespace concurrencpp
