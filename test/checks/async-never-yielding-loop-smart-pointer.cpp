// Spins on an atomic reached through a smart pointer (`p->load()`, `p->member`,
// `*p`), the usual shape when a spawned task owns its data through shared_ptr;
// found by the ground-truth program loop-hazard-spin-on-atomic. A body that
// writes the atomic through the pointer is not a spin.
// RUN: %check_async_tidy %s async-never-yielding-loop %t -- -- -isystem %inputs
#include "coro.h"
#include "locks-extra.h"

template <typename T> struct SharedPtr {
  T *operator->() const;
  T &operator*() const;
};
struct State {
  std::atomic<bool> ready;
};

Task<> spinsThroughArrowLoad(SharedPtr<std::atomic<bool>> Ready) {
  while (!Ready->load()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsThroughArrowLoad' busy-waits on 'Ready' without suspending; yield to the executor in the loop or move the work to a thread pool [async-never-yielding-loop]
  }
  co_return;
}

Task<> spinsThroughArrowMember(SharedPtr<State> S) {
  while (!S->ready.load()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsThroughArrowMember' busy-waits on 'S->ready'
  }
  co_return;
}

Task<> spinsThroughArrowConversion(SharedPtr<State> S) {
  while (!S->ready) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsThroughArrowConversion' busy-waits on 'S->ready'
  }
  co_return;
}

Task<> spinsThroughDeref(SharedPtr<std::atomic<bool>> Ready) {
  while (!*Ready) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsThroughDeref' busy-waits on '*Ready'
  }
  co_return;
}

// Negative: the body itself sets the flag through the same pointer.
Task<> setsThroughArrow(SharedPtr<State> S) {
  while (!S->ready.load())
    S->ready.store(true);
  co_return;
}

// Negative: the loop suspends.
Task<> suspendsThroughArrow(SharedPtr<State> S) {
  while (!S->ready.load())
    co_await Awaitable{};
}
