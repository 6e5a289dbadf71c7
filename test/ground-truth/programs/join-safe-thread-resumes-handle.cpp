// A hand-written awaiter completes through a detached std::thread whose only job is to
// resume the suspended task (here through its Waker, asyncrt's form of h.resume()). The
// shape of asio-grpc/cppcoro/libunifex test awaiters and senders' start(). The thread
// touches nothing after the resume and cannot throw: no error is lost, and the monitor
// sees no ignored handle.
// GROUND-TRUTH: async-ignored-join-handle safe
#include <asyncrt/asyncrt.hpp>

#include <coroutine>
#include <thread>

using namespace std::chrono_literals;

struct AfterDelay {
  std::chrono::milliseconds delay;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    std::thread([w = asyncrt::Waker::current(h), d = delay]() mutable {
      std::this_thread::sleep_for(d);
      w.wake();
    }).detach();
  }
  void await_resume() const noexcept {}
};

asyncrt::Task<int> tick() {
  co_await AfterDelay{5ms};
  co_await AfterDelay{5ms};
  co_return 2;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  return rt.block_on(tick()) == 2 ? 0 : 1;
}
