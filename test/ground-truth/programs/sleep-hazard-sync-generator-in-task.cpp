// A synchronous generator (a coroutine type of the program's own, like std::generator or
// cppcoro::generator) runs on the thread that pulls it. Pulled from a task, its blocking
// sleep runs on the worker inside the task's resume: the monitor sees the stall in the
// consuming task (the lines of the pulling loop). The linter must report it too: in the
// generator's body (today) or at the pull in the task.
// GROUND-TRUTH: async-sleep-in-coroutine hazard
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
  int sum = 0;
  auto readings = sensor_readings(3);
  while (readings.next()) sum += readings.value();
  co_return sum;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(sum_readings()) == 3 ? 0 : 1;
}
