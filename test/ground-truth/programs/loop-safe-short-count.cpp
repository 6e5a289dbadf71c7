// A look-alike: a counted loop of 4096 iterations in a coroutine, far below the check's
// MinTripCount and far below the monitor's stall threshold. Short loops are fine.
// GROUND-TRUTH: async-never-yielding-loop safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>

static unsigned block[64] = {3, 1, 4, 1, 5, 9, 2, 6};

asyncrt::Task<unsigned long> checksum_header() {
  co_await asyncrt::yield_now();
  unsigned long sum = 0;
  for (int i = 0; i < 4096; ++i)
    sum = sum * 31 + block[i % 64];
  co_return sum;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  rt.block_on(checksum_header());
  return 0;
}
