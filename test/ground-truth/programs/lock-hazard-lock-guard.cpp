// A std::lock_guard on a std::mutex is alive across a co_await that really suspends (a
// 1 ms timer): the task gives its thread back while holding the mutex.
// GROUND-TRUTH: async-lock-held-across-suspend hazard
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
  std::lock_guard<std::mutex> guard(stats.mu);
  co_await asyncrt::sleep(1ms);  // stands in for the write itself
  stats.bytes += n;
  co_return stats.bytes;
}

int main() {
  Stats stats;
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(record_write(stats, 10)) == 10 ? 0 : 1;
}
