#include "chat.hpp"

awaitable<void> Room::broadcast(std::string Message) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Recent.push_back(Message);
  if (Recent.size() > 100)
    Recent.pop_front();
  // The guard is still held here: another task resumed on another thread may
  // unlock a mutex it never locked, or this one deadlocks against itself.
  co_await appendToHistory(std::move(Message));
}

awaitable<void> Room::waitForQuiet() {
  // Spins on the executor's thread until other tasks finish - but they cannot
  // run while this loop holds the thread.
  while (InFlight.load() != 0) {
  }
  co_return;
}

std::size_t Room::size() {
  std::lock_guard<std::mutex> Lock(Mutex); // fine: not a coroutine
  return Recent.size();
}
