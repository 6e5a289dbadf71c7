// Options: replace or extend the list of sleeps, change the suggestion, stop
// following calls, and name offload wrappers whose coroutine lambdas run elsewhere.
// RUN: %check_async_tidy -check-suffix=DEFAULT %s async-sleep-in-coroutine %t -- -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=EXTRA %s async-sleep-in-coroutine %t -- \
// RUN:   -config="{CheckOptions: {async-sleep-in-coroutine.ExtraFunctions: '::app::pause', async-sleep-in-coroutine.Replacements: '::app::pause=co_await app::asyncPause()'}}" -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=ONLY %s async-sleep-in-coroutine %t -- \
// RUN:   -config="{CheckOptions: {async-sleep-in-coroutine.Functions: '::app::pause', async-sleep-in-coroutine.Replacements: ''}}" -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=DEPTH0 %s async-sleep-in-coroutine %t -- \
// RUN:   -config="{CheckOptions: {async-sleep-in-coroutine.MaxCallDepth: 0}}" -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=WRAP %s async-sleep-in-coroutine %t -- \
// RUN:   -config="{CheckOptions: {async-sleep-in-coroutine.OffloadWrappers: '::app::onPool'}}" -- -isystem %inputs
#include "coro.h"
#include "chrono.h"

namespace app {
void pause();
Awaitable asyncPause();
template <typename F> void onPool(F &&) {}
void helper() { sleep(1); }
} // namespace app

Task<> callsPause() {
  app::pause();
  // CHECK-MESSAGES-EXTRA: :[[@LINE-1]]:3: warning: thread-blocking sleep 'app::pause' in coroutine 'callsPause'; use co_await app::asyncPause() instead [async-sleep-in-coroutine]
  // CHECK-MESSAGES-ONLY: :[[@LINE-2]]:3: warning: thread-blocking sleep 'app::pause' in coroutine 'callsPause' [async-sleep-in-coroutine]
  sleep(1);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'callsPause'; use an asynchronous timer
  // CHECK-MESSAGES-EXTRA: :[[@LINE-2]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'callsPause' [async-sleep-in-coroutine]
  // CHECK-MESSAGES-DEPTH0: :[[@LINE-3]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'callsPause'
  // CHECK-MESSAGES-WRAP: :[[@LINE-4]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'callsPause'
  co_return;
}

Task<> callsHelper() {
  app::helper();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'app::helper' reaches a thread-blocking sleep 'sleep'
  // CHECK-MESSAGES-EXTRA: :[[@LINE-2]]:3: warning: 'app::helper' reaches a thread-blocking sleep 'sleep'
  // CHECK-MESSAGES-WRAP: :[[@LINE-3]]:3: warning: 'app::helper' reaches a thread-blocking sleep 'sleep'
  co_return;
}

// A coroutine lambda handed to an offload wrapper runs on the wrapper's pool.
void offloads() {
  app::onPool([]() -> Task<> {
    sleep(1);
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: thread-blocking sleep 'sleep' in coroutine lambda
    // CHECK-MESSAGES-EXTRA: :[[@LINE-2]]:5: warning: thread-blocking sleep 'sleep' in coroutine lambda
    // CHECK-MESSAGES-DEPTH0: :[[@LINE-3]]:5: warning: thread-blocking sleep 'sleep' in coroutine lambda
    co_return;
  });
}
