// Manual locks on a mutex reached through a smart pointer (`p->mu.lock()`,
// `p->lock()`, `(*p).lock()`) are followed like those through a raw pointer:
// held across a suspension they are reported, unlocked before it they are not.
// Found with the ground-truth programs (objects shared with spawned tasks are
// usually owned through shared_ptr).
// RUN: %check_async_tidy %s async-lock-held-across-suspend %t -- -- -isystem %inputs
#include "coro.h"
#include "sync.h"

template <typename T> struct SharedPtr {
  T *operator->() const;
  T &operator*() const;
};
struct State {
  std::mutex mu;
};

Task<> memberThroughArrowHeld(SharedPtr<State> S) {
  S->mu.lock();
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'S->mu' is held across 'co_await' in coroutine 'memberThroughArrowHeld'; release it before suspending or use an asynchronous mutex [async-lock-held-across-suspend]
  S->mu.unlock();
}

Task<> mutexThroughArrowHeld(SharedPtr<std::mutex> M) {
  M->lock();
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'M' is held across 'co_await' in coroutine 'mutexThroughArrowHeld'
  M->unlock();
}

Task<> mutexThroughDerefHeld(SharedPtr<std::mutex> M) {
  (*M).lock();
  co_await Awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex '*M' is held across 'co_await' in coroutine 'mutexThroughDerefHeld'
  M->unlock();
}

// Negative: unlocked (through the other spelling) before the suspension.
Task<> memberThroughArrowReleased(SharedPtr<State> S) {
  S->mu.lock();
  (*S).mu.unlock();
  co_await Awaitable{};
}

Task<> mutexThroughArrowReleased(SharedPtr<std::mutex> M) {
  M->lock();
  M->unlock();
  co_await Awaitable{};
}
