// Boost.Beast application code: an Asio coroutine session that uses Beast's synchronous
// http::read/write and Asio's synchronous read on its socket, which block the io_context.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

asio::awaitable<void> session(asio::ip::tcp::socket socket) {
  beast::flat_buffer buffer;
  http::request<http::string_body> req;
  http::read(socket, buffer, req);  // EXPECT: async-blocking-call-in-coroutine
  http::response<http::string_body> res{http::status::ok, req.version()};
  res.body() = "hello";
  res.prepare_payload();
  http::write(socket, res);  // EXPECT: async-blocking-call-in-coroutine
  co_await http::async_write(socket, res, asio::use_awaitable);  // SAFE: async-blocking-call-in-coroutine
  char header[4];
  asio::read(socket, asio::buffer(header));  // EXPECT: async-blocking-call-in-coroutine
}
