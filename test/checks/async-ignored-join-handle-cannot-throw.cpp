// co_spawn(..., detached) loses only an exception; a coroutine whose body
// cannot throw loses nothing. "Cannot throw" is decided from what the body
// calls: I/O through as_tuple/redirect_error tokens, `co_return;` alone,
// noexcept callees, an I/O object made from an executor, locking a standard
// mutex, or only
// non-throwing code outside a try that catches everything.
// RUN: %check_async_tidy %s async-ignored-join-handle %t -- -- -isystem %inputs
#include "asio.h"
#include "asyncrt-mock.h"
#include "sync.h"

asio::awaitable<void> mayThrow();
void log() noexcept;
void risky();

asio::awaitable<void> tupleReader(asio::ip::tcp::socket S) {
  char Data[64];
  for (;;) {
    auto N = co_await S.async_read_some(asio::buffer(Data, 64), asio::as_tuple(asio::use_awaitable));
    (void)N;
    log();
  }
}
asio::awaitable<void> redirectedReader(asio::ip::tcp::socket S) {
  asio::error_code Ec;
  char Data[64];
  co_await S.async_read_some(asio::buffer(Data, 64), asio::redirect_error(asio::use_awaitable, Ec));
}
asio::awaitable<void> empty() { co_return; }
asio::awaitable<void> callsQuiet() { co_await tupleReader(asio::ip::tcp::socket({})); }
asio::awaitable<void> timerOutsideTry(asio::ip::tcp::socket &S) {
  asio::steady_timer Timer{S.get_executor()};
  try {
    co_await Timer.async_wait(asio::use_awaitable);
  } catch (const std::exception &) {
    log();
  }
}

asio::awaitable<void> throwingReader(asio::ip::tcp::socket S) {
  char Data[64];
  co_await S.async_read_some(asio::buffer(Data, 64), asio::use_awaitable);
}
asio::awaitable<void> throws() {
  throw 1;
  co_return;
}
asio::awaitable<void> callsRisky() {
  risky();
  co_return;
}
asio::awaitable<void> awaitsThrowing() { co_await mayThrow(); }
// Locking a standard mutex does not count as throwing (only a detected
// deadlock could); a user's mutex is judged by its lock().
struct Counter {
  std::mutex Mu;
  int N = 0;
};
struct UserMutex {
  void lock();
  void unlock() noexcept;
};
asio::awaitable<void> countsUnderLock(Counter &C) {
  {
    std::lock_guard<std::mutex> Guard(C.Mu);
    ++C.N;
  }
  C.Mu.lock();
  ++C.N;
  C.Mu.unlock();
  co_return;
}
asio::awaitable<void> locksUserMutex(UserMutex &M) {
  M.lock();
  M.unlock();
  co_return;
}

void spawns(asio::io_context &Ctx, asio::ip::tcp::socket &S) {
  asio::co_spawn(Ctx, tupleReader(asio::ip::tcp::socket({})), asio::detached);
  asio::co_spawn(Ctx, redirectedReader(asio::ip::tcp::socket({})), asio::detached);
  asio::co_spawn(Ctx, empty(), asio::detached);
  asio::co_spawn(Ctx, callsQuiet(), asio::detached);
  asio::co_spawn(Ctx, timerOutsideTry(S), asio::detached);
  asio::co_spawn(Ctx, [&S] { return timerOutsideTry(S); }, asio::detached);
  Counter C;
  asio::co_spawn(Ctx, countsUnderLock(C), asio::detached);
  UserMutex M;
  asio::co_spawn(Ctx, locksUserMutex(M), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards

  asio::co_spawn(Ctx, throwingReader(asio::ip::tcp::socket({})), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  asio::co_spawn(Ctx, throws(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  asio::co_spawn(Ctx, callsRisky(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  asio::co_spawn(Ctx, awaitsThrowing(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
}

// A socket whose default completion token is as_tuple (Asio's
// `as_tuple_t<use_awaitable_t<>>::as_default_on_t<tcp::socket>`).
namespace asio {
template <typename Token> struct default_token_executor {};
template <typename Protocol, typename Executor> struct basic_socket_with_executor {
  awaitable<unsigned long> async_read_some(mutable_buffer);
};
} // namespace asio
using TupleSocket =
    asio::basic_socket_with_executor<asio::ip::tcp,
                                     asio::default_token_executor<asio::as_tuple_t<asio::use_awaitable_t>>>;
asio::awaitable<void> defaultTokenReader(TupleSocket S) {
  char Data[64];
  for (;;)
    co_await S.async_read_some(asio::buffer(Data, 64));
}
using PlainSocket = asio::basic_socket_with_executor<asio::ip::tcp, asio::any_io_executor>;
asio::awaitable<void> plainReader(PlainSocket S) {
  char Data[64];
  co_await S.async_read_some(asio::buffer(Data, 64));
}
void spawnsWithDefaultTokens(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, defaultTokenReader(TupleSocket{}), asio::detached);
  asio::co_spawn(Ctx, plainReader(PlainSocket{}), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
}
