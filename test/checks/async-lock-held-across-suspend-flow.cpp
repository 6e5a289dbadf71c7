// The lock state is followed along every path: a guard that was unlocked,
// released, swapped or moved away before the suspension is not reported; one
// re-locked, or held on the branch where a try succeeded, is.
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- -isystem %inputs
#include "coro.h"
#include "locks-extra.h"

std::mutex Mutex;
std::mutex OtherMutex;
void consume(std::unique_lock<std::mutex>);

// --- unlock / lock ----------------------------------------------------------

Task<> unlockedFirst() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Lock.unlock();
  co_await Awaitable{};
}

Task<> relockedAfterUnlock() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Lock.unlock();
  co_await Awaitable{};
  Lock.lock();
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await' in coroutine 'relockedAfterUnlock'
}

Task<> unlockedOnOneBranchOnly(bool Flag) {
  std::unique_lock<std::mutex> Lock(Mutex);
  if (Flag)
    Lock.unlock();
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
}

Task<> unlockedInLoopBeforeAwait(int N) {
  std::unique_lock<std::mutex> Lock(Mutex, std::defer_lock);
  for (int I = 0; I < N; ++I) {
    Lock.lock();
    Lock.unlock();
    co_await Awaitable{};
  }
}

// The lock taken at the end of one iteration is held at the await of the next.
Task<> relockedAtEndOfIteration(int N) {
  std::unique_lock<std::mutex> Lock(Mutex);
  for (int I = 0; I < N; ++I) {
    Lock.unlock();
    co_await Awaitable{};
    Lock.lock();
  }
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
}

// --- try_lock and owns_lock branches ----------------------------------------

Task<> tryToLockTested() {
  std::unique_lock<std::mutex> Lock(Mutex, std::try_to_lock);
  if (!Lock) {
    co_await Awaitable{}; // not held here
    co_return;
  }
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
}

Task<> ownsLockTested() {
  std::unique_lock<std::mutex> Lock(Mutex, std::try_to_lock);
  if (Lock.owns_lock()) {
    co_await Awaitable{};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lock guard 'Lock' is held across 'co_await'
  } else {
    co_await Awaitable{};
  }
}

Task<> guardTryLock() {
  std::unique_lock<std::mutex> Lock(Mutex, std::defer_lock);
  if (!Lock.try_lock())
    co_await Awaitable{}; // the try failed: not held
  else
    Lock.unlock();
  co_await Awaitable{};
}

// An untested try may have succeeded.
Task<> tryNotTested() {
  std::unique_lock<std::mutex> Lock(Mutex, std::try_to_lock);
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
}

// --- release, swap, move ----------------------------------------------------

// release() lets the guard go, but the mutex stays locked: still held.
Task<> releasedButStillLocked() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Lock.release();
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'Mutex' is held across 'co_await'
  Mutex.unlock();
}

Task<> releasedThenUnlocked() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Lock.release()->unlock();
  co_await Awaitable{};
}

Task<> releasedIntoPointerThenUnlocked() {
  std::unique_lock<std::mutex> Lock(Mutex);
  std::mutex *Released = Lock.release();
  Released->unlock();
  co_await Awaitable{};
}

Task<> swappedWithEmpty() {
  std::unique_lock<std::mutex> Lock(Mutex);
  std::unique_lock<std::mutex> Empty;
  Lock.swap(Empty);
  Empty.unlock();
  co_await Awaitable{};
}

Task<> swappedHolderIsReported() {
  std::unique_lock<std::mutex> Lock(Mutex);
  std::unique_lock<std::mutex> Empty;
  std::swap(Lock, Empty);
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Empty' is held across 'co_await'
}

Task<> movedIntoCall() {
  std::unique_lock<std::mutex> Lock(Mutex);
  consume(std::move(Lock));
  co_await Awaitable{};
}

Task<> movedIntoAnotherGuard() {
  std::unique_lock<std::mutex> Lock(Mutex);
  {
    std::unique_lock<std::mutex> Inner(std::move(Lock));
  }
  co_await Awaitable{};
}

Task<> movedIntoLongerLivedGuard() {
  std::unique_lock<std::mutex> Target;
  {
    std::unique_lock<std::mutex> Lock(Mutex);
    Target = std::move(Lock);
  }
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Target' is held across 'co_await'
}

Task<> assignedEmpty() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Lock = std::unique_lock<std::mutex>();
  co_await Awaitable{};
}

Task<> assignedHeld() {
  std::unique_lock<std::mutex> Lock;
  Lock = std::unique_lock<std::mutex>(OtherMutex);
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
}

// std::lock on deferred guards, then each one is held.
Task<> stdLockOnDeferred() {
  std::unique_lock<std::mutex> First(Mutex, std::defer_lock);
  std::unique_lock<std::mutex> Second(OtherMutex, std::defer_lock);
  std::lock(First, Second);
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'First' is held across 'co_await'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: lock guard 'Second' is held across 'co_await'
}
