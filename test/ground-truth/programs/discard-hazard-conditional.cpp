// A lazy task chosen by ?: in a statement whose value is thrown away: whichever
// branch runs creates a task that is destroyed unstarted, so no reload happens.
// GROUND-TRUTH: async-discarded-task hazard
#include <asyncrt/asyncrt.hpp>

static int reloads = 0;

asyncrt::Task<> reload_full() {
  reloads += 10;
  co_return;
}

asyncrt::Task<> reload_delta() {
  reloads += 1;
  co_return;
}

asyncrt::Task<int> on_config_change(bool full) {
  (void)(full ? reload_full() : reload_delta());
  co_await asyncrt::yield_now();
  co_return reloads;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(on_config_change(false)) == 0 ? 0 : 1;
}
