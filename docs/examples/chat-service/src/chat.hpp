// A small chat service on Asio coroutines. It works, mostly: every async-* check
// has something to say about it. See README.md beside src/ for the list.
#pragma once
#include <asio.hpp>
#include <atomic>
#include <deque>
#include <mutex>
#include <string>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

class Room {
public:
  awaitable<void> broadcast(std::string Message);
  awaitable<void> waitForQuiet();
  std::size_t size();

private:
  std::mutex Mutex;
  std::deque<std::string> Recent;
  std::atomic<int> InFlight{0};
};

awaitable<void> appendToHistory(std::string Line);
awaitable<void> replayHistory(tcp::socket &Socket);
