// The same headers in another order: not the shared prefix.
#include <pause.h>
#include <task.h>
Task e() {
  sleep(5);
  co_return;
}
