// RAII lock guards alive at a co_await / co_yield are reported at the
// suspension point, with a note where the lock was taken; guards whose scope
// ends before the suspension are not. Suspensions nested in initializers,
// arguments, conditions and loops count like any other.
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- -isystem %inputs
#include "coro.h"
#include "locks-extra.h"

std::mutex Mutex;
std::shared_mutex SharedMutex;
int consume(int);

Task<> guardAcrossAwait() {
  std::lock_guard<std::mutex> Guard(Mutex);
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'Guard' is held across 'co_await' in coroutine 'guardAcrossAwait'; release it before suspending or use an asynchronous mutex [async-lock-held-across-suspend]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: lock acquired here
}

Task<> everyGuardKind() {
  std::scoped_lock Scoped(Mutex);
  std::shared_lock Reader(SharedMutex);
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'Reader' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-3]]:20: note: lock acquired here
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: lock guard 'Scoped' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-6]]:20: note: lock acquired here
}

Task<> uniqueLockCtad() {
  std::unique_lock Lock(Mutex);
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-3]]:20: note: lock acquired here
}

// llvm#72793: the await in a variable's initializer or a call's argument.
Task<int> awaitInInitializer() {
  std::lock_guard Guard(Mutex);
  int Value = co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: lock guard 'Guard' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-3]]:19: note: lock acquired here
  int Other = consume(co_await Awaitable{});
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: lock guard 'Guard' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-6]]:19: note: lock acquired here
  co_return Value + Other;
}

Task<> awaitInCondition(bool Flag) {
  std::lock_guard Guard(Mutex);
  if (Flag && co_await Awaitable{})
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: lock guard 'Guard' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-3]]:19: note: lock acquired here
    co_return;
  while (co_await Awaitable{} > 0) {
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: lock guard 'Guard' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-7]]:19: note: lock acquired here
  }
}

Task<> guardInLoop(int N) {
  for (int I = 0; I < N; ++I) {
    std::lock_guard Guard(Mutex);
    co_await Awaitable{};
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: lock guard 'Guard' is held across 'co_await'
    // CHECK-NOTES: :[[@LINE-3]]:21: note: lock acquired here
  }
}

// Held on one path only is enough.
Task<> heldOnOnePath(bool Flag) {
  std::unique_lock<std::mutex> Lock(Mutex, std::defer_lock);
  if (Flag)
    Lock.lock();
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
    // CHECK-NOTES: :[[@LINE-3]]:10: note: lock acquired here
}

Generator yieldsUnderLock() {
  std::lock_guard Guard(Mutex);
  co_yield 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'Guard' is held across 'co_yield' in coroutine 'yieldsUnderLock'
  // CHECK-NOTES: :[[@LINE-3]]:19: note: lock acquired here
}

// One report per lock and suspension point, also for a template (reported
// once, not once per instantiation).
template <typename T> Task<T> generic() {
  std::lock_guard Guard(Mutex);
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'Guard' is held across 'co_await' in coroutine 'generic'
  // CHECK-NOTES: :[[@LINE-3]]:19: note: lock acquired here
  co_return T{};
}
template Task<int> generic<int>();
template Task<long> generic<long>();

// A macro is reported where it is used.
#define AWAIT_ONE co_await Awaitable{}
Task<> throughMacro() {
  std::lock_guard Guard(Mutex);
  AWAIT_ONE;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'Guard' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-3]]:19: note: lock acquired here
}

void coroutineLambda() {
  auto L = []() -> Task<> {
    std::lock_guard Guard(Mutex);
    co_await Awaitable{};
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: lock guard 'Guard' is held across 'co_await' in coroutine lambda
    // CHECK-NOTES: :[[@LINE-3]]:21: note: lock acquired here
  };
  (void)L;
}

// Boost's guards and [[clang::scoped_lockable]] types.
boost::mutex BoostMutex;
AnnotatedMutex Annotated;
Task<> otherGuards() {
  boost::unique_lock<boost::mutex> BoostLock(BoostMutex);
  AnnotatedLock Scoped(Annotated);
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'BoostLock' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-4]]:36: note: lock acquired here
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: lock guard 'Scoped' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-5]]:17: note: lock acquired here
}

// A guard passed by value into the coroutine holds its lock from the start.
Task<> guardParameter(std::unique_lock<std::mutex> Lock) {
  co_await Awaitable{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lock guard 'Lock' is held across 'co_await'
  // CHECK-NOTES: :[[@LINE-3]]:52: note: lock acquired here
}

// --- Not reported ---------------------------------------------------------

Task<> scopeEndsFirst() {
  {
    std::lock_guard Guard(Mutex);
    consume(1);
  }
  co_await Awaitable{};
}

Task<> lockAfterAwait() {
  co_await Awaitable{};
  std::lock_guard Guard(Mutex);
  consume(2);
}

Task<> guardInLoopBodyBeforeAwait(int N) {
  for (int I = 0; I < N; ++I) {
    {
      std::lock_guard Guard(Mutex);
      consume(I);
    }
    co_await Awaitable{};
  }
}

// A lambda that is not a coroutine is not part of the coroutine.
Task<> plainLambdaInside() {
  auto Work = [] {
    std::lock_guard Guard(Mutex);
    return consume(3);
  };
  co_await Awaitable{};
  Work();
}

// Not a coroutine.
void plainFunction() {
  std::lock_guard Guard(Mutex);
  consume(4);
}

// Guards that never held a lock.
Task<> deferredAndEmpty() {
  std::unique_lock<std::mutex> Deferred(Mutex, std::defer_lock);
  std::unique_lock<std::mutex> Empty;
  co_await Awaitable{};
}

// NOLINT on the suspension point.
Task<> suppressed() {
  std::lock_guard Guard(Mutex);
  co_await Awaitable{}; // NOLINT(async-lock-held-across-suspend)
}

