// Mock of the Asio names the checks know: awaitable, co_spawn with detached
// and use_awaitable, sockets and timers with synchronous and async operations,
// and io_context::run. Real-header tests use <asio.hpp> itself.
#pragma once
#include "coro.h"

namespace asio {
template <typename T> struct awaitable_return { template <typename U> void return_value(U &&) {} };
template <> struct awaitable_return<void> { void return_void() {} };

// Lazy, like the real one: the body runs when awaited or co_spawn'ed.
template <typename T = void> struct awaitable {
  struct promise_type : awaitable_return<T> {
    awaitable get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};

struct any_io_executor {};
struct use_awaitable_t {};
inline constexpr use_awaitable_t use_awaitable{};
struct detached_t {};
inline constexpr detached_t detached{};

// Completion tokens that turn an operation's error into a value: the
// coroutine sees (error_code, result) instead of an exception.
struct error_code {};
template <typename Token> struct as_tuple_t { Token token; };
template <typename Token> as_tuple_t<Token> as_tuple(Token T) { return {T}; }
template <typename Token> struct redirect_error_t { Token token; error_code *ec; };
template <typename Token> redirect_error_t<Token> redirect_error(Token T, error_code &E) {
  return {T, &E};
}

struct io_context {
  any_io_executor get_executor();
  unsigned long run();
  unsigned long run_one();
  template <typename Duration> unsigned long run_for(const Duration &);
  void stop();
};

template <typename Executor, typename T, typename Token>
void co_spawn(const Executor &, awaitable<T> &&, Token &&) {}
template <typename Executor, typename F, typename Token>
void co_spawn(const Executor &, F &&, Token &&) {}

struct mutable_buffer {};
inline mutable_buffer buffer(void *, unsigned long) { return {}; }

template <typename Clock> struct basic_waitable_timer {
  explicit basic_waitable_timer(any_io_executor) {}
  template <typename D> void expires_after(D) {}
  void wait() {}
  awaitable<void> async_wait(use_awaitable_t) { return {}; }
};
struct steady_clock_mock {};
using steady_timer = basic_waitable_timer<steady_clock_mock>;

// Per-operation timeouts (Asio 1.31): cancel_after(d[, token]) as a completion token.
template <typename D> struct cancel_after_t { D timeout; };
template <typename D> cancel_after_t<D> cancel_after(D d) { return {d}; }

template <typename Protocol> struct basic_stream_socket {
  explicit basic_stream_socket(any_io_executor) {}
  unsigned long read_some(mutable_buffer) { return 0; }
  unsigned long write_some(mutable_buffer) { return 0; }
  awaitable<unsigned long> async_read_some(mutable_buffer, use_awaitable_t) { return {}; }
  template <typename T> awaitable<unsigned long> async_read_some(mutable_buffer, as_tuple_t<T>) { return {}; }
  template <typename T> awaitable<unsigned long> async_read_some(mutable_buffer, redirect_error_t<T>) { return {}; }
  template <typename D> awaitable<unsigned long> async_read_some(mutable_buffer, cancel_after_t<D>) { return {}; }
  any_io_executor get_executor() noexcept { return {}; }
};
template <typename Protocol> struct basic_socket_acceptor {
  explicit basic_socket_acceptor(any_io_executor) {}
  basic_stream_socket<Protocol> accept() { return basic_stream_socket<Protocol>({}); }
  awaitable<basic_stream_socket<Protocol>> async_accept(use_awaitable_t) { return {}; }
};
namespace ip {
struct tcp {
  using socket = basic_stream_socket<tcp>;
  using acceptor = basic_socket_acceptor<tcp>;
};
} // namespace ip

template <typename Stream> unsigned long read(Stream &, mutable_buffer) { return 0; }
template <typename Stream> unsigned long write(Stream &, mutable_buffer) { return 0; }
template <typename Stream, typename Token> awaitable<unsigned long> async_read(Stream &, mutable_buffer, Token) { return {}; }
struct thread_pool {
  struct executor_type {};
  executor_type get_executor() noexcept { return {}; }
};
template <typename Executor, typename Token> awaitable<void> post(const Executor &, Token) { return {}; }
} // namespace asio

