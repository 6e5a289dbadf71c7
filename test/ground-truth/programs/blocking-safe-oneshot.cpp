// The asynchronous form of blocking-hazard-thread-join: the helper thread hands its result
// over a oneshot channel and the coroutine awaits the receiver, so the worker is free
// while the helper works. The thread is joined in main, outside any coroutine.
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

asyncrt::Task<int> flush_cache(asyncrt::oneshot::Receiver<int> done) {
  co_await asyncrt::yield_now();
  std::optional<int> flushed = co_await std::move(done);
  co_return flushed.value_or(0);
}

int main() {
  auto [tx, rx] = asyncrt::oneshot::channel<int>();
  std::thread flusher([tx = std::move(tx)]() mutable {
    std::this_thread::sleep_for(300ms);
    tx.send(1);
  });
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  int rc = rt.block_on(flush_cache(std::move(rx))) == 1 ? 0 : 1;
  flusher.join();
  return rc;
}
