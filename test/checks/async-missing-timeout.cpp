// Awaits of listed operations (an RPC client's calls, a channel receive) with
// no timeout around them: if the peer never answers, the task waits forever.
// Off unless configured: with no list it reports nothing.
// RUN: %check_async_tidy %s async-missing-timeout %t -- \
// RUN:   -config="{CheckOptions: {async-missing-timeout.Functions: '::chan::recv', async-missing-timeout.Types: '::rpc::Client;::asio::basic_stream_socket;::GlobalClient', async-missing-timeout.TimeoutWrappers: '::app::with_deadline'}}" \
// RUN:   -- -isystem %inputs
// RUN: %clang_tidy --load=%plugin --checks='-*,async-missing-timeout' %s -- -std=c++20 -isystem %inputs \
// RUN:   | FileCheck %s -check-prefix=OFF -allow-empty -implicit-check-not='warning:'
// OFF-NOT: warning:
#include "asio.h"
#include "asyncrt-mock.h"
#include "views.h"

// Asio's awaitable operators: `a || b` completes with the first.
namespace asio::experimental::awaitable_operators {
template <typename A, typename B> awaitable<int> operator||(awaitable<A>, awaitable<B>);
} // namespace asio::experimental::awaitable_operators
using namespace asio::experimental::awaitable_operators;

namespace rpc {
struct Client {
  asyncrt::Task<int> call(int Request);
  asyncrt::Task<int> ping();
  Client();
};
struct Reply {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  int await_resume() { return 0; }
};
} // namespace rpc
namespace chan {
asyncrt::Task<int> recv();
asyncrt::Task<int> try_recv();
} // namespace chan
namespace app {
template <typename A> asyncrt::Task<int> with_deadline(A &&);
asyncrt::Task<int> local_work();
} // namespace app

asyncrt::Task<> awaitsWithout(rpc::Client &C) {
  co_await C.call(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'rpc::Client::call' is awaited with no timeout; if it never completes, the task waits forever [async-missing-timeout]
  int V = co_await chan::recv();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'chan::recv' is awaited with no timeout
  auto Pending = C.ping();
  co_await std::move(Pending);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'rpc::Client::ping' is awaited with no timeout
  (void)V;
}

asyncrt::Task<> awaitsWithTimeout(rpc::Client &C, asio::io_context &Ctx) {
  co_await asyncrt::timeout(500, C.call(1));
  co_await asyncrt::timeout(500, chan::recv());
  co_await app::with_deadline(C.ping());
  // A race with a timer.
  co_await asyncrt::select(chan::recv(), asyncrt::sleep(500));
  // A race with no timer is no timeout.
  co_await asyncrt::select(chan::recv(), app::local_work());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'chan::recv' is awaited with no timeout
  // Not listed.
  co_await chan::try_recv();
  co_await app::local_work();
}

asio::awaitable<void> relay(asio::ip::tcp::socket &S) {
  co_await asio::async_read(S, asio::mutable_buffer{}, asio::cancel_after(5));
}
asio::awaitable<void> asioReads(asio::ip::tcp::socket &S, asio::steady_timer &T) {
  co_await S.async_read_some(asio::mutable_buffer{}, asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'asio::basic_stream_socket::async_read_some' is awaited with no timeout
  co_await S.async_read_some(asio::mutable_buffer{}, asio::cancel_after(5));
  co_await (S.async_read_some(asio::mutable_buffer{}, asio::use_awaitable) || T.async_wait(asio::use_awaitable));
  // A free function on a listed object.
  co_await asio::async_read(S, asio::mutable_buffer{}, asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'asio::async_read' is awaited with no timeout
  co_await asio::async_read(S, asio::mutable_buffer{}, asio::cancel_after(5));
  // A coroutine of this file handed the socket is checked in its own body.
  co_await relay(S);
  S.read_some(asio::mutable_buffer{}); // not awaited: async-blocking-call-in-coroutine's business
}

// A class at global scope is named like any other ("::GlobalClient" is not a
// C library function).
struct GlobalClient {
  asyncrt::Task<int> get();
};
asyncrt::Task<> globalClass(GlobalClient &C) {
  co_await C.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'GlobalClient::get' is awaited with no timeout
}

// A lambda inside the coroutine is not its await.
asyncrt::Task<> lambdaInside(rpc::Client &C) {
  auto F = [&C]() -> asyncrt::Task<int> { co_return co_await asyncrt::timeout(5, C.call(2)); };
  co_await F();
  auto G = [&C]() -> asyncrt::Task<int> { co_return co_await C.call(2); };
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: 'rpc::Client::call' is awaited with no timeout
  co_await G();
}

// Suppressed.
asyncrt::Task<> suppressed() {
  co_await chan::recv(); // NOLINT(async-missing-timeout)
}
