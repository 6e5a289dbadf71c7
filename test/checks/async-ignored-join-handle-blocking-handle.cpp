// A handle whose destructor waits for the task is not detached when it is
// dropped: the statement blocks until the task finishes. std::async's future
// is one; libcoro's spawn_joinable returns a join task that owns a task_group,
// whose destructor waits for the task (BlockingHandleSpawnFunctions, from the
// libcoro profile). A discarded one is reported whatever the task does (a
// task that catches everything still blocks the statement); an unused local
// one is reported in a coroutine only, where it blocks the coroutine's thread
// at the end of the scope; in plain code it is a join at the end of the
// scope, as a std::jthread's. asyncrt's handle, which detaches, is the
// contrast.
// RUN: %check_async_tidy %s async-ignored-join-handle %t -- -- -isystem %inputs -isystem %inputs/frameworks
// Without the profile, spawn_joinable is a plain spawn function (the default
// SpawnFunctions), whose dropped handle detaches:
// RUN: %check_async_tidy -check-suffix=NOPROFILE %s async-ignored-join-handle %t -- \
// RUN:   -config="{CheckOptions: {Frameworks: '-libcoro'}}" -- -isystem %inputs -isystem %inputs/frameworks
#include "asyncrt-mock.h"
#include "libcoro.h"
#include "sync.h"

coro::task<> work();
coro::task<> guarded() {
  try {
    co_await work();
  } catch (...) {
  }
}
int compute();

void plainCode(coro::thread_pool &Pool, coro::scheduler &S) {
  Pool.spawn_joinable(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: join handle returned by 'coro::thread_pool::spawn_joinable' is discarded; its destructor blocks right here until the task finishes; keep the handle and co_await it where the task should be joined [async-ignored-join-handle]
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-2]]:3: warning: join handle returned by 'coro::thread_pool::spawn_joinable' is discarded; the task is detached
  S.spawn_joinable(guarded());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: join handle returned by 'coro::scheduler::spawn_joinable' is discarded; its destructor blocks right here
  auto Joined = Pool.spawn_joinable(work()); // a join at the end of the scope
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-1]]:8: warning: join handle 'Joined' from 'coro::thread_pool::spawn_joinable' is never used; the task is detached
  auto F = std::async(compute);              // the same
}

coro::task<> inCoroutine(coro::io_scheduler &Io) {
  auto Unused = Io.spawn_joinable(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: join handle 'Unused' from 'coro::io_scheduler::spawn_joinable' is never used; its destructor blocks the coroutine's thread at the end of the scope until the task finishes; co_await the handle instead [async-ignored-join-handle]
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-2]]:8: warning: join handle 'Unused' from 'coro::io_scheduler::spawn_joinable' is never used; the task is detached
  auto F = std::async(compute);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: future 'F' from 'std::async' is never used; its destructor blocks the coroutine's thread at the end of the scope until the task finishes; spawn the work as a task and co_await it instead [async-ignored-join-handle]
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-2]]:8: warning: future 'F' from 'std::async' is never used
  auto Joined = Io.spawn_joinable(work());
  co_await Joined;
  auto Used = std::async(compute);
  int R = Used.get();
  (void)R;
}

asyncrt::Task<> job();
asyncrt::Task<> detaches() {
  auto Dropped = asyncrt::spawn(job());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: join handle 'Dropped' from 'asyncrt::spawn' is never used; the task is detached when the handle goes out of scope
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-2]]:8: warning: join handle 'Dropped' from 'asyncrt::spawn' is never used; the task is detached
  co_return;
}
