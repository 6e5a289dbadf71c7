// A child coroutine sleeps with std::this_thread::sleep_until on a multi-thread runtime:
// one worker is stopped for 300 ms. The monitor attributes the stall to the child frame
// (the function that stalled), where the linter reports the call.
// GROUND-TRUTH: async-sleep-in-coroutine hazard
// GROUND-TRUTH: async-never-yielding-loop safe
#include <asyncrt/asyncrt.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> wait_for_slot(std::chrono::steady_clock::time_point slot) {
  std::this_thread::sleep_until(slot);
  co_return 1;
}

asyncrt::Task<int> scheduler() {
  co_await asyncrt::yield_now();
  int a = co_await wait_for_slot(std::chrono::steady_clock::now() + 300ms);
  co_return a;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  return rt.block_on(scheduler()) == 1 ? 0 : 1;
}
