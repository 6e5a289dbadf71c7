// The twin of sleep-safe-hop-to-blocking-pool without the hop: the same blocking sleep
// runs on the runtime's only worker and freezes it.
// GROUND-TRUTH: async-sleep-in-coroutine hazard
#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> wait_for_device() {
  co_await asyncrt::yield_now();
  std::this_thread::sleep_for(300ms);  // on the worker
  co_return 1;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(wait_for_device()) == 1 ? 0 : 1;
}
