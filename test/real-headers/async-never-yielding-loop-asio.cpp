// The loop check on real Asio coroutines: server loops that await on every
// iteration are not reported; a computation loop without an await is.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-never-yielding-loop %t -- -- %asio_flags
#include <asio.hpp>
#include <atomic>

using asio::ip::tcp;

asio::awaitable<void> echo(tcp::socket Socket) {
  char Data[1024];
  for (;;) {
    std::size_t N = co_await Socket.async_read_some(asio::buffer(Data), asio::use_awaitable);
    co_await asio::async_write(Socket, asio::buffer(Data, N), asio::use_awaitable);
  }
}

asio::awaitable<long> checksum() {
  long Sum = 0;
  for (long I = 0; I < 50'000'000; ++I)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'checksum' runs 50000000 iterations without suspending
    Sum += I % 7;
  co_return Sum;
}

// Yielding to the executor every so often makes the same loop fine.
asio::awaitable<long> checksumWithYield() {
  long Sum = 0;
  for (long I = 0; I < 50'000'000; ++I) {
    Sum += I % 7;
    if (I % 100000 == 0)
      co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  }
  co_return Sum;
}

// Awaiting this_coro::executor never suspends: the loop still spins.
std::atomic<bool> Stop{false};
asio::awaitable<void> spinWithExecutorAwait() {
  while (!Stop.load()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinWithExecutorAwait' busy-waits on 'Stop'
    auto Executor = co_await asio::this_coro::executor;
    (void)Executor;
  }
}
