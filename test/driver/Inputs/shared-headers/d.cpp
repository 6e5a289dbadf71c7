// Shares the prefix; uses what the shared headers define: a blocking function
// and a template instantiated with the unit's own coroutine lambda.
#include <task.h>
#include <pause.h>
Task d() {
  nap();
  run_now([]() -> Task {
    sleep(4);
    co_return;
  });
  co_return;
}
