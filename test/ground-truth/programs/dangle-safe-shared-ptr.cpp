// The fix of dangle-hazard-reference-capture and dangle-hazard-view-of-local:
// the task shares ownership of its state through a std::shared_ptr parameter.
// GROUND-TRUTH: async-dangling-reference safe
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <memory>

using namespace std::chrono_literals;

static int total = 0;

asyncrt::Task<> count(std::shared_ptr<const int> step) {
  co_await asyncrt::sleep(10ms);
  total += *step;
}

void start_counter() {
  auto step = std::make_shared<const int>(3);
  asyncrt::spawn(count(step));
}

asyncrt::Task<int> handler() {
  start_counter();
  co_await asyncrt::sleep(100ms);
  co_return total == 3 ? 0 : 1;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(handler());
}
