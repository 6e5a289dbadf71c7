// The fix of dangle-hazard-temporary-closure: the lambda captures nothing and
// takes the string as a by-value parameter, which the frame owns.
// GROUND-TRUTH: async-dangling-reference safe
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <string>
#include <utility>

using namespace std::chrono_literals;

static int checksum = 0;

asyncrt::Task<int> handler() {
  std::string name(64, 'n');
  asyncrt::spawn([](std::string owned) -> asyncrt::Task<> {
    co_await asyncrt::sleep(10ms);
    for (char c : owned)
      checksum += c;
  }(std::move(name)));
  co_await asyncrt::sleep(100ms);
  co_return checksum == 64 * 'n' ? 0 : 1;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(handler());
}
