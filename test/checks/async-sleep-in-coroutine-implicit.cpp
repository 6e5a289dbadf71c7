// The implicit nodes of a coroutine body (the initial and final suspend
// co_awaits, the implicit co_return, the promise's return_void) are not the
// user's calls: a sleep reached only through them is not reported at the
// coroutine. The promise's own functions are not coroutines either.
// RUN: %check_async_tidy %s async-sleep-in-coroutine %t -- -- -isystem %inputs
#include "coro.h"
#include "chrono.h"

struct ThrottledTask {
  struct promise_type {
    ThrottledTask get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept {
      usleep(10); // runs when the coroutine starts, not written in its body
      return {};
    }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() { usleep(10); }
    void unhandled_exception() {}
  };
};

ThrottledTask implicitOnly() {
  co_return;
}

ThrottledTask implicitFallthrough() {
  co_await Awaitable{};
}

// An explicit co_await of the same awaitable type is the user's; its operand
// is examined, the awaiter's members are not.
struct SlowAwaitable {
  bool await_ready() { sleep(1); return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
Task<> awaitsSlowAwaitable() {
  co_await SlowAwaitable{};
}

// A written co_return whose operand sleeps is reported.
int computeSlowly() { sleep(1); return 1; }
Task<int> returnsSlowly() {
  co_return computeSlowly();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'computeSlowly' reaches a thread-blocking sleep 'sleep' from coroutine 'returnsSlowly'
}
