// Test and assertion macros wrap their body in `do { ... } while (false)`;
// Catch2's CHECK(x.load()) expands to a do-while whose condition is
// `(void)0, (false) && static_cast<const bool &>(!!(x.load()))`. A loop
// whose condition is constantly false never repeats: not a loop. A real
// spin on the same atomic is still reported.
// RUN: %check_async_tidy %s async-never-yielding-loop %t -- -- -isystem %inputs
#include "coro.h"
#include "locks-extra.h"

void handleResult(bool);
#define CATCH_LIKE_CHECK(...)                                                            \
  do {                                                                                   \
    handleResult(static_cast<bool>(__VA_ARGS__));                                        \
  } while ((void)0, (false) && static_cast<const bool &>(!!(__VA_ARGS__)))
#define ASSERT_LIKE(x) do { if (!(x)) handleResult(false); } while (0)

Task<> testBody(std::atomic<bool> &Done) {
  co_await Awaitable{};
  CATCH_LIKE_CHECK(Done.load());
  ASSERT_LIKE(Done.load());
  do {
  } while (false);
}

Task<> spins(std::atomic<bool> &Done) {
  co_await Awaitable{};
  while (!Done.load()) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: loop in coroutine 'spins' busy-waits on 'Done' without suspending
}
