// Mock of folly::coro (names as in folly/experimental/coro): a lazy Task,
// blockingWait, AsyncScope::add.
#pragma once
#include <coroutine>
namespace folly {
namespace coro {
template <typename T = void> struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
template <typename Awaitable> auto blockingWait(Awaitable &&a) -> decltype(a.await_resume());
struct AsyncScope {
  template <typename T> void add(T &&);
};
} // namespace coro
} // namespace folly
