// The default sleep list on the real libstdc++ and glibc headers: inline
// namespaces, C linkage and template overloads resolve as in user code.
// RUN: %check_async_tidy %s async-sleep-in-coroutine %t -- -- -std=c++20 -I %S/Inputs
#include <chrono>
#include <coroutine>
#include <thread>
#include <time.h>
#include <unistd.h>

#include "real-task.h"

using namespace std::chrono_literals;

Task sleeps() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_for' in coroutine 'sleeps'
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_until' in coroutine 'sleeps'
  sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'sleep' in coroutine 'sleeps'
  usleep(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'usleep' in coroutine 'sleeps'
  timespec Ts{0, 1000};
  nanosleep(&Ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'nanosleep' in coroutine 'sleeps'
  clock_nanosleep(CLOCK_MONOTONIC, 0, &Ts, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'clock_nanosleep' in coroutine 'sleeps'
  co_return;
}

Task offloads() {
  std::thread T([] { std::this_thread::sleep_for(1s); });
  T.detach();
  std::this_thread::yield();
  co_return;
}
