// Includes found.h from CPATH or from the first -I directory that has it.
#include "../coro.h"
#include <found.h>
