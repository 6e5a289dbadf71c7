// Mutexes locked by hand (lock()/unlock() on std and Boost mutexes,
// pthread_mutex_*) are followed like guards. A manual lock still held when the
// body finishes outlives it: it stays locked through the final suspension and
// is reported at the co_return (or the end of the body).
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- -isystem %inputs
#include "coro.h"
#include "locks-extra.h"

std::mutex Mutex;
std::shared_mutex SharedMutex;
std::timed_mutex TimedMutex;
boost::mutex BoostMutex;
pthread_mutex_t PosixMutex;

struct Service {
  std::mutex StateMutex;
  Task<> update();
};

Task<> manualLockAcrossAwait() {
  Mutex.lock();
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: mutex 'Mutex' is held across 'co_await' in coroutine 'manualLockAcrossAwait'; release it before suspending or use an asynchronous mutex [async-lock-held-across-suspend]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: locked here
  Mutex.unlock();
}

Task<> manualUnlockFirst() {
  Mutex.lock();
  Mutex.unlock();
  co_await Awaitable{};
}

Task<> Service::update() {
  StateMutex.lock();
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: mutex 'StateMutex' is held across 'co_await' in coroutine 'Service::update'
  // CHECK-NOTES: :[[@LINE-3]]:14: note: locked here
  this->StateMutex.unlock();
  co_await Awaitable{};
}

Task<> posixLock() {
  pthread_mutex_lock(&PosixMutex);
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: mutex 'PosixMutex' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: locked here
  pthread_mutex_unlock(&PosixMutex);
  co_await Awaitable{};
}

Task<> posixTryLock() {
  if (pthread_mutex_trylock(&PosixMutex) != 0) {
    co_await Awaitable{}; // not locked: the try failed
    co_return;
  }
  pthread_mutex_unlock(&PosixMutex);
  co_await Awaitable{};
}

Task<> posixTryLockSucceeded() {
  if (pthread_mutex_trylock(&PosixMutex) == 0) {
    co_await Awaitable{};
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: mutex 'PosixMutex' is held across 'co_await'
    // CHECK-NOTES: :[[@LINE-3]]:7: note: locked here
    pthread_mutex_unlock(&PosixMutex);
  }
}

Task<> tryLockInVariable() {
  bool Locked = Mutex.try_lock();
  if (!Locked) {
    co_await Awaitable{};
    co_return;
  }
  Mutex.unlock();
}

Task<> sharedAndTimedAndBoost() {
  SharedMutex.lock_shared();
  TimedMutex.try_lock_for(1);
  BoostMutex.lock();
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: mutex 'BoostMutex' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-3]]:14: note: locked here
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: mutex 'SharedMutex' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-7]]:15: note: locked here
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: mutex 'TimedMutex' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-8]]:14: note: locked here
  SharedMutex.unlock_shared();
  TimedMutex.unlock();
  BoostMutex.unlock();
}

// Unlocking the exclusive side does not release a shared lock.
Task<> wrongUnlock() {
  SharedMutex.lock_shared();
  SharedMutex.unlock();
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: mutex 'SharedMutex' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-4]]:15: note: locked here
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: mutex 'SharedMutex' is still locked when coroutine 'wrongUnlock' finishes
// CHECK-NOTES: :[[@LINE-7]]:15: note: locked here

// adopt_lock hands a manual lock to a guard.
Task<> adopted() {
  Mutex.lock();
  {
    std::lock_guard<std::mutex> Guard(Mutex, std::adopt_lock);
  }
  co_await Awaitable{};
}

// --- Locks that outlive the body --------------------------------------------

Task<int> returnsLocked(bool Flag) {
  Mutex.lock();
  if (Flag) {
    Mutex.unlock();
    co_return 0;
  }
  co_return 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: mutex 'Mutex' is still locked when coroutine 'returnsLocked' finishes and stays locked across its final suspension [async-lock-held-across-suspend]
  // CHECK-NOTES: :[[@LINE-7]]:9: note: locked here
}

// No suspension point on the way: the final suspension still comes.
EagerTask fallsOffLocked(bool Done) {
  if (Done)
    co_return;
  pthread_mutex_lock(&PosixMutex);
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: mutex 'PosixMutex' is still locked when coroutine 'fallsOffLocked' finishes
// CHECK-NOTES: :[[@LINE-3]]:3: note: locked here

// A guard is destroyed before the final suspension: not reported.
Task<int> guardAtReturn() {
  std::lock_guard<std::mutex> Guard(Mutex);
  co_return 2;
}

// An exception leaves the lock to whoever catches it: not reported here.
Task<> throwsLocked() {
  Mutex.lock();
  throw 1;
}

// An asynchronous mutex's lock() is awaited: not a synchronous lock.
AsyncMutex Async;
Task<> asyncMutexManual() {
  co_await Async.lock();
  co_await Awaitable{};
  Async.unlock();
}
