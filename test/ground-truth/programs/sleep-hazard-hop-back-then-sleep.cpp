// A hop onto the blocking pool protects only the code before the hop back: this task
// returns to the workers and then sleeps there. A model of hops must be flow-sensitive.
// GROUND-TRUTH: async-sleep-in-coroutine hazard
#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> load_then_wait() {
  co_await asyncrt::on(asyncrt::blocking_pool());
  int loaded = 1;  // blocking work would be fine here
  co_await asyncrt::on(asyncrt::workers());
  std::this_thread::sleep_for(300ms);  // back on the worker: a stall
  co_return loaded;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(load_then_wait()) == 1 ? 0 : 1;
}
