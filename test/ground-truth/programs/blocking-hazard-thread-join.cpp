// A coroutine starts a helper thread and joins it: the thread works (sleeps) 300 ms, and
// the worker thread waits in join() for it.
// GROUND-TRUTH: async-blocking-call-in-coroutine hazard
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> flush_cache() {
  co_await asyncrt::yield_now();
  int flushed = 0;
  std::thread flusher([&flushed] {
    std::this_thread::sleep_for(300ms);  // on the flusher thread
    flushed = 1;
  });
  flusher.join();
  co_return flushed;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  return rt.block_on(flush_cache()) == 1 ? 0 : 1;
}
