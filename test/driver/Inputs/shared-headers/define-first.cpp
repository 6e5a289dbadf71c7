// A #define before the includes changes what they mean: parsed plainly.
#define PAUSE() sleep(7)
#include <task.h>
#include <pause.h>
Task d() {
  PAUSE();
  co_return;
}
