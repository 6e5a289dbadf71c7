// On the real Asio headers, asio::awaitable is found lazy through Asio's own
// std::coroutine_traits partial specialization (no framework names): a
// discarded or never-used awaitable is reported, an awaited or spawned one
// is not.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-discarded-task %t -- -- %asio_flags
#include <asio.hpp>

asio::awaitable<void> ping();
asio::awaitable<int> fetch();

asio::awaitable<void> caller(asio::io_context &Ctx) {
  ping();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'ping' is discarded; its coroutine body will never run [async-discarded-task]
  auto Pending = fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lazy task 'Pending' is never awaited, moved or returned; the coroutine body of 'fetch' will never run
  co_await ping();
  int V = co_await fetch();
  auto Kept = fetch();
  V += co_await std::move(Kept);
  asio::co_spawn(Ctx, ping(), asio::detached);
  (void)V;
}

// Declared but never defined as a coroutine in this file: the type alone
// decides.
asio::awaitable<long> onlyDeclared();
void plainCaller() { onlyDeclared(); }
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: lazy task returned by 'onlyDeclared' is discarded
