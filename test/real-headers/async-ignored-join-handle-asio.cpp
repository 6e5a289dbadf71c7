// On the real Asio and libstdc++ headers: co_spawn with asio::detached (whose
// declaration ends with a defaulted constraint parameter), std::thread and
// std::jthread detach, and a discarded std::async future.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-ignored-join-handle %t -- -- %asio_flags
#include <asio.hpp>
#include <future>
#include <thread>
#include <cstdio>

asio::awaitable<void> unguarded();
asio::awaitable<void> guarded() {
  try {
    co_await unguarded();
  } catch (std::exception &E) {
    std::printf("%s\n", E.what());
  }
}
void work();

void spawns(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, unguarded(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards the spawned coroutine's exception
  asio::co_spawn(Ctx.get_executor(), [] { return unguarded(); }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  asio::co_spawn(Ctx, guarded(), asio::detached);
  asio::co_spawn(Ctx, [] { return guarded(); }, asio::detached);
  asio::co_spawn(Ctx, unguarded(), [](std::exception_ptr E) {
    if (E)
      std::rethrow_exception(E);
  });
}

void threads() {
  std::thread T(work);
  T.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::thread::detach' leaves the thread unjoined
  std::jthread J(work);
  J.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::jthread::detach' leaves the thread unjoined
  std::async(std::launch::async, work);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: future returned by 'std::async' is discarded; its destructor blocks right here
  auto F = std::async(work);
  F.get();
}
