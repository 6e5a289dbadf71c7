#include <base.h>
#include <timer.h>
Task t2() {
  wait_timer();
  BASE_WAIT();
  co_return;
}
