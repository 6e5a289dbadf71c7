// The linter sees a std::lock_guard held at a co_await; at run time that await never
// suspends (a zero-length asyncrt::sleep is already expired, await_ready() is true), so
// the monitor sees no suspension with the lock held. Static reports are a superset of
// dynamic ones here by design: a timeout computed as zero on one run is not zero on the
// next.
// GROUND-TRUTH: async-lock-held-across-suspend safe
// GROUND-TRUTH-LIMIT: async-lock-held-across-suspend lint_only: the await is ready at run time (expired timer), so it never suspends; the linter cannot know the duration
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <chrono>
#include <mutex>

struct Stats {
  std::mutex mu;
  long bytes = 0;
};

asyncrt::Task<long> record_write(Stats& stats, long n, std::chrono::milliseconds pacing) {
  std::lock_guard<std::mutex> guard(stats.mu);
  co_await asyncrt::sleep(pacing);  // pacing is 0 ms in this run
  stats.bytes += n;
  co_return stats.bytes;
}

int main() {
  Stats stats;
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(record_write(stats, 10, std::chrono::milliseconds(0))) == 10 ? 0 : 1;
}
