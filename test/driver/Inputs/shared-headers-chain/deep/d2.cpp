#include <task.h>
#include <h1.h>
#include <h2.h>
#include <solo.h>
Task d2() {
  sleep(level2());
  co_return;
}
