// The lock check on real Asio coroutines: a std::mutex held across an awaited
// Asio operation is reported; one released first, or held only between
// awaits, is not.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- %asio_flags
#include <asio.hpp>
#include <mutex>

using asio::ip::tcp;

struct Session {
  std::mutex StateMutex;
  int Bytes = 0;

  asio::awaitable<void> readUnderLock(tcp::socket &Socket) {
    char Data[256];
    std::lock_guard<std::mutex> Guard(StateMutex);
    std::size_t N = co_await Socket.async_read_some(asio::buffer(Data), asio::use_awaitable);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: lock guard 'Guard' is held across 'co_await' in coroutine 'Session::readUnderLock'
    Bytes += static_cast<int>(N);
  }

  asio::awaitable<void> timerUnderManualLock(asio::steady_timer &Timer) {
    StateMutex.lock();
    co_await Timer.async_wait(asio::use_awaitable);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: mutex 'StateMutex' is held across 'co_await'
    StateMutex.unlock();
  }

  asio::awaitable<void> lockBetweenAwaits(tcp::socket &Socket) {
    char Data[256];
    for (;;) {
      std::size_t N =
          co_await Socket.async_read_some(asio::buffer(Data), asio::use_awaitable);
      {
        std::lock_guard<std::mutex> Guard(StateMutex);
        Bytes += static_cast<int>(N);
      }
      std::unique_lock<std::mutex> Lock(StateMutex);
      int Snapshot = Bytes;
      Lock.unlock();
      co_await asio::async_write(Socket, asio::buffer(&Snapshot, sizeof Snapshot),
                                 asio::use_awaitable);
    }
  }

  // Awaiting asio::this_coro::executor never suspends (its await_ready() is
  // constantly true); posting to the executor does.
  asio::awaitable<void> switchExecutor() {
    std::unique_lock<std::mutex> Lock(StateMutex);
    auto Executor = co_await asio::this_coro::executor;
    co_await asio::post(Executor, asio::use_awaitable);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lock guard 'Lock' is held across 'co_await'
  }
};
