// A worker waits for its next job on a channel whose producer is alive but
// stalled: with no timeout, it waits until the runtime shuts down.
// GROUND-TRUTH: async-missing-timeout hazard
// GROUND-TRUTH-LINT-CONFIG: {CheckOptions: {async-missing-timeout.Functions: '::asyncrt::mpsc::Receiver::recv'}}
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<> worker(asyncrt::mpsc::Receiver<int> jobs) {
  while (auto job = co_await jobs.recv()) {
    (void)*job;
  }
}

int main() {
  auto [tx, rx] = asyncrt::mpsc::channel<int>(8);  // tx outlives the runtime and never sends
  asyncrt::Runtime rt;
  return rt.block_on([](asyncrt::mpsc::Receiver<int> jobs) -> asyncrt::Task<int> {
    auto w = asyncrt::spawn(worker(std::move(jobs)));
    co_await asyncrt::sleep(50ms);
    co_return 0;
  }(std::move(rx)));
}
