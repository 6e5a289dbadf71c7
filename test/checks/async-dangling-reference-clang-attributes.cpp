// Clang 19 analyses [[clang::coro_lifetimebound]] task types and
// [[clang::lifetimebound]] parameters itself (-Wdangling) where a task is
// returned or kept in a local: async-dangling-reference stays silent there
// and reports only what Clang does not follow (a spawn). A
// [[clang::coro_wrapper]] is not a coroutine: its parameters are not kept.
// RUN: %check_async_tidy %s async-dangling-reference %t -- -- -isystem %inputs -Wno-dangling -Wno-return-stack-address
#include "asyncrt-mock.h"
#include "views.h"

template <typename T = void>
struct [[clang::coro_return_type, clang::coro_lifetimebound]] Checked {
  struct promise_type {
    Checked get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

Checked<> parse(const std::string &Text) { co_return; }
[[clang::coro_wrapper]] Checked<> wrapper(const std::string &Text) { return parse("x"); }
asyncrt::Task<> job(const std::string &Text [[clang::lifetimebound]]);
asyncrt::Task<> plain(const std::string &Text);
void spawnChecked(Checked<> &&);

[[clang::coro_wrapper]] Checked<> returnsChecked(std::string Text) { return parse(Text); } // Clang: -Wreturn-stack-address
asyncrt::Task<> returnsBound(std::string Text) { return job(Text); } // Clang: -Wreturn-stack-address

asyncrt::Task<> keepsLocally() {
  auto T = parse("temporary"); // Clang: -Wdangling
  auto U = job("temporary");   // Clang: -Wdangling
  auto V = plain("temporary");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: later-awaited task of 'plain' may outlive a temporary that its parameter 'Text' refers to [async-dangling-reference]
  auto W = wrapper("temporary"); // not a coroutine (Clang: -Wdangling)
  co_await std::move(V);
}

asyncrt::Task<> spawnsBound() {
  std::string Text = "x";
  asyncrt::spawn(job(Text)); // Clang does not follow a spawn
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'job' may outlive local variable 'Text' that its parameter 'Text' refers to
  co_return;
}
