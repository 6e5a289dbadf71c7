// The fixed twin of loop-hazard-counted-checksum: every 100,000 iterations the loop
// co_awaits asyncrt::yield_now(), so no stretch between suspensions is long.
// GROUND-TRUTH: async-never-yielding-loop safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>

static unsigned block[64] = {3, 1, 4, 1, 5, 9, 2, 6};

asyncrt::Task<unsigned long> checksum() {
  co_await asyncrt::yield_now();
  unsigned long sum = 0;
  for (long i = 0; i < 60'000'000; ++i) {
    sum = sum * 31 + block[i % 64];
    if (i % 100'000 == 0)
      co_await asyncrt::yield_now();
  }
  co_return sum;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  rt.block_on(checksum());
  return 0;
}
