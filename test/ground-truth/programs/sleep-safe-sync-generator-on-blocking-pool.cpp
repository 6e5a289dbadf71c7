// The twin of sleep-hazard-sync-generator-in-task: the same synchronous generator with a
// blocking sleep, pulled inside a spawn_blocking closure. It runs on a blocking-pool
// thread; no worker stalls. A synchronous generator is not async code: where it runs is
// decided by who pulls it.
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH-LIMIT: async-sleep-in-coroutine lint_only: a hand-written generator that is not a range is not recognised as a synchronous generator, so its body is checked as async code wherever it is pulled
#include <asyncrt/asyncrt.hpp>

#include <coroutine>
#include <exception>
#include <thread>
#include <utility>

using namespace std::chrono_literals;

template <class T>
class Generator {
 public:
  struct promise_type {
    T current{};
    std::exception_ptr error;
    Generator get_return_object() { return Generator{Handle::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) noexcept {
      current = std::move(v);
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() { error = std::current_exception(); }
  };
  using Handle = std::coroutine_handle<promise_type>;
  explicit Generator(Handle h) : h_(h) {}
  Generator(Generator&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~Generator() {
    if (h_) h_.destroy();
  }
  bool next() {  // runs the body on the calling thread up to its next co_yield
    h_.resume();
    if (h_.promise().error) std::rethrow_exception(h_.promise().error);
    return !h_.done();
  }
  T& value() { return h_.promise().current; }

 private:
  Handle h_;
};

Generator<int> sensor_readings(int n) {
  for (int i = 0; i < n; ++i) {
    std::this_thread::sleep_for(100ms);  // a polling read of a slow device
    co_yield i;
  }
}

asyncrt::Task<int> sum_readings() {
  co_await asyncrt::yield_now();
  int sum = co_await asyncrt::spawn_blocking([] {
    int s = 0;
    auto readings = sensor_readings(3);  // pulled on the blocking pool
    while (readings.next()) s += readings.value();
    return s;
  });
  co_return sum;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(sum_readings()) == 3 ? 0 : 1;
}
