#include <base.h>
#include <solo.h>
// Shares base.h alone: parsed against base.h's PCH, solo.h parsed in the unit.
Task b1() {
  sleep(solo());
  co_return;
}
