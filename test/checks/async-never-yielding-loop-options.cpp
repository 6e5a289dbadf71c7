// MinTripCount sets the iteration count from which a counted loop is
// reported; AllowedAwaitablesList names awaitables that never suspend.
// RUN: %check_async_tidy %s async-never-yielding-loop %t -- -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=OPT %s async-never-yielding-loop %t -- \
// RUN:   -config="{CheckOptions: {async-never-yielding-loop.MinTripCount: 1000, async-never-yielding-loop.AllowedAwaitablesList: '::std::suspend_never;::lib::InlineAwaitable'}}" -- -isystem %inputs
// RUN: %clang_tidy --load=%plugin --checks='-*,async-never-yielding-loop' --dump-config \
// RUN:   --config="{CheckOptions: {async-never-yielding-loop.MinTripCount: 1000, async-never-yielding-loop.AllowedAwaitablesList: '::lib::InlineAwaitable'}}" -- -std=c++20 | FileCheck %s --check-prefix=DUMP
// DUMP-DAG: async-never-yielding-loop.MinTripCount: '1000'
// DUMP-DAG: async-never-yielding-loop.AllowedAwaitablesList: '::lib::InlineAwaitable'
#include "coro.h"
#include "locks-extra.h"

int work(int);

Task<int> thousandIterations() {
  int Sum = 0;
  for (int I = 0; I < 1000; ++I)
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: loop in coroutine 'thousandIterations' runs 1000 iterations without suspending
    Sum += work(I);
  for (int I = 0; I < 999; ++I)
    Sum += work(I);
  co_return Sum;
}

Task<> inlineAwaitOnly() {
  for (;;) {
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: loop in coroutine 'inlineAwaitOnly' has no exit
    co_await lib::InlineAwaitable{};
  }
}

Task<> defaultThreshold() {
  for (int I = 0; I < 100000; ++I)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'defaultThreshold' runs 100000 iterations
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:3: warning: loop in coroutine 'defaultThreshold' runs 100000 iterations
    work(I);
  co_return;
}
