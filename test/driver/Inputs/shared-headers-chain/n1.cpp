#include <base.h>
#include <net.h>
Task n1() {
  wait_net();
  co_return;
}
