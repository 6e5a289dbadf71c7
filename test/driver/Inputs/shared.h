// Included by two units; its finding must be reported once.
#pragma once
#include "coro.h"
inline Task headerCoroutine() {
  sleep(2);
  co_return;
}
