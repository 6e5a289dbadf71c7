// A sleep's message suggests the asynchronous sleep of the frameworks the
// translation unit uses (each profile's AsyncSleep, in profile order): in a
// libcoro program, libcoro's yield_for rather than Asio's timer. With no such
// framework (Frameworks: none), the default names Asio's timer and the runtime
// model's sleep; a Replacements option the user sets is used as written.
// RUN: %check_async_tidy %s async-sleep-in-coroutine %t -- -- -isystem %inputs -isystem %inputs/frameworks
// RUN: %check_async_tidy -check-suffix=TWO %s async-sleep-in-coroutine %t -- -- \
// RUN:   -isystem %inputs -isystem %inputs/frameworks -DWITH_FOLLY
// RUN: %check_async_tidy -check-suffix=NONE %s async-sleep-in-coroutine %t -- \
// RUN:   -config="{CheckOptions: {Frameworks: none}}" -- -isystem %inputs -isystem %inputs/frameworks
// RUN: %check_async_tidy -check-suffix=SET %s async-sleep-in-coroutine %t -- \
// RUN:   -config="{CheckOptions: {async-sleep-in-coroutine.Replacements: '*=co_await app::nap()'}}" \
// RUN:   -- -isystem %inputs -isystem %inputs/frameworks
#include "libcoro.h"
#include "chrono.h"
#ifdef WITH_FOLLY
#include "folly.h"
#endif

coro::task<> poll(coro::scheduler &S) {
  co_await S.schedule();
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_for' in coroutine 'poll'; use an asynchronous timer (co_await coro::scheduler::yield_for) instead [async-sleep-in-coroutine]
  // CHECK-MESSAGES-TWO: :[[@LINE-2]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_for' in coroutine 'poll'; use an asynchronous timer (co_await folly::coro::sleep, co_await coro::scheduler::yield_for) instead [async-sleep-in-coroutine]
  // CHECK-MESSAGES-NONE: :[[@LINE-3]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_for' in coroutine 'poll'; use an asynchronous timer (co_await asio::steady_timer::async_wait, co_await asyncrt::sleep) instead [async-sleep-in-coroutine]
  // CHECK-MESSAGES-SET: :[[@LINE-4]]:3: warning: thread-blocking sleep 'std::this_thread::sleep_for' in coroutine 'poll'; use co_await app::nap() instead [async-sleep-in-coroutine]
}
