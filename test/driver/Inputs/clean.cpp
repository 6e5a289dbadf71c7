// Sleeps only outside coroutines: no finding.
#include "coro.h"
void plainFunction() { sleep(1); }
Task cleanCoroutine() { co_return; }
