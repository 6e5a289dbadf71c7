// The fixed twin of lock-hazard-lock-guard: the guard's scope ends before the co_await,
// so the mutex is held only between suspension points.
// GROUND-TRUTH: async-lock-held-across-suspend safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <mutex>

using namespace std::chrono_literals;

struct Stats {
  std::mutex mu;
  long bytes = 0;
};

asyncrt::Task<long> record_write(Stats& stats, long n) {
  co_await asyncrt::sleep(1ms);  // stands in for the write itself
  long total;
  {
    std::lock_guard<std::mutex> guard(stats.mu);
    stats.bytes += n;
    total = stats.bytes;
  }
  co_await asyncrt::sleep(1ms);  // then report it
  co_return total;
}

int main() {
  Stats stats;
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(record_write(stats, 10)) == 10 ? 0 : 1;
}
