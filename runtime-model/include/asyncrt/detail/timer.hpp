// The timer wheel of one runtime: a deadline-ordered multimap served by one thread.
// A sleeping awaiter owns its TimerEntry; its destructor disarms it, so cancelling a task
// that sleeps removes the timer.
#pragma once
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "asyncrt/detail/task_header.hpp"

namespace asyncrt::detail {

using Clock = std::chrono::steady_clock;

struct TimerEntry {
  Clock::time_point deadline;
  Waker waker;
  std::multimap<Clock::time_point, TimerEntry*>::iterator it;
  bool armed = false;
};

class Timer {
 public:
  Timer();
  ~Timer();  // stops the thread
  void arm(TimerEntry& e);
  void disarm(TimerEntry& e) noexcept;
  void stop() noexcept;

 private:
  void run();
  std::mutex mu_;
  std::condition_variable cv_;
  std::multimap<Clock::time_point, TimerEntry*> entries_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace asyncrt::detail
