// Input of the editor tests: one async-sleep-in-coroutine finding (line 8), one the same
// but suppressed by NOLINT (line 13), one bugprone-integer-division finding (line 18).
#include "coro.h"
#include "chrono.h"
#include "sync.h"

Task<> naps() {
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  co_return;
}

Task<> allowedNap() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1)); // NOLINT(async-sleep-in-coroutine)
  co_return;
}

double ratio(int Done, int Total) {
  return Done / Total * 1.0;
}

Task<> caller() {
  co_await naps();
}
