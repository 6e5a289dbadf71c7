// Not synchronous locks: guards whose value comes out of a co_await (an
// asynchronous mutex's lock). Not suspensions: awaits that never suspend
// (std::suspend_never, await_ready() constantly true, AllowedAwaitablesList).
// The options RAIITypesList and MutexTypesList replace the default lists.
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=OPT %s async-lock-held-across-suspend %t -- \
// RUN:   -config="{CheckOptions: {async-lock-held-across-suspend.AllowedAwaitablesList: '::std::suspend_never;::lib::InlineAwaitable', async-lock-held-across-suspend.RAIITypesList: '::std::lock_guard;::project::Guard', async-lock-held-across-suspend.MutexTypesList: '::project::Mutex'}}" -- -isystem %inputs
#include "coro.h"
#include "locks-extra.h"

std::mutex Mutex;
AsyncMutex Async;

namespace project {
struct Mutex {
  void lock();
  void unlock();
};
struct Guard {
  explicit Guard(Mutex &);
  ~Guard();
};
} // namespace project
project::Mutex Project;

Task<> asyncGuards() {
  auto Scoped = co_await Async.scoped_lock_async();
  std::unique_lock<AsyncMutex> Unique = co_await Async.co_scoped_lock();
  co_await Awaitable{};
}

Task<> neverSuspends() {
  std::lock_guard<std::mutex> Guard(Mutex);
  co_await std::suspend_never{};
  co_await ReadyAwaitable{};
}

Task<> inlineAwaitable() {
  std::lock_guard<std::mutex> Guard(Mutex);
  co_await lib::InlineAwaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Guard' is held across 'co_await' in coroutine 'inlineAwaitable'
}

Task<> projectTypes() {
  project::Guard Guard(Project);
  Project.lock();
  co_await Awaitable{};
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: lock guard 'Guard' is held across 'co_await' in coroutine 'projectTypes'
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: mutex 'Project' is held across 'co_await' in coroutine 'projectTypes'
  Project.unlock();
}
