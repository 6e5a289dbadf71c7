// A lambda coroutine called at once and spawned: the closure that holds its
// by-value capture is a temporary destroyed at the end of the spawn's
// full-expression; the coroutine reads the capture through it after its first
// suspension. ASan: heap-use-after-free (the captured string's buffer).
// GROUND-TRUTH: async-dangling-reference hazard
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <string>

using namespace std::chrono_literals;

static int checksum = 0;

asyncrt::Task<int> handler() {
  std::string name(64, 'n');
  asyncrt::spawn([name]() -> asyncrt::Task<> {
    co_await asyncrt::sleep(10ms);
    for (char c : name)
      checksum += c;
  }());
  co_await asyncrt::sleep(100ms);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(handler());
}
