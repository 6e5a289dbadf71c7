// The lock check on the real libstdc++ headers: std::mutex, std::shared_mutex,
// std::timed_mutex, their guards (lock_guard, scoped_lock, unique_lock,
// shared_lock) and pthread_mutex_*, with a small coroutine task type.
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- -std=c++20 -I %S/Inputs
#include <coroutine>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <utility>

#include "real-task.h"

std::mutex Mutex;
std::mutex OtherMutex;
std::shared_mutex SharedMutex;
std::timed_mutex TimedMutex;
pthread_mutex_t PosixMutex = PTHREAD_MUTEX_INITIALIZER;
void consume(std::unique_lock<std::mutex>);

Task guards() {
  std::lock_guard<std::mutex> Guard(Mutex);
  std::scoped_lock Both(OtherMutex, TimedMutex);
  std::shared_lock Reader(SharedMutex);
  co_await Suspends{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Both' is held across 'co_await' in coroutine 'guards'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: lock guard 'Guard' is held across 'co_await' in coroutine 'guards'
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: lock guard 'Reader' is held across 'co_await' in coroutine 'guards'
}

Task awaitInInitializer() {
  std::unique_lock Lock(Mutex);
  int Value = (co_await Suspends{}, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: lock guard 'Lock' is held across 'co_await'
  (void)Value;
}

Task manual() {
  Mutex.lock();
  SharedMutex.lock_shared();
  pthread_mutex_lock(&PosixMutex);
  co_await Suspends{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'Mutex' is held across 'co_await' in coroutine 'manual'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: mutex 'PosixMutex' is held across 'co_await' in coroutine 'manual'
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: mutex 'SharedMutex' is held across 'co_await' in coroutine 'manual'
  pthread_mutex_unlock(&PosixMutex);
  SharedMutex.unlock_shared();
  Mutex.unlock();
}

Task manualAtEnd(bool Early) {
  if (Early)
    co_return;
  Mutex.lock();
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'Mutex' is still locked when coroutine 'manualAtEnd' finishes
}

Task tryToLock() {
  std::unique_lock<std::mutex> Lock(Mutex, std::try_to_lock);
  if (!Lock.owns_lock()) {
    co_await Suspends{};
    co_return;
  }
  co_await Suspends{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
}

Task stdLock() {
  std::unique_lock<std::mutex> First(Mutex, std::defer_lock);
  std::unique_lock<std::mutex> Second(OtherMutex, std::defer_lock);
  std::lock(First, Second);
  Second.unlock();
  co_await Suspends{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'First' is held across 'co_await'
}

// --- Not reported -----------------------------------------------------------

Task releasedBeforeAwait() {
  std::unique_lock<std::mutex> Lock(Mutex);
  Lock.unlock();
  co_await Suspends{};
  std::unique_lock<std::mutex> Moved(Mutex);
  consume(std::move(Moved));
  co_await Suspends{};
  std::unique_lock<std::mutex> Released(Mutex);
  Released.release()->unlock();
  co_await Suspends{};
  Mutex.lock();
  {
    std::lock_guard<std::mutex> Adopted(Mutex, std::adopt_lock);
  }
  co_await Suspends{};
}

Task neverSuspends() {
  std::lock_guard<std::mutex> Guard(Mutex);
  co_await std::suspend_never{};
}

Task timedTry() {
  if (TimedMutex.try_lock()) {
    TimedMutex.unlock();
  }
  co_await Suspends{};
}
