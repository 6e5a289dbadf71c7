// Tokio guide: "Spawn independent tasks". The spawned task runs concurrently; the handle
// is awaited for its result.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>

using namespace asyncrt;
using namespace std::chrono_literals;

Task<long> expensive_operation() {
  co_await sleep(10ms);
  co_return 1234;
}

Task<int> other_work() {
  co_await sleep(5ms);
  co_return 1;
}

Task<long> run() {
  JoinHandle<long> handle = spawn(expensive_operation());  // runs concurrently
  int other = co_await other_work();                        // do other work
  long result = co_await handle;                            // wait for the spawned task
  co_return result + other;
}

int main() {
  Runtime rt;
  long r = rt.block_on(run());
  std::printf("result: %ld\n", r);
  return r == 1235 ? 0 : 1;
}
