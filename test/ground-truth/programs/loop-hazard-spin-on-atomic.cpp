// A coroutine busy-waits on an atomic flag that another task sets after an asynchronous
// 300 ms sleep. On a multi-thread runtime the setter runs on the other worker, so the
// spin ends, but one worker burns CPU for 300 ms (on a current-thread runtime it would
// never end).
// GROUND-TRUTH: async-never-yielding-loop hazard
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
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  return rt.block_on(service()) == 1 ? 0 : 1;
}
