// The fix of timeout-hazard-channel-recv: the receive races a timer with
// asyncrt::select, and the worker gives up when the timer wins.
// GROUND-TRUTH: async-missing-timeout safe
// GROUND-TRUTH-LINT-CONFIG: {CheckOptions: {async-missing-timeout.Functions: '::asyncrt::mpsc::Receiver::recv'}}
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<> worker(asyncrt::mpsc::Receiver<int> jobs) {
  for (;;) {
    auto next = co_await asyncrt::select(jobs.recv(), asyncrt::sleep(20ms));
    if (next.index() == 1 || !std::get<0>(next))
      co_return;  // idle too long, or closed
  }
}

int main() {
  auto [tx, rx] = asyncrt::mpsc::channel<int>(8);  // tx outlives the runtime and never sends
  asyncrt::Runtime rt;
  return rt.block_on([](asyncrt::mpsc::Receiver<int> jobs) -> asyncrt::Task<int> {
    auto w = asyncrt::spawn(worker(std::move(jobs)));
    co_await asyncrt::sleep(50ms);
    co_await w;
    co_return 0;
  }(std::move(rx)));
}
