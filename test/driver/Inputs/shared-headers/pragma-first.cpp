// #pragma state before the includes: parsed plainly.
#pragma pack(push, 1)
#include <task.h>
#include <pause.h>
#pragma pack(pop)
Task f() {
  sleep(6);
  co_return;
}
