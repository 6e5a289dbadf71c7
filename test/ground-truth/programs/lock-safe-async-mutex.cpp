// The other fix for lock-hazard-lock-guard: an asyncrt::Mutex, whose lock is awaited,
// may be held across a suspension; two tasks on a multi-thread runtime contend for it, so
// the second one really waits (suspended, not blocked).
// GROUND-TRUTH: async-lock-held-across-suspend safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <memory>

using namespace std::chrono_literals;

struct Stats {
  asyncrt::Mutex mu;
  long bytes = 0;
};

asyncrt::Task<long> record_write(std::shared_ptr<Stats> stats, long n) {
  asyncrt::MutexGuard guard = co_await stats->mu.lock();
  co_await asyncrt::sleep(1ms);  // stands in for the write itself
  stats->bytes += n;
  co_return stats->bytes;
}

asyncrt::Task<long> two_writers() {
  auto stats = std::make_shared<Stats>();
  asyncrt::JoinHandle<long> first = asyncrt::spawn(record_write(stats, 10));
  asyncrt::JoinHandle<long> second = asyncrt::spawn(record_write(stats, 20));
  co_await first;
  co_await second;
  co_return stats->bytes;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  return rt.block_on(two_writers()) == 30 ? 0 : 1;
}
