// A blocking sleep that must stay (a vendor call that only offers blocking waits) runs in
// a non-coroutine lambda handed to spawn_blocking: it sleeps on the blocking pool, and the
// coroutine suspends on the JoinHandle. Neither the linter nor the monitor sees a hazard.
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> settle_hardware() {
  co_await asyncrt::yield_now();
  int settled = co_await asyncrt::spawn_blocking([] {
    std::this_thread::sleep_for(300ms);  // on a blocking-pool thread, not a worker
    return 1;
  });
  co_return settled;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  return rt.block_on(settle_hardware()) == 1 ? 0 : 1;
}
