// Asio application code: an accept loop bounded by a user-defined asynchronous semaphore
// (a channel of tokens, as Asio's own examples build one). The spawn per connection is
// paced and bounded: the loop must not be reported as unbounded. Its unbounded twin is
// reported.
#include <asio/awaitable.hpp>
#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/experimental/channel.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/use_awaitable.hpp>
#include <asio/write.hpp>

#include <cstddef>
#include <memory>

using asio::ip::tcp;

class async_semaphore {
 public:
  async_semaphore(asio::any_io_executor ex, std::size_t permits) : tokens_(ex, permits) {
    for (std::size_t i = 0; i < permits; ++i) tokens_.try_send(asio::error_code{});
  }
  asio::awaitable<void> acquire() { co_await tokens_.async_receive(asio::use_awaitable); }
  void release() { tokens_.try_send(asio::error_code{}); }

 private:
  asio::experimental::channel<void(asio::error_code)> tokens_;
};

asio::awaitable<void> session(tcp::socket s, async_semaphore& sem) {
  try {
    co_await asio::async_write(s, asio::buffer("hi", 2), asio::use_awaitable);
  } catch (...) {
  }
  sem.release();
}

asio::awaitable<void> bounded_listener(tcp::acceptor& acceptor, async_semaphore& sem) {
  for (;;) {
    co_await sem.acquire();
    tcp::socket s = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), session(std::move(s), sem), asio::detached);  // SAFE: async-unbounded-spawn
  }
}

asio::awaitable<void> echo(tcp::socket s) {
  try {
    co_await asio::async_write(s, asio::buffer("hi", 2), asio::use_awaitable);
  } catch (...) {
  }
}

asio::awaitable<void> burst(asio::any_io_executor ex, tcp::acceptor& acceptor) {
  for (;;) {
    tcp::socket s(ex);
    asio::co_spawn(ex, echo(std::move(s)), asio::detached);  // EXPECT: async-unbounded-spawn
  }
}
