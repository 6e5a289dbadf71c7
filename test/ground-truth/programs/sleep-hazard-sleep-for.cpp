// A coroutine that sleeps with std::this_thread::sleep_for: the worker thread
// stops, and every task queued on it waits too.
// GROUND-TRUTH: async-sleep-in-coroutine hazard
#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> poll_with_backoff() {
  co_await asyncrt::yield_now();
  std::this_thread::sleep_for(300ms);
  co_return 1;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(poll_with_backoff()) == 1 ? 0 : 1;
}
