// A detached thread whose whole job is to complete an operation (resume a
// coroutine, complete a receiver, call the completion callback it was given)
// is the operation's completion mechanism:
// nothing waits for it because nothing needs to. A thread that shares state
// by reference, or does work after completing, is still reported.
// RUN: %check_async_tidy %s async-ignored-join-handle %t -- -- -isystem %inputs
#include "coro.h"
#include "sync.h"
#include "chrono.h"

struct ResumeOnThread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) {
    std::thread([H] { H.resume(); }).detach();
  }
  void await_resume() noexcept {}
};

struct DelayedResume {
  int Millis;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) {
    std::thread([H, Ms = Millis] {
      std::this_thread::sleep_for(std::chrono::milliseconds(Ms));
      H.resume();
    }).detach();
  }
  void await_resume() noexcept {}
};

// The awaiter lives in the suspended frame until it is resumed, so its
// await_suspend may give the thread `this` (async_simple's tests).
struct SleepThenResume {
  int Millis;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) {
    std::thread([this, H] {
      std::this_thread::sleep_for(std::chrono::milliseconds(Millis));
      H.resume();
    }).detach();
  }
  void await_resume() noexcept {}
};
struct Poller {
  int Polls = 0;
  void start(std::coroutine_handle<> H) {
    std::thread([this, H] { ++Polls; H.resume(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: 'std::thread::detach' leaves the thread unjoined
  }
};

// A waker (asyncrt's, Tokio's) is how a task is resumed from another thread.
struct Waker { void wake() noexcept; };
struct WakeAfterDelay {
  Waker W;
  void start() {
    std::thread([W = W]() mutable {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      W.wake();
    }).detach();
  }
};

template <typename Receiver> struct Operation {
  Receiver R;
  void start() noexcept {
    std::thread Worker([R = R]() mutable { R.set_value(); });
    Worker.detach();
  }
};
struct Receiver { void set_value() noexcept; };
template struct Operation<Receiver>;

void work();

// A callback-style async API completes by calling the callback it was given
// (async_simple's tests: `sum(a, b, callback)`), in a template or not.
struct Adder {
  template <typename Callback> void sum(int A, int B, Callback &&Done) const {
    std::thread([Done = static_cast<Callback &&>(Done), A, B]() mutable { Done(A + B); }).detach();
  }
  void sumTo(int A, int B, void (*Done)(int)) const {
    std::thread([Done, A, B] { Done(A + B); }).detach();
  }
  void sumThenWork(int A, int B, void (*Done)(int)) const {
    std::thread([Done, A, B] { Done(A + B); work(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: 'std::thread::detach' leaves the thread unjoined
  }
};
struct PrintSum {
  void operator()(int) const;
};
void addsInTheBackground(const Adder &A) { A.sum(1, 2, PrintSum{}); }

struct Shared { int Count = 0; };

void sharesByReference(Shared &S, std::coroutine_handle<> H) {
  std::thread([&S, H] { ++S.Count; H.resume(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: 'std::thread::detach' leaves the thread unjoined
}

void worksAfterResuming(std::coroutine_handle<> H) {
  std::thread([H] { H.resume(); work(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'std::thread::detach' leaves the thread unjoined
}

void onlyWorks() {
  std::thread([] { work(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'std::thread::detach' leaves the thread unjoined
}
