#include <task.h>
#include <h1.h>
#include <h2.h>
#include <h3.h>
#include <h4.h>
#include <solo.h>
Task d4() {
  sleep(level4());
  co_return;
}
