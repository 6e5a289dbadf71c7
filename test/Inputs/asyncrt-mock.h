// Mock of the reference runtime model's task API (namespace asyncrt) for
// the task-lifecycle checks: a lazy Task, spawn and its JoinHandle, JoinSet,
// spawn_blocking and an asynchronous Semaphore. Declarations only where the
// checks need no bodies.
#pragma once
#include <coroutine>

namespace std {
class exception {
public:
  virtual ~exception();
  virtual const char *what() const noexcept;
};
class exception_ptr {};
} // namespace std

namespace asyncrt {

template <typename T = void> class [[nodiscard]] Task {
public:
  struct promise_type {
    Task get_return_object() { return Task{}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  Task() = default;
  Task(Task &&) noexcept {}
  ~Task() {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
template <> struct Task<void>::promise_type {
  Task get_return_object() { return Task{}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

template <typename T = void> class JoinHandle {
public:
  JoinHandle() noexcept;
  JoinHandle(JoinHandle &&) noexcept;
  ~JoinHandle(); // dropping the handle detaches the task
  void detach();
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};

template <typename T> JoinHandle<T> spawn(Task<T> &&);
template <typename F> auto spawn_blocking(F &&f) -> JoinHandle<decltype(f())> { return {}; }

template <typename T = void> class JoinSet {
public:
  void spawn(Task<T> &&);
  Task<bool> join_next();
  unsigned long size() const noexcept;
};

class Permit {};
class Semaphore {
public:
  explicit Semaphore(unsigned long) {}
  Task<Permit> acquire();
};

Task<void> sleep(long Ms);

// Timeouts and races: timeout(d, aw) gives up after d; select(a, b...) takes the first.
template <typename D, typename A> Task<bool> timeout(D, A &&);
template <typename... A> Task<int> select(A &&...);

// Executor hops: `co_await on(blocking_pool())` moves the task onto the
// spawn_blocking pool, `co_await on(workers())` back.
class Executor {};
Executor blocking_pool() noexcept;
Executor workers() noexcept;
struct HopAwaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() const noexcept {}
};
HopAwaiter on(Executor) noexcept;
} // namespace asyncrt
