#include <task.h>
#include <h1.h>
#include <solo.h>
Task d1() {
  sleep(level1());
  co_return;
}
