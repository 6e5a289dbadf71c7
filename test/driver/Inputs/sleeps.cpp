// A coroutine that blocks its thread with sleep(): one finding.
#include "coro.h"
#include "shared.h"
Task sleepyCoroutine() {
  sleep(1);
  co_return;
}
