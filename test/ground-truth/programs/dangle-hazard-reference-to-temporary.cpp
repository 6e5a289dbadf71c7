// A spawned task takes `const std::string &` and is handed a temporary: the
// temporary dies at the end of the spawn's full-expression, the task reads it
// after its first suspension. ASan: heap-use-after-free.
// GROUND-TRUTH: async-dangling-reference hazard
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <string>

using namespace std::chrono_literals;

static int checksum = 0;

asyncrt::Task<> store(const std::string &key) {
  co_await asyncrt::sleep(10ms);
  for (char c : key)
    checksum += c;
}

asyncrt::Task<int> handler() {
  asyncrt::spawn(store(std::string(64, 'k')));
  co_await asyncrt::sleep(100ms);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(handler());
}
