// The heavy header every unit starts with: a "third-party" task type.
#pragma once
#include <coroutine>
#include <map>
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
// The test edits BASE_WAIT to block.
#define BASE_WAIT() ((void)0)
