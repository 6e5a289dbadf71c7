// Shares its include prefix with b.cpp and c.cpp.
#include <task.h> // the task type
/* the pause macro */
#include <pause.h>
#include "own.h"
Task a() {
  sleep(1);
  PAUSE();
  co_return;
}
