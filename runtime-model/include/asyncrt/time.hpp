// Timers: co_await sleep(d) / sleep_until(t) suspend the task (never the thread);
// co_await yield_now() lets the other tasks run (the fix for a CPU loop in a coroutine).
#pragma once
#include <chrono>

#include "asyncrt/detail/core.hpp"
#include "asyncrt/detail/timer.hpp"

namespace asyncrt {

using Clock = detail::Clock;

class [[nodiscard]] Sleep {
 public:
  explicit Sleep(Clock::time_point deadline) { entry_.deadline = deadline; }
  Sleep(Sleep&& o) noexcept : timer_(o.timer_) { entry_.deadline = o.entry_.deadline; }
  Sleep& operator=(Sleep&&) = delete;
  ~Sleep() {
    if (timer_) timer_->disarm(entry_);  // cancelled while sleeping: drop the timer
  }

  bool await_ready() const noexcept { return entry_.deadline <= Clock::now(); }
  void await_suspend(std::coroutine_handle<> h) {
    entry_.waker = detail::Waker::current(h);
    timer_ = &detail::Core::current()->timer();
    timer_->arm(entry_);
  }
  void await_resume() noexcept {}

 private:
  detail::TimerEntry entry_;
  detail::Timer* timer_ = nullptr;
};

template <class Rep, class Period>
Sleep sleep(std::chrono::duration<Rep, Period> d) {
  return Sleep(Clock::now() + std::chrono::duration_cast<Clock::duration>(d));
}
inline Sleep sleep_until(Clock::time_point t) { return Sleep(t); }

// Reschedule the current task behind the others that are ready.
struct [[nodiscard]] YieldNow {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { detail::Waker::current(h).wake(); }
  void await_resume() noexcept {}
};
inline YieldNow yield_now() { return {}; }

}  // namespace asyncrt
