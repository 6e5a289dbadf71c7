// Mock of async_simple (names as in its headers): a lazy Lazy<T>, syncAwait
// with or without an executor, Lazy::start and Lazy::detach, Lazy::via (a
// RescheduleLazy that runs the same coroutine on an executor).
#pragma once
#include <coroutine>
namespace async_simple {
struct Executor {};
namespace coro {
template <typename T = void> struct RescheduleLazy {
  void detach();
  template <typename F> void start(F &&) {}
};
template <typename T = void> struct Lazy {
  struct promise_type {
    Lazy get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
  template <typename F> void start(F &&) {}
  void detach();
  RescheduleLazy<T> via(Executor *) &&;
};
template <typename T> T syncAwait(Lazy<T> &&);
template <typename T> T syncAwait(Lazy<T> &&, Executor *);
} // namespace coro
} // namespace async_simple
