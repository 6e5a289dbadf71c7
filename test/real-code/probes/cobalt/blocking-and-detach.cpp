// Boost.Cobalt application code: an eager promise detached with unary + whose error is
// lost, and a blocking sleep in a task.
#include <boost/cobalt/promise.hpp>
#include <boost/cobalt/task.hpp>
#include <boost/cobalt/op.hpp>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace cobalt = boost::cobalt;

cobalt::promise<void> flush_cache(int n) {
  if (n > 3) throw std::runtime_error("cache");
  co_return;
}

cobalt::task<void> handler(int n) {
  +flush_cache(n);  // EXPECT: async-ignored-join-handle
  std::this_thread::sleep_for(std::chrono::milliseconds(10));  // EXPECT: async-sleep-in-coroutine
  co_return;
}
