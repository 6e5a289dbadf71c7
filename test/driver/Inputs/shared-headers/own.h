// The project's own header, after the shared prefix: its finding is reported.
#pragma once
#include <task.h>
inline Task ownCoroutine() {
  sleep(2);
  co_return;
}
