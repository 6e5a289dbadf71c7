// On the real Asio and libstdc++ headers: std::string_view, std::span and
// const std::string & parameters of coroutines spawned with co_spawn, a
// by-reference capture of a spawned coroutine lambda, and their safe twins
// (by value, std::shared_ptr, awaited through use_awaitable at once).
// REQUIRES: asio
// RUN: %check_async_tidy %s async-dangling-reference %t -- -- %asio_flags
#include <asio.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

asio::awaitable<void> send(std::string_view Text);
asio::awaitable<void> sendRef(const std::string &Text);
asio::awaitable<void> sendCopy(std::string Text);
asio::awaitable<void> sendBytes(std::span<const char> Bytes);
asio::awaitable<void> sendShared(std::shared_ptr<const std::string> Text);

void spawns(asio::io_context &Ctx) {
  std::string Line = "hello";
  asio::co_spawn(Ctx, send(Line), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'send' may outlive local variable 'Line' that its parameter 'Text' refers to [async-dangling-reference]
  asio::co_spawn(Ctx, sendRef(Line + "!"), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'sendRef' may outlive a temporary that its parameter 'Text' refers to
  std::vector<char> Bytes(16);
  asio::co_spawn(Ctx, sendBytes(Bytes), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'sendBytes' may outlive local variable 'Bytes' that its parameter 'Bytes' refers to
  int Sent = 0;
  asio::co_spawn(Ctx, [&Sent]() -> asio::awaitable<void> { ++Sent; co_return; }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of lambda may outlive local variable 'Sent' that its capture 'Sent' refers to

  asio::co_spawn(Ctx, sendCopy(Line), asio::detached);
  asio::co_spawn(Ctx, sendShared(std::make_shared<const std::string>(Line)), asio::detached);
  asio::co_spawn(Ctx, send("literal"), asio::detached);
  asio::co_spawn(Ctx, [Sent]() -> asio::awaitable<void> { (void)Sent; co_return; }, asio::detached);
}

asio::awaitable<void> awaitsAtOnce() {
  std::string Line = "hello";
  co_await send(Line);
  co_await sendRef(Line + "!");
  auto Ex = co_await asio::this_coro::executor;
  co_await asio::co_spawn(Ex, send(Line), asio::use_awaitable);
}
