// The fix of discard-hazard-unused-local when the task should run concurrently:
// hand it to spawn (which starts it) and await the handle.
// GROUND-TRUTH: async-discarded-task safe
#include <asyncrt/asyncrt.hpp>

#include <atomic>

static std::atomic<int> flushed{0};

asyncrt::Task<> flush_log() {
  ++flushed;
  co_return;
}

asyncrt::Task<int> shutdown_sequence() {
  auto flush = asyncrt::spawn(flush_log());
  co_await asyncrt::yield_now();
  co_await flush;
  co_return flushed.load();
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(shutdown_sequence()) == 1 ? 0 : 1;
}
