// A loop of only 100 iterations whose every iteration is expensive (a same-TU helper that
// hashes for a few ms): the monitor sees a stall of a few hundred ms, but the linter does
// not estimate the cost of an iteration and stays silent (a documented limit).
// GROUND-TRUTH: async-never-yielding-loop hazard
// GROUND-TRUTH-LIMIT: async-never-yielding-loop monitor_only: the cost of one iteration is not estimated; 100 iterations are below MinTripCount
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>

static unsigned long hash_chunk(unsigned long seed) {
  for (long i = 0; i < 600'000; ++i)
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
  return seed;
}

asyncrt::Task<unsigned long> hash_file() {
  co_await asyncrt::yield_now();
  unsigned long h = 0;
  for (int chunk = 0; chunk < 100; ++chunk)
    h ^= hash_chunk(h + chunk);
  co_return h;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  rt.block_on(hash_file());
  return 0;
}
