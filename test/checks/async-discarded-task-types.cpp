// Laziness is decided from the task type itself, whatever its framework:
// a nested promise_type, a std::coroutine_traits specialization (full or
// partial, as Asio's), an initial_suspend awaitable with a constant
// await_ready, [[clang::coro_return_type]], and the TaskTypes option.
// RUN: %check_async_tidy %s async-discarded-task %t -- -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=OPT %s async-discarded-task %t -- \
// RUN:   -config="{CheckOptions: {async-discarded-task.TaskTypes: '::opaque::Job'}}" -- -isystem %inputs
// RUN: %clang_tidy --load=%plugin --checks='-*,async-discarded-task' \
// RUN:   -config="{CheckOptions: {async-discarded-task.TaskTypes: '::opaque::Job'}}" \
// RUN:   --dump-config %s -- | FileCheck -check-prefix=DUMP %s
// DUMP: async-discarded-task.TaskTypes: '::opaque::Job'
#include <coroutine>

// An awaitable of the library's own that never completes at once: lazy.
struct StartSuspended {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
// One that is always ready: eager.
struct StartRunning {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
// One whose answer is not a constant: unknown, so not reported.
struct StartMaybe {
  bool Ready;
  bool await_ready() const noexcept { return Ready; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

template <typename Initial> struct BasicTask {
  struct promise_type {
    BasicTask get_return_object() { return {}; }
    Initial initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
BasicTask<StartSuspended> customLazy();
// A generator's iterator that keeps the promise type as a private alias (as
// QCoro's GeneratorIterator does): coroutine_traits cannot name it, so the
// iterator is no task, and `++it` discards nothing.
class LazyIterator {
  using promise_type = BasicTask<StartSuspended>::promise_type;
public:
  LazyIterator operator++();
};
BasicTask<StartRunning> customEager();
BasicTask<StartMaybe> customMaybe();

// The promise comes from a full specialization of std::coroutine_traits.
struct TraitsTask {};
struct TraitsPromise {
  TraitsTask get_return_object() { return {}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};
template <> struct std::coroutine_traits<TraitsTask> { using promise_type = TraitsPromise; };
TraitsTask viaFullTraits();

// ... from a partial specialization for a class template, with an `auto`
// initial_suspend in a base of the promise, like asio::awaitable.
namespace lib {
template <typename T, typename Executor> struct frame_base {
  auto initial_suspend() noexcept { return std::suspend_always(); }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
};
template <typename T, typename Executor> struct frame : frame_base<T, Executor> {
  void return_void() {}
};
struct executor {};
template <typename T, typename Executor = executor> struct awaitable {};
} // namespace lib
template <typename T, typename Executor, typename... Args>
struct std::coroutine_traits<lib::awaitable<T, Executor>, Args...> {
  using promise_type = lib::frame<T, Executor>;
};
lib::awaitable<void> viaPartialTraits();

// Marked as a coroutine return type, promise not visible here.
struct [[clang::coro_return_type]] MarkedTask {};
MarkedTask &markedTask();
[[clang::coro_wrapper]] MarkedTask makeMarked();

// Only the TaskTypes option knows this one.
namespace opaque {
struct Job {};
} // namespace opaque
opaque::Job opaqueJob();

void dropsEachKind() {
  customLazy();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'customLazy' is discarded; its coroutine body will never run [async-discarded-task]
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: lazy task returned by 'customLazy' is discarded
  viaFullTraits();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'viaFullTraits' is discarded
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: lazy task returned by 'viaFullTraits' is discarded
  viaPartialTraits();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'viaPartialTraits' is discarded
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: lazy task returned by 'viaPartialTraits' is discarded
  makeMarked();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'makeMarked' is discarded
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: lazy task returned by 'makeMarked' is discarded
  opaqueJob();
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: lazy task returned by 'opaqueJob' is discarded

  // Not reported: eager, undecidable, and a reference to a task (no new task).
  LazyIterator It;
  ++It;
  customEager();
  customMaybe();
  markedTask();

  // NOLINT suppresses.
  customLazy(); // NOLINT(async-discarded-task)
}
