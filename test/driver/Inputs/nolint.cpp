// One finding suppressed with NOLINT, one not.
#include "coro.h"
Task suppressedCoroutine() {
  sleep(1); // NOLINT(async-sleep-in-coroutine): startup only
  sleep(3);
  co_return;
}
