// A lock handed to the awaiter is not held by the coroutine while it is
// suspended: an asynchronous condition variable's `co_await cv.wait(lock,
// pred)` releases the mutex until it resumes, as std::condition_variable
// does; so does one that takes the guarded mutex itself (async_simple). A lock is named by where it lives: a reference to the mutex is the
// mutex. Qt's QMutexLocker is a guard when Qt is in the TU.
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- -isystem %inputs -isystem %inputs/frameworks
#include "coro.h"
#include "sync.h"
#include "qt.h"

struct AsyncConditionVariable {
  struct Awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  template <typename Pred> Awaiter wait(std::unique_lock<std::mutex> &, Pred) { return {}; }
};

struct State {
  std::mutex Mu;
  AsyncConditionVariable Cv;
  bool Ready = false;
};

Task<> waitsForReady(State &S) {
  std::unique_lock<std::mutex> Lock(S.Mu);
  co_await S.Cv.wait(Lock, [&] { return S.Ready; });
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await' in coroutine 'waitsForReady'
}

// async_simple's ConditionVariable takes the mutex itself, not the guard:
// `co_await cv.wait(mutex, pred)` unlocks it while suspended and locks it
// again before resuming, so the guard over that mutex is handed too; a guard
// over another mutex is not.
struct CvOfMutex {
  template <typename Pred> AsyncConditionVariable::Awaiter wait(std::mutex &, Pred) { return {}; }
};
Task<> waitsWithTheMutex(State &S, CvOfMutex &Cv) {
  std::unique_lock<std::mutex> Lock(S.Mu);
  co_await Cv.wait(S.Mu, [&] { return S.Ready; });
}
Task<> waitsWithAnotherMutex(State &S, State &Other, CvOfMutex &Cv) {
  std::unique_lock<std::mutex> Lock(S.Mu);
  co_await Cv.wait(Other.Mu, [&] { return S.Ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await' in coroutine 'waitsWithAnotherMutex'
}

Task<> unlocksThroughAReference(State &S) {
  S.Mu.lock();
  auto &M = S.Mu;
  M.unlock();
  co_await Awaitable{};
}

Task<> locksThroughAReference(State &S) {
  auto &M = S.Mu;
  M.lock();
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'M' is held across 'co_await' in coroutine 'locksThroughAReference'
  S.Mu.unlock();
}

QMutex QtMu;
QCoro::Task<> qtLocker() {
  QMutexLocker<QMutex> Locker(&QtMu);
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lock guard 'Locker' is held across 'co_await' in coroutine 'qtLocker'
}
