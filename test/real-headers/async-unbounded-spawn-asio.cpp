// On the real Asio and libstdc++ headers: the echo server's accept loop
// spawns one detached session per connection with no limit (reported by the
// strict setting; the default exempts a loop paced by an awaited accept); a
// thread started on every iteration is reported either way; a counted loop
// and threads created inside std::vector::emplace_back (a system header) are
// not reported.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-unbounded-spawn %t -- -- %asio_flags
// RUN: %check_async_tidy -check-suffix=STRICT %s async-unbounded-spawn %t -- \
// RUN:   -config="{CheckOptions: {async-unbounded-spawn.AllowAwaitedAcceptLoops: false}}" -- %asio_flags
#include <asio.hpp>
#include <thread>
#include <vector>

using asio::ip::tcp;
asio::awaitable<void> echo(tcp::socket Socket);
void work();

asio::awaitable<void> listener(tcp::acceptor Acceptor) {
  for (;;) {
    tcp::socket Socket = co_await Acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(Acceptor.get_executor(), echo(std::move(Socket)), asio::detached);
    // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration of a loop with no bound
  }
}

void threadsForever() {
  while (true)
    std::thread(work).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::thread' starts a task on every iteration of a loop with no bound
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:5: warning: 'std::thread' starts a task on every iteration of a loop with no bound
}

void boundedThreads(int N) {
  std::vector<std::thread> Pool;
  for (int I = 0; I < N; ++I)
    Pool.emplace_back(work);
  for (auto &T : Pool)
    T.join();
}
