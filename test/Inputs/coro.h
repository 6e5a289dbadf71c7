// Mock coroutine types for focused tests: a lazy task, an eager task, and
// awaitables that do or do not suspend. Uses the real <coroutine> (a small
// header); everything else is declared here.
#pragma once
#include <coroutine>

namespace std { using size_t = decltype(sizeof(0)); }

// A lazy task: its body runs only when it is awaited (initial_suspend is
// suspend_always), as with cppcoro::task, folly::coro::Task, asio::awaitable.
template <typename T = void> struct Task {
  struct promise_type {
    Task get_return_object() { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  explicit Task(std::coroutine_handle<promise_type> H) : Handle(H) {}
  Task(Task &&O) noexcept : Handle(O.Handle) { O.Handle = nullptr; }
  ~Task() { if (Handle) Handle.destroy(); }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() { return T{}; }
  std::coroutine_handle<promise_type> Handle;
};

template <> struct Task<void>::promise_type {
  Task get_return_object() { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};
template <> inline void Task<void>::await_resume() {}

// An eager task: its body runs at once, up to its first suspension.
struct EagerTask {
  struct promise_type {
    EagerTask get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A generator-like type for co_yield.
struct Generator {
  struct promise_type {
    Generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// An awaitable that always suspends.
struct Awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() noexcept { return 0; }
};

// An awaitable that never suspends.
struct ReadyAwaitable {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() noexcept { return 0; }
};

// An asynchronous operation: a function returning an awaitable.
inline Awaitable asyncOperation() { return {}; }
