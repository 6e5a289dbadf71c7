#include <task.h>
#include <pause.h>
#include <vector>
Task b() {
  PAUSE();
  std::vector<int> V{1};
  sleep(V[0]);
  co_return;
}
