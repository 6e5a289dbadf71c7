// Thread-blocking sleeps written directly in a coroutine body are reported;
// sleeps in code that runs elsewhere, and asynchronous sleeps, are not.
// RUN: %check_async_tidy %s async-sleep-in-coroutine %t -- -- -isystem %inputs
#include "coro.h"
#include "chrono.h"
#include "sync.h"

Task<> sleepsForDuration() {
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_for' in coroutine 'sleepsForDuration'; use an asynchronous timer (co_await asio::steady_timer::async_wait, co_await asyncrt::sleep) instead [async-sleep-in-coroutine]
  co_return;
}

Task<> sleepsUntil() {
  co_await Awaitable{};
  std::this_thread::sleep_until(std::chrono::steady_clock::now());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_until' in coroutine 'sleepsUntil'
}

Task<int> posixSleeps() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'posixSleeps'
  ::usleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'usleep' in coroutine 'posixSleeps'
  if (int Rest = nanosleep(nullptr, nullptr))
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: thread-blocking sleep 'nanosleep' in coroutine 'posixSleeps'
    co_return Rest;
  co_return 0;
}

// Eager coroutines and generators are coroutines too.
EagerTask eager() {
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'eager'
  co_return;
}

Generator generator() {
  for (int I = 0; I < 3; ++I) {
    usleep(5);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread-blocking sleep 'usleep' in coroutine 'generator'
    co_yield I;
  }
}

struct Service {
  Task<> member() {
    sleep(2);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread-blocking sleep 'sleep' in coroutine 'Service::member'
    co_return;
  }
};

void lambdaCoroutine() {
  auto L = []() -> Task<> {
    sleep(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread-blocking sleep 'sleep' in coroutine lambda
    co_return;
  };
  (void)L;
}

// --- Not reported ---------------------------------------------------------

// Not a coroutine.
void plainFunction() { std::this_thread::sleep_for(std::chrono::seconds(1)); }

// Work handed to a thread from a coroutine runs on that thread.
Task<> handsWorkToThread() {
  std::thread T([] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
  T.detach();
  co_await Awaitable{};
}

// A lambda that is not a coroutine, defined in a coroutine, is not inside it.
Task<> definesPlainLambda() {
  auto Later = [] { sleep(1); };
  co_await Awaitable{};
  (void)Later;
}

// A local class's member function is not inside the coroutine either.
Task<> definesLocalClass() {
  struct Local {
    void wait() { sleep(1); }
  };
  co_await Awaitable{};
}

// A user coroutine called `sleep` in some namespace, awaited: asynchronous.
namespace app {
Task<> sleep(std::chrono::milliseconds);
}
Task<> awaitsAsyncSleep() {
  co_await app::sleep(std::chrono::milliseconds(10));
}

// A user function named like the C one, without C linkage, is not the C one.
namespace lib {
void usleep(unsigned);
}
Task<> callsOtherUsleep() {
  using lib::usleep;
  lib::usleep(3);
  co_return;
}

// Yielding is not sleeping.
Task<> yields() {
  std::this_thread::yield();
  co_return;
}
