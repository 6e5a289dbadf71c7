#include <task.h>
#include <h1.h>
#include <h2.h>
#include <h3.h>
#include <h4.h>
#include <h5.h>
#include <h6.h>
#include <solo.h>
Task d6() {
  sleep(level6());
  co_return;
}
