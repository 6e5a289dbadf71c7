// A coroutine template is reported once, not once per instantiation; a sleep
// in a macro is reported where the macro is used; NOLINT silences a report.
// RUN: %check_async_tidy %s async-sleep-in-coroutine %t -- -- -isystem %inputs
#include "coro.h"
#include "chrono.h"

template <typename Duration> Task<> sleepFor(Duration D) {
  std::this_thread::sleep_for(D);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_for' in coroutine 'sleepFor'
  co_return;
}
template Task<> sleepFor(std::chrono::milliseconds);
template Task<> sleepFor(std::chrono::seconds);

// A template that is never instantiated is still checked (the call resolves
// to the sleep template even with a dependent argument).
template <typename T> Task<> neverInstantiated(T Arg) {
  co_await Awaitable{};
  std::this_thread::sleep_for(Arg);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_for' in coroutine 'neverInstantiated'
}

template <typename T> struct Worker {
  Task<> run() {
    usleep(T::Micros);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread-blocking sleep 'usleep' in coroutine 'Worker::run'
    co_return;
  }
};
struct Fast { static constexpr unsigned Micros = 1; };
struct Slow { static constexpr unsigned Micros = 1000; };
void instantiateWorkers() {
  (void)Worker<Fast>{}.run();
  (void)Worker<Slow>{}.run();
}

#define BACKOFF() sleep(1)
#define RETRY(expr) do { expr; } while (0)

Task<> usesMacros() {
  BACKOFF();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'usesMacros'
  RETRY(usleep(5));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'usleep' in coroutine 'usesMacros'
  co_return;
}

Task<> suppressed() {
  sleep(1); // NOLINT(async-sleep-in-coroutine)
  // NOLINTNEXTLINE(async-sleep-in-coroutine)
  usleep(1);
  BACKOFF(); // NOLINT
  co_return;
}
