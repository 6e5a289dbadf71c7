// The heavy header every unit starts with: a "third-party" task type.
#pragma once
#include <coro.h>
#include <map>
#include <string>
#include <vector>
// The test edits BASE_WAIT to block.
#define BASE_WAIT() ((void)0)
