// unlock(), await, lock(), await: the first co_await is fine, the second suspends with
// the std::unique_lock held again. Both the linter and the monitor name the second one.
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
  std::unique_lock<std::mutex> lk(stats.mu);
  long before = stats.bytes;
  lk.unlock();
  co_await asyncrt::sleep(1ms);  // fine: released
  lk.lock();
  stats.bytes = before + n;
  co_await asyncrt::sleep(1ms);  // held again
  co_return stats.bytes;
}

int main() {
  Stats stats;
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(record_write(stats, 10)) == 10 ? 0 : 1;
}
