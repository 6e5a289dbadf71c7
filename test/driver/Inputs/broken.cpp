// Does not compile: the unit fails, the others are still reported.
#include "coro.h"
Task brokenCoroutine() { undeclaredFunction(); co_return; }
