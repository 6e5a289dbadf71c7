// Interprocedural: the coroutine calls a same-TU helper (not a coroutine) that sleeps
// with POSIX usleep. The helper runs on the coroutine's thread, so the task stalls; the
// linter reports the call in the coroutine with a note at the sleep.
// GROUND-TRUTH: async-sleep-in-coroutine hazard
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <unistd.h>

static int attempts = 0;

// A retry policy written for threads: wait before the next attempt.
static void backoff_before_retry() {
  ++attempts;
  usleep(300 * 1000);
}

asyncrt::Task<int> connect_with_retry() {
  co_await asyncrt::yield_now();
  backoff_before_retry();
  co_return attempts;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(connect_with_retry()) == 1 ? 0 : 1;
}
