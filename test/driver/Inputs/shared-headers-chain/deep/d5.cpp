#include <task.h>
#include <h1.h>
#include <h2.h>
#include <h3.h>
#include <h4.h>
#include <h5.h>
#include <solo.h>
Task d5() {
  sleep(level5());
  co_return;
}
