// A lambda coroutine captures a local of the spawning function by reference;
// the function returns while the task sleeps. ASan: stack-use-after-return
// (the closure and the local were on the returned function's stack).
// GROUND-TRUTH: async-dangling-reference hazard
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

static int total = 0;

void start_counter() {
  int step = 3;
  asyncrt::spawn([&step]() -> asyncrt::Task<> {
    co_await asyncrt::sleep(10ms);
    total += step;
  }());
}

asyncrt::Task<int> handler() {
  start_counter();
  co_await asyncrt::sleep(100ms);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(handler());
}
