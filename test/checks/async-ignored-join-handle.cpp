// A spawned task or thread whose handle is thrown away: its exception (or its
// end) is never seen. A task whose whole body catches every exception loses
// nothing and is not reported.
// RUN: %check_async_tidy %s async-ignored-join-handle %t -- -- -isystem %inputs
#include "asio.h"
#include "sync.h"
#include "asyncrt-mock.h"

asio::awaitable<void> session();
asio::awaitable<void> guardedSession();
asyncrt::Task<> job();
asyncrt::Task<> guardedJob();
void work();

// --- asio::co_spawn with asio::detached -----------------------------------

void spawnsDetached(asio::io_context &Ctx) {
  asio::co_spawn(Ctx.get_executor(), session(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards the spawned coroutine's exception; pass a completion handler that rethrows or logs the std::exception_ptr, or catch every exception inside the coroutine [async-ignored-join-handle]
  asio::co_spawn(Ctx, []() -> asio::awaitable<void> { co_await session(); }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  using asio::co_spawn;
  co_spawn(Ctx, session(), asio::detached_t{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached_t' discards
}

// The spawned coroutine's whole body is a try that catches everything.
asio::awaitable<void> guardedSession() {
  try {
    co_await Awaitable{};
  } catch (std::exception &E) {
  }
}
asio::awaitable<void> catchAllSession() try {
  co_return;
} catch (...) {
}
struct Chat {
  asio::awaitable<void> reader() {
    try {
      co_return;
    } catch (const std::exception &) {
    }
  }
  void start(asio::io_context &Ctx) {
    // Through a lambda that forwards to a guarded coroutine (Asio's chat server).
    asio::co_spawn(Ctx, [this] { return reader(); }, asio::detached);
  }
};
// Partly guarded: a statement runs outside the try.
asio::awaitable<void> partlyGuarded() {
  co_await session();
  try {
    co_return;
  } catch (...) {
  }
}
// Guarded only against one kind of error.
struct NetError {};
asio::awaitable<void> narrowlyGuarded() {
  try {
    co_await session();
  } catch (NetError &) {
  }
}

void spawnsGuarded(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, guardedSession(), asio::detached);
  asio::co_spawn(Ctx, catchAllSession(), asio::detached);
  asio::co_spawn(Ctx, []() -> asio::awaitable<void> {
    try { co_return; } catch (...) {}
  }, asio::detached);
  asio::co_spawn(Ctx, partlyGuarded(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  asio::co_spawn(Ctx, narrowlyGuarded(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
}

// Other completion tokens see the outcome.
void spawnsWithHandler(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, session(), [](std::exception_ptr) {});
  asio::co_spawn(Ctx, session(), asio::use_awaitable);
}

// --- std::thread::detach --------------------------------------------------

void detachesThreads() {
  std::thread T(work);
  T.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::thread::detach' leaves the thread unjoined; nothing waits for it to finish and it may outlive what it uses; keep the thread and join it (a std::jthread joins when destroyed) [async-ignored-join-handle]
  std::thread(work).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::thread::detach' leaves the thread unjoined
  std::jthread J(work);
  J.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::jthread::detach' leaves the thread unjoined
}

void joinsThreads() {
  std::thread T(work);
  T.join();
  std::jthread J(work);
}

// --- A discarded std::async future ----------------------------------------

void discardsFuture() {
  std::async(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: future returned by 'std::async' is discarded; its destructor blocks right here until the task finishes, and the task's result and exception are lost; keep the future and call get() when the result is needed [async-ignored-join-handle]
  (void)std::async(std::launch::async, work);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: future returned by 'std::async' is discarded
}

void keepsFuture() {
  auto F = std::async(work);
  F.get();
}

// --- Handles of spawn functions -------------------------------------------

asyncrt::Task<> guardedJob() {
  try {
    co_await asyncrt::sleep(1);
  } catch (...) {
  }
}

asyncrt::Task<> dropsHandles() {
  asyncrt::spawn(job());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: join handle returned by 'asyncrt::spawn' is discarded; the task is detached and its result and exception are lost; co_await the handle, keep the task in a join set, or catch every exception inside the task [async-ignored-join-handle]
  asyncrt::spawn_blocking([] { work(); return 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: join handle returned by 'asyncrt::spawn_blocking' is discarded
  // A task that cannot throw loses nothing but its value.
  asyncrt::spawn_blocking([] { return 1; });
  auto Unused = asyncrt::spawn(job());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: join handle 'Unused' from 'asyncrt::spawn' is never used; the task is detached when the handle goes out of scope and its result and exception are lost [async-ignored-join-handle]
  asyncrt::spawn(job()).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'asyncrt::JoinHandle::detach' detaches the task; its result and exception are lost; co_await the handle, keep the task in a join set, or catch every exception inside the task [async-ignored-join-handle]
  auto Detached = asyncrt::spawn(job());
  Detached.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'asyncrt::JoinHandle::detach' detaches the task
  co_return;
}

// Spawns in both branches of a discarded ?: drop both handles.
asyncrt::Task<> dropsHandlesInConditional(bool Urgent) {
  Urgent ? asyncrt::spawn(job()) : asyncrt::spawn(job());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: join handle returned by 'asyncrt::spawn' is discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:36: warning: join handle returned by 'asyncrt::spawn' is discarded
  auto Kept = Urgent ? asyncrt::spawn(job()) : asyncrt::spawn(job());
  co_await Kept;
}

asyncrt::Task<> usesHandles() {
  co_await asyncrt::spawn(job());             // awaited
  auto Kept = asyncrt::spawn(job());
  co_await Kept;                              // awaited later
  asyncrt::JoinSet<> Set;
  Set.spawn(job());                           // the set owns the task
  asyncrt::spawn(guardedJob());               // the task catches everything
  asyncrt::spawn(guardedJob()).detach();
  auto Guarded = asyncrt::spawn(guardedJob());
  Guarded.detach();
}

// --- Templates, macros, NOLINT ---------------------------------------------

template <typename T> void detachesInTemplate() {
  asyncrt::spawn(job());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: join handle returned by 'asyncrt::spawn' is discarded
}
template void detachesInTemplate<int>();
template void detachesInTemplate<long>();

#define FIRE(ex, task) asio::co_spawn(ex, task, asio::detached)
void spawnsThroughMacro(asio::io_context &Ctx) {
  FIRE(Ctx, session());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  asio::co_spawn(Ctx, session(), asio::detached); // NOLINT(async-ignored-join-handle)
}
