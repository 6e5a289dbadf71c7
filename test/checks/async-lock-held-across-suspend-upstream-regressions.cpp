// Regression cases for the upstream checks' known false positives and false
// negatives (misc-coroutine-hostile-raii, cppcoreguidelines-no-suspend-with-
// lock; see docs/checks/async-lock-held-across-suspend.md for the side-by-side
// table produced from this file). Each function is one case, named by it.
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- -isystem %inputs
#include "coro.h"
#include "locks-extra.h"

std::mutex Mutex;
std::mutex OtherMutex;
int compute(int);
void consume(std::unique_lock<std::mutex>);

// C1 (true positive for all): a guard alive at a co_await.
Task<> c1_guardAcrossAwait() {
  std::lock_guard<std::mutex> Guard(Mutex);
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Guard' is held across 'co_await'
}

// C2 (hostile-raii false negative, llvm#72793): the await in an initializer.
Task<> c2_awaitInInitializer() {
  std::lock_guard<std::mutex> Guard(Mutex);
  int Value = co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: lock guard 'Guard' is held across 'co_await'
  (void)Value;
}

// C3 (hostile-raii false negative): the await in an argument in an initializer.
Task<> c3_awaitInInitializerArgument() {
  std::lock_guard<std::mutex> Guard(Mutex);
  int Value = compute(co_await Awaitable{});
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: lock guard 'Guard' is held across 'co_await'
  (void)Value;
}

// C4 (false negative for both): a manual lock()/unlock() around an await.
Task<> c4_manualLock() {
  Mutex.lock();
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'Mutex' is held across 'co_await'
  Mutex.unlock();
}

// C5 (false positive, by design in no-suspend-with-lock): unlock() first.
Task<> c5_unlockBeforeAwait() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Lock.unlock();
  co_await Awaitable{};
}

// C6 (false positive): the guard moved away before the await.
Task<> c6_movedAway() {
  std::unique_lock<std::mutex> Lock(Mutex);
  consume(std::move(Lock));
  co_await Awaitable{};
}

// C7 (false positive): release() and unlock of the released mutex.
Task<> c7_releasedAndUnlocked() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Lock.release()->unlock();
  co_await Awaitable{};
}

// C8 (false positive): swapped with an empty guard, which then unlocks.
Task<> c8_swappedAway() {
  std::unique_lock<std::mutex> Lock(Mutex);
  std::unique_lock<std::mutex> Empty;
  Lock.swap(Empty);
  Empty.unlock();
  co_await Awaitable{};
}

// C9 (false positive): a deferred guard that never locks.
Task<> c9_deferredNeverLocked() {
  std::unique_lock<std::mutex> Lock(Mutex, std::defer_lock);
  co_await Awaitable{};
}

// C10 (false positive): the try failed on this branch.
Task<> c10_tryFailedBranch() {
  std::unique_lock<std::mutex> Lock(Mutex, std::try_to_lock);
  if (!Lock.owns_lock()) {
    co_await Awaitable{};
  }
}

// C11 (hostile-raii: AllowedAwaitables does not apply to co_yield): a guard
// at a co_yield is reported by all.
Generator c11_yieldUnderLock() {
  std::scoped_lock Guard(Mutex);
  co_yield 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Guard' is held across 'co_yield'
}

// C12 (false negative for both): a manual lock still held at co_return
// outlives the body into the final suspension.
Task<int> c12_manualLockAtReturn() {
  Mutex.lock();
  co_return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'Mutex' is still locked when coroutine 'c12_manualLockAtReturn' finishes
}

// C13 (true negative for all): the guard's scope ends before the await.
Task<> c13_scopeEnded() {
  {
    std::lock_guard<std::mutex> Guard(Mutex);
    (void)compute(1);
  }
  co_await Awaitable{};
}

// C14 (false negative for both): relocked after an unlock, before a later await.
Task<> c14_relocked() {
  std::unique_lock<std::mutex> Lock(OtherMutex);
  Lock.unlock();
  co_await Awaitable{};
  Lock.lock();
  int Value = co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: lock guard 'Lock' is held across 'co_await'
  (void)Value;
}

// C15 (true negative): an asynchronous mutex's guard.
Task<> c15_asyncMutexGuard() {
  AsyncMutex Async;
  std::unique_lock<AsyncMutex> Lock = co_await Async.co_scoped_lock();
  co_await Awaitable{};
}
