// The fixed twin of sleep-hazard-helper-usleep: the back-off is itself a coroutine that
// awaits the runtime's timer, so the task suspends and the thread is free.
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

static int attempts = 0;

static asyncrt::Task<void> backoff_before_retry() {
  ++attempts;
  co_await asyncrt::sleep(300ms);
}

asyncrt::Task<int> connect_with_retry() {
  co_await asyncrt::yield_now();
  co_await backoff_before_retry();
  co_return attempts;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(connect_with_retry()) == 1 ? 0 : 1;
}
