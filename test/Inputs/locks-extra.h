// Mock locking beyond sync.h, for async-lock-held-across-suspend and
// async-never-yielding-loop: std::lock, std::timed_mutex, std::atomic, Boost's
// mutex and guards, thread-safety-annotated types, and asynchronous mutexes
// (whose guards come out of a co_await).
#pragma once
#include <utility> // std::move, std::swap
#include "coro.h"
#include "sync.h"

namespace std {
template <class L1, class L2, class... L3> void lock(L1 &, L2 &, L3 &...) {}
struct timed_mutex {
  void lock();
  bool try_lock();
  template <class D> bool try_lock_for(const D &);
  void unlock();
};
template <typename T> struct atomic {
  T load() const noexcept;
  void store(T) noexcept;
  operator T() const noexcept;
  atomic &operator=(T) noexcept;
  T operator++() noexcept;
};
struct atomic_flag {
  bool test() const noexcept;
  bool test_and_set() noexcept;
  void clear() noexcept;
};
namespace this_thread { void yield() noexcept; }
} // namespace std

namespace boost {
struct mutex {
  void lock();
  bool try_lock();
  void unlock();
};
template <typename M> struct unique_lock {
  explicit unique_lock(M &);
  ~unique_lock();
  void lock();
  void unlock();
};
template <typename M> struct lock_guard {
  explicit lock_guard(M &);
  ~lock_guard();
};
} // namespace boost

// Types annotated for clang's thread-safety analysis.
struct __attribute__((capability("mutex"))) AnnotatedMutex {
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
struct __attribute__((scoped_lockable)) AnnotatedLock {
  explicit AnnotatedLock(AnnotatedMutex &m) __attribute__((acquire_capability(m)));
  ~AnnotatedLock() __attribute__((release_capability()));
};

// An asynchronous mutex: locking it is awaited, never blocks the thread.
struct AsyncMutex {
  struct AsyncLock { // cppcoro::async_mutex_lock
    ~AsyncLock();
  };
  template <typename R> struct Operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    R await_resume();
  };
  Operation<void> lock();               // co_await M.lock(); ... M.unlock();
  Operation<AsyncLock> scoped_lock_async();
  Operation<std::unique_lock<AsyncMutex>> co_scoped_lock(); // folly::coro::Mutex
  void unlock();
};

// An awaitable a project knows never suspends (for AllowedAwaitablesList).
namespace lib {
struct InlineAwaitable {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
} // namespace lib
