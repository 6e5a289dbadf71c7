// The fixed twin of sleep-hazard-child-task-sleep-until: the child awaits
// asyncrt::sleep_until, which suspends the task instead of the worker.
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-never-yielding-loop safe
#include <asyncrt/asyncrt.hpp>
#include <chrono>

using namespace std::chrono_literals;

asyncrt::Task<int> wait_for_slot(asyncrt::Clock::time_point slot) {
  co_await asyncrt::sleep_until(slot);
  co_return 1;
}

asyncrt::Task<int> scheduler() {
  co_await asyncrt::yield_now();
  int a = co_await wait_for_slot(asyncrt::Clock::now() + 300ms);
  co_return a;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  return rt.block_on(scheduler()) == 1 ? 0 : 1;
}
