// The other fix for loop-hazard-counted-checksum: the CPU work moves into a non-coroutine
// lambda handed to spawn_blocking; the coroutine suspends on the JoinHandle meanwhile.
// GROUND-TRUTH: async-never-yielding-loop safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>

static unsigned block[64] = {3, 1, 4, 1, 5, 9, 2, 6};

asyncrt::Task<unsigned long> checksum() {
  co_await asyncrt::yield_now();
  unsigned long sum = co_await asyncrt::spawn_blocking([] {
    unsigned long s = 0;
    for (long i = 0; i < 60'000'000; ++i)
      s = s * 31 + block[i % 64];
    return s;
  });
  co_return sum;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  rt.block_on(checksum());
  return 0;
}
