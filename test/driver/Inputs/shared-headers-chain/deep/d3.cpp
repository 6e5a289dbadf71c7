#include <task.h>
#include <h1.h>
#include <h2.h>
#include <h3.h>
#include <solo.h>
Task d3() {
  sleep(level3());
  co_return;
}
