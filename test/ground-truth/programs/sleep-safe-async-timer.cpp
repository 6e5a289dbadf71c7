// The fix: an asynchronous sleep suspends the coroutine and frees the thread.
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<int> poll_with_backoff() {
  co_await asyncrt::yield_now();
  co_await asyncrt::sleep(300ms);
  co_return 1;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(poll_with_backoff()) == 1 ? 0 : 1;
}
