// One thread per runtime serves every sleep and timeout: it waits for the earliest deadline
// and wakes the tasks whose deadline passed. Wakers fire outside the lock.
#include "asyncrt/detail/timer.hpp"

#include <vector>

namespace asyncrt::detail {

Timer::Timer() : thread_([this] { run(); }) {}

Timer::~Timer() { stop(); }

void Timer::stop() noexcept {
  {
    std::lock_guard lk(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Timer::arm(TimerEntry& e) {
  bool first;
  {
    std::lock_guard lk(mu_);
    e.it = entries_.emplace(e.deadline, &e);
    e.armed = true;
    first = e.it == entries_.begin();
  }
  if (first) cv_.notify_one();
}

void Timer::disarm(TimerEntry& e) noexcept {
  std::lock_guard lk(mu_);
  if (e.armed) {
    entries_.erase(e.it);
    e.armed = false;
  }
}

void Timer::run() {
  std::vector<Waker> due;
  std::unique_lock lk(mu_);
  while (!stop_) {
    if (entries_.empty()) {
      cv_.wait(lk);
      continue;
    }
    auto now = Clock::now();
    auto first = entries_.begin()->first;
    if (first > now) {
      cv_.wait_until(lk, first);
      continue;
    }
    while (!entries_.empty() && entries_.begin()->first <= now) {
      TimerEntry* e = entries_.begin()->second;
      entries_.erase(entries_.begin());
      e->armed = false;
      due.push_back(std::move(e->waker));  // the entry may die once we unlock
    }
    lk.unlock();
    for (auto& w : due) w.wake();
    due.clear();
    lk.lock();
  }
}

}  // namespace asyncrt::detail
