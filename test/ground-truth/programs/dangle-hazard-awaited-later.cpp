// A lazy task made from a temporary in one statement and awaited in a later
// one: the temporary is gone before the body runs. ASan: heap-use-after-free.
// GROUND-TRUTH: async-dangling-reference hazard
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <string>
#include <utility>

using namespace std::chrono_literals;

static int checksum = 0;

asyncrt::Task<> store(const std::string &key) {
  for (char c : key)
    checksum += c;
  co_return;
}

asyncrt::Task<int> handler() {
  auto pending = store(std::string(64, 'k'));
  co_await asyncrt::sleep(1ms);
  co_await std::move(pending);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(handler());
}
