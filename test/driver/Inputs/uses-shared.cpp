// Includes shared.h as sleeps.cpp does.
#include "shared.h"
void useShared() { headerCoroutine(); }
