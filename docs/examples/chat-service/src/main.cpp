#include "chat.hpp"
#include <cstdio>

static awaitable<void> session(tcp::socket Socket, Room &Chat) {
  char Data[512];
  for (;;) {
    std::size_t N = co_await Socket.async_read_some(asio::buffer(Data), use_awaitable);
    co_await Chat.broadcast(std::string(Data, N));
  }
}

static awaitable<void> greet(tcp::socket &Socket) {
  // Creates the replay task and drops it: a lazy awaitable never runs.
  replayHistory(Socket);
  co_await asio::async_write(Socket, asio::buffer("welcome\n", 8), use_awaitable);
}

static awaitable<void> listener(tcp::acceptor Acceptor, Room &Chat) {
  for (;;) {
    tcp::socket Socket = co_await Acceptor.async_accept(use_awaitable);
    co_await greet(Socket);
    // One task per connection, no limit, and every exception dropped.
    asio::co_spawn(Acceptor.get_executor(), session(std::move(Socket), Chat), asio::detached);
  }
}

int main() {
  try {
    asio::io_context Context(1);
    Room Chat;
    tcp::acceptor Acceptor(Context, {tcp::v4(), 5555});
    asio::co_spawn(Context, listener(std::move(Acceptor), Chat),
                   [](std::exception_ptr E) {
                     if (E)
                       std::rethrow_exception(E);
                   });
    Context.run();
  } catch (std::exception &E) {
    std::printf("chat_service: %s\n", E.what());
    return 1;
  }
}
