// A task hops onto the blocking pool with co_await asyncrt::on(blocking_pool()), waits
// there with a blocking sleep (a vendor API that only polls), and hops back to the
// workers: concurrencpp's resume_on(background_executor), cppcoro's co_await
// pool.schedule(). The sleep runs on a pool thread, so no worker stalls.
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> wait_for_device() {
  co_await asyncrt::yield_now();
  co_await asyncrt::on(asyncrt::blocking_pool());
  std::this_thread::sleep_for(300ms);  // on a blocking-pool thread
  co_await asyncrt::on(asyncrt::workers());
  co_return 1;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(wait_for_device()) == 1 ? 0 : 1;
}
