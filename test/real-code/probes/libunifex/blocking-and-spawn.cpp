// libunifex application code: sync_wait inside a unifex::task, and detached spawns.
#include <unifex/just.hpp>
#include <unifex/single_thread_context.hpp>
#include <unifex/sync_wait.hpp>
#include <unifex/task.hpp>
#include <unifex/then.hpp>
#include <unifex/v1/async_scope.hpp>

#include <stdexcept>

unifex::task<int> compute(int x) {
  if (x < 0) throw std::invalid_argument("x");
  co_return x * 3;
}

unifex::task<int> handler(int x) {
  int a = unifex::sync_wait(compute(x)).value();  // EXPECT: async-blocking-call-in-coroutine
  int b = co_await compute(x + 1);  // SAFE: async-blocking-call-in-coroutine
  co_return a + b;
}

unifex::task<void> fan_out(unifex::v1::async_scope& scope, int n) {
  for (int i = 0; i < n; ++i) {
    scope.detached_spawn(unifex::then(unifex::just(i), [](int v) {  // EXPECT: async-unbounded-spawn
      if (v == 7) throw std::runtime_error("bad");
    }));
  }
  co_return;
}
