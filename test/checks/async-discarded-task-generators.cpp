// A synchronous generator runs as it is iterated, not awaited: a discarded
// one, or a local one never used, is reported in a generator's words. It is
// one when its type is on SyncGeneratorTypes (cppcoro's generator, from its
// profile) or when the coroutine, defined here, is one (a promise with
// yield_value and no await_transform, a result with begin()). A lazy task
// keeps a task's words.
// RUN: %check_async_tidy %s async-discarded-task %t -- -- -isystem %inputs -isystem %inputs/frameworks
#include "cppcoro.h"

cppcoro::generator<int> numbers();
cppcoro::task<> work();

struct Ints {
  struct promise_type {
    Ints get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  int *begin();
  int *end();
};
Ints count() {
  co_yield 1;
  co_yield 2;
}

void uses() {
  numbers();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: generator returned by 'numbers' is discarded; its coroutine body will never run [async-discarded-task]
  auto Unused = numbers();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: generator 'Unused' is never iterated, moved or returned; the coroutine body of 'numbers' will never run [async-discarded-task]
  count();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: generator returned by 'count' is discarded; its coroutine body will never run [async-discarded-task]
  auto Used = numbers();
  Used.begin();
  for (int N : count())
    (void)N;
  work();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'work' is discarded; its coroutine body will never run [async-discarded-task]
  auto Later = work();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lazy task 'Later' is never awaited, moved or returned; the coroutine body of 'work' will never run [async-discarded-task]
}
