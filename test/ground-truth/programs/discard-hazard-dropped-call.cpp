// A lazy task whose call result is thrown away: the task is created suspended and
// destroyed at the end of the statement, so the cache is never refreshed.
// GROUND-TRUTH: async-discarded-task hazard
#include <asyncrt/asyncrt.hpp>

static int refreshes = 0;

asyncrt::Task<> refresh_cache() {
  ++refreshes;
  co_return;
}

asyncrt::Task<int> handle_request() {
  (void)refresh_cache();  // meant to start it; the body never runs
  co_await asyncrt::yield_now();
  co_return refreshes;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(handle_request()) == 0 ? 0 : 1;
}
