#include <task.h>
#include <pause.h>
Task c() {
  sleep(3); // NOLINT(async-sleep-in-coroutine): startup only
  PAUSE();
  co_return;
}
Task c2() { co_return; }
