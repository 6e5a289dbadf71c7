// A coroutine that calls a function of this translation unit which sleeps
// (directly or through further calls) is reported at the call in the
// coroutine, with one note per step down to the sleep.
// RUN: %check_async_tidy %s async-sleep-in-coroutine %t -- -- -isystem %inputs
#include "coro.h"
#include "chrono.h"

void backoff() { std::this_thread::sleep_for(std::chrono::milliseconds(10)); }
void retry() { backoff(); }
void retryHarder() { retry(); }
void retryForever() { retryHarder(); }

Task<> callsSleepingHelper() {
  backoff();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'backoff' reaches a thread-blocking sleep 'std::this_thread::sleep_for' from coroutine 'callsSleepingHelper'; use an asynchronous timer (co_await asio::steady_timer::async_wait, co_await asyncrt::sleep) instead [async-sleep-in-coroutine]
  // CHECK-NOTES: :8:18: note: 'backoff' calls 'std::this_thread::sleep_for' here
  co_return;
}

Task<> callsThroughTwoLevels() {
  co_await Awaitable{};
  retry();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'retry' reaches a thread-blocking sleep 'std::this_thread::sleep_for' from coroutine 'callsThroughTwoLevels'
  // CHECK-NOTES: :9:16: note: 'retry' calls 'backoff' here
  // CHECK-NOTES: :8:18: note: 'backoff' calls 'std::this_thread::sleep_for' here
}

Task<> callsThroughThreeLevels() {
  retryHarder();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'retryHarder' reaches a thread-blocking sleep
  // CHECK-NOTES: :10:22: note: 'retryHarder' calls 'retry' here
  // CHECK-NOTES: :9:16: note: 'retry' calls 'backoff' here
  // CHECK-NOTES: :8:18: note: 'backoff' calls 'std::this_thread::sleep_for' here
  co_return;
}

// Four functions deep is beyond the default MaxCallDepth of 3: not reported.
Task<> callsTooDeep() {
  retryForever();
  co_return;
}

// Recursion terminates, and a recursive helper that sleeps is still found.
void spin(int N) {
  if (N > 0)
    spin(N - 1);
  sleep(1);
}
Task<> callsRecursive() {
  spin(3);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'spin' reaches a thread-blocking sleep 'sleep'
  // CHECK-NOTES: :47:3: note: 'spin' calls 'sleep' here
  co_return;
}

// Mutual recursion with no sleep: nothing, and no endless loop.
void ping(int);
void pong(int N) { if (N) ping(N - 1); }
void ping(int N) { if (N) pong(N - 1); }
Task<> callsMutualRecursion() {
  ping(4);
  co_return;
}

// A helper that only hands the sleep to a lambda does not sleep itself.
template <typename F> void later(F &&) {}
void schedulesSleep() { later([] { sleep(1); }); }
Task<> callsScheduler() {
  schedulesSleep();
  co_return;
}

// A helper that is itself a coroutine is checked on its own, not through its caller.
Task<> sleepyCoroutine() {
  sleep(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'sleepyCoroutine'
  co_return;
}
Task<> awaitsSleepyCoroutine() {
  co_await sleepyCoroutine();
}

// A lambda called right away in the coroutine runs in the coroutine.
Task<> callsLambdaInline() {
  auto Wait = [] { sleep(1); };
  Wait();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: lambda reaches a thread-blocking sleep 'sleep' from coroutine 'callsLambdaInline'
  // CHECK-NOTES: :[[@LINE-3]]:20: note: lambda calls 'sleep' here
  co_return;
}

// Virtual calls are not followed: the target is not known.
struct Base { virtual void wait() { sleep(1); } };
Task<> callsVirtual(Base &B) {
  B.wait();
  co_return;
}
