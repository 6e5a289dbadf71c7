// The fix of discard-hazard-dropped-call: the task is awaited, so its body runs.
// GROUND-TRUTH: async-discarded-task safe
#include <asyncrt/asyncrt.hpp>

static int refreshes = 0;

asyncrt::Task<> refresh_cache() {
  ++refreshes;
  co_return;
}

asyncrt::Task<int> handle_request() {
  co_await refresh_cache();
  co_await asyncrt::yield_now();
  co_return refreshes;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(handle_request()) == 1 ? 0 : 1;
}
