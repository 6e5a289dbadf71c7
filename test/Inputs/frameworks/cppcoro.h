// Mock of cppcoro (names as in its headers): lazy task, a synchronous
// generator, sync_wait, a thread pool whose schedule() resumes the awaiting
// coroutine on a pool thread, io_service, async_scope.
#pragma once
#include <coroutine>
namespace cppcoro {
template <typename T = void> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
template <typename T> struct generator {
  struct promise_type {
    generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const T &) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct iterator {};
  iterator begin();
  iterator end();
};
struct schedule_operation {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
struct static_thread_pool {
  schedule_operation schedule() noexcept;
};
struct io_service {
  schedule_operation schedule() noexcept;
  unsigned long process_events();
  void stop() noexcept;
};
template <typename Awaitable> auto sync_wait(Awaitable &&a) -> decltype(a.await_resume());
// Not a coroutine: builds one awaitable that starts every task it is given.
struct when_all_ready_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
template <typename... Awaitables> when_all_ready_awaitable when_all_ready(Awaitables &&...);
struct async_scope {
  template <typename Awaitable> void spawn(Awaitable &&);
  task<> join();
};
} // namespace cppcoro
