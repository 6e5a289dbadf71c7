// The fixed twin of loop-hazard-spin-on-atomic: the wait loop co_awaits a 1 ms
// asyncrt::sleep per check, so the worker is free between checks.
// GROUND-TRUTH: async-never-yielding-loop safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <atomic>
#include <memory>

using namespace std::chrono_literals;

asyncrt::Task<void> warm_up(std::shared_ptr<std::atomic<bool>> ready) {
  co_await asyncrt::sleep(300ms);
  ready->store(true);
}

asyncrt::Task<int> wait_until_ready(std::shared_ptr<std::atomic<bool>> ready) {
  while (!ready->load()) {
    co_await asyncrt::sleep(1ms);
  }
  co_return 1;
}

asyncrt::Task<int> service() {
  auto ready = std::make_shared<std::atomic<bool>>(false);
  asyncrt::JoinHandle<void> warmer = asyncrt::spawn(warm_up(ready));
  co_await asyncrt::yield_now();
  int ok = co_await wait_until_ready(ready);
  co_await warmer;
  co_return ok;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(service()) == 1 ? 0 : 1;
}
