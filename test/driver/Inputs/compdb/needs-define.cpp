// Compiles only with the macro that the response file defines.
#include "../coro.h"
#ifndef FROM_RESPONSE_FILE
#error "the response file was not read"
#endif
Task sleepyFromResponseFile() {
  sleep(1);
  co_return;
}
