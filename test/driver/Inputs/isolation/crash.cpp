// Crashes the compiler (a stand-in for any Clang crash on exotic code).
#include "../coro.h"
Task beforeTheCrash() { co_return; }
#pragma clang __debug crash
