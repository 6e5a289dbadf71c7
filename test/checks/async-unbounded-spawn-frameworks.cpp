// Framework spawns count as spawns (stdexec's start_detached and exec's
// async_scope, cppcoro's async_scope, folly's AsyncScope::add, libcoro's
// spawn_detached, async_simple's Lazy::start/detach); any awaited acquire of
// a semaphore-like class limits them, a user-defined one included; a
// `do { ... } while (false)` around a spawn is not a loop.
// RUN: %check_async_tidy %s async-unbounded-spawn %t -- -- -isystem %inputs -isystem %inputs/frameworks
#include "cppcoro.h"
#include "libcoro.h"
#include "folly.h"
#include "stdexec.h"
#include "async_simple.h"

bool running();
struct Sender {};
cppcoro::task<> job();
coro::task<> libcoroJob();
folly::coro::Task<> follyJob();
async_simple::coro::Lazy<> lazyJob();

struct AsyncSemaphore {
  struct Acquire {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  Acquire acquire();
  void release();
};

void spawnsForever(cppcoro::async_scope &Scope, exec::async_scope &ExecScope,
                   folly::coro::AsyncScope &FollyScope, coro::io_scheduler &Io) {
  while (running()) {
    stdexec::start_detached(Sender{});
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'stdexec::start_detached' starts a task on every iteration
    ExecScope.spawn(Sender{});
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'exec::async_scope::spawn' starts a task on every iteration
    Scope.spawn(job());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cppcoro::async_scope::spawn' starts a task on every iteration
    FollyScope.add(follyJob());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'folly::coro::AsyncScope::add' starts a task on every iteration
    Io.spawn_detached(libcoroJob());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'coro::io_scheduler::spawn_detached' starts a task on every iteration
    lazyJob().start([](auto &&) {});
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'async_simple::coro::Lazy::start' starts a task on every iteration
  }
}

cppcoro::task<> limited(cppcoro::async_scope &Scope, AsyncSemaphore &Sem, coro::semaphore &Slots) {
  while (running()) {
    co_await Sem.acquire();
    Scope.spawn(job());
  }
  while (running()) {
    co_await Slots.acquire();
    stdexec::start_detached(Sender{});
  }
  do {
    stdexec::start_detached(Sender{});
  } while (false);
}

// libcoro's spawn_joinable returns a join task whose destructor waits for the
// task (BlockingHandleSpawnFunctions): discarded, or kept in a local that
// dies with the iteration, it is joined before the next one starts. Its
// spawn_detached is not.
coro::task<> joinsEach(coro::thread_pool &Pool, coro::scheduler &S) {
  for (;;) {
    co_await Pool.schedule();
    Pool.spawn_joinable(libcoroJob());
    auto Joined = Pool.spawn_joinable(libcoroJob());
    S.spawn_detached(libcoroJob());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'coro::scheduler::spawn_detached' starts a task on every iteration
  }
}
