#include <base.h>
#include <net.h>
// No finding until base.h's BASE_WAIT blocks.
Task n2() {
  wait_net();
  co_return;
}
