// The hop is created but never co_awaited, so the task never leaves the worker and the
// blocking sleep after it stalls it. (Real-code shape: a missing co_await on
// resume_on/schedule.) A model of hops must count only awaited ones.
// GROUND-TRUTH: async-sleep-in-coroutine hazard
#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> wait_for_device() {
  co_await asyncrt::yield_now();
  auto hop = asyncrt::on(asyncrt::blocking_pool());  // forgot co_await
  (void)hop;
  std::this_thread::sleep_for(300ms);  // still on the worker
  co_return 1;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(wait_for_device()) == 1 ? 0 : 1;
}
