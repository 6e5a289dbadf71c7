// A coroutine task type of a "third-party" library (outside the source root).
#pragma once
#include <coroutine>
#include <string>
#include <vector>
extern "C" unsigned sleep(unsigned seconds);
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
// Defined in a shared header: a unit's coroutine calls it and instantiates it.
inline void nap() { sleep(2); }
template <typename F> auto run_now(F f) { return f(); }
