#include <base.h>
#include <timer.h>
Task t1() {
  wait_timer();
  co_return;
}
