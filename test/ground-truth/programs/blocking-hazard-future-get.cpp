// A coroutine waits for a std::async result with future::get(): the computation sleeps
// 300 ms on its own thread, and the worker waits on a futex for it.
// GROUND-TRUTH: async-blocking-call-in-coroutine hazard
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <future>
#include <thread>

using namespace std::chrono_literals;

static int slow_lookup() {
  std::this_thread::sleep_for(300ms);  // on the std::async thread
  return 42;
}

asyncrt::Task<int> lookup_user() {
  co_await asyncrt::yield_now();
  std::future<int> pending = std::async(std::launch::async, slow_lookup);
  int id = pending.get();
  co_return id;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(lookup_user()) == 42 ? 0 : 1;
}
