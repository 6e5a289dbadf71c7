// Reads a.h, then waits on two FIFOs: the test edits a.h between them, while
// the compiler is still parsing this unit.
#include "../coro.h"
#include "a.h"
#include "gate1.h"
#include "gate2.h"
