#include <solo.h>
#include <base.h>
// Starts with a header no other unit starts with: parsed plainly.
Task x() {
  sleep(2);
  co_return;
}
