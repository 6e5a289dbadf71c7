#include "chat.hpp"
#include <chrono>
#include <fstream>
#include <thread>

static void backOff() {
  // Called from a coroutine below: this sleep stalls every session.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

awaitable<void> appendToHistory(std::string Line) {
  std::ofstream Out("history.log", std::ios::app); // opens a file on the executor's thread
  if (!Out)
    backOff();
  Out << Line << '\n';
  co_return;
}

awaitable<void> replayHistory(tcp::socket &Socket) {
  std::ifstream In("history.log");
  std::string Line;
  while (std::getline(In, Line))
    co_await asio::async_write(Socket, asio::buffer(Line + "\n"), use_awaitable);
}
