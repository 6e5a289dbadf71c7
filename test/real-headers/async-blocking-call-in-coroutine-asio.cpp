// Synchronous Asio operations and running the event loop inside a coroutine
// are reported on the real Asio headers; their async_* forms are not.
// REQUIRES: asio
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -- %asio_flags
#include <asio.hpp>

using asio::ip::tcp;

asio::awaitable<void> synchronous(tcp::socket &Socket, tcp::acceptor &Acceptor,
                                  asio::io_context &Ctx) {
  char Data[64];
  Socket.read_some(asio::buffer(Data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'asio::basic_stream_socket::read_some' in coroutine 'synchronous'; use co_await socket.async_read_some instead
  asio::write(Socket, asio::buffer(Data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'asio::write' in coroutine 'synchronous'; use co_await asio::async_write instead
  tcp::socket Peer = Acceptor.accept();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: thread-blocking call 'asio::basic_socket_acceptor::accept' in coroutine 'synchronous'
  tcp::resolver Resolver(Ctx);
  auto Endpoints = Resolver.resolve("localhost", "80");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: thread-blocking call 'asio::ip::basic_resolver::resolve' in coroutine 'synchronous'
  asio::steady_timer Timer(Ctx, std::chrono::seconds(1));
  Timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'asio::basic_waitable_timer::wait' in coroutine 'synchronous'; use co_await timer.async_wait instead
  Ctx.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'asio::io_context::run' in coroutine 'synchronous'
  co_return;
}

asio::awaitable<void> asynchronous(tcp::socket &Socket, tcp::acceptor &Acceptor) {
  char Data[64];
  std::size_t N = co_await Socket.async_read_some(asio::buffer(Data), asio::use_awaitable);
  co_await asio::async_write(Socket, asio::buffer(Data, N), asio::use_awaitable);
  tcp::socket Peer = co_await Acceptor.async_accept(asio::use_awaitable);
  asio::steady_timer Timer(Socket.get_executor(), std::chrono::seconds(1));
  co_await Timer.async_wait(asio::use_awaitable);
}

// The event loop run from main (not a coroutine) is how Asio is used.
int main() {
  asio::io_context Ctx;
  Ctx.run();
}
