// Built twice with different flags (as a library and as a test): each command
// is a unit, and each configuration has its own finding.
#include "../coro.h"
#ifdef AS_LIBRARY
Task libraryCoroutine() {
  sleep(1);
  co_return;
}
#endif
#ifdef AS_TEST
Task testCoroutine() {
  sleep(2);
  co_return;
}
#endif
