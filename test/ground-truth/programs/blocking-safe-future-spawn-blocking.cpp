// The fixed twin of blocking-hazard-future-get: the future::get() runs in a
// non-coroutine lambda on the blocking pool; the coroutine awaits its JoinHandle.
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
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
  std::shared_future<int> pending = std::async(std::launch::async, slow_lookup).share();
  int id = co_await asyncrt::spawn_blocking([pending] { return pending.get(); });
  co_return id;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(lookup_user()) == 42 ? 0 : 1;
}
