// stdexec application code: sync_wait inside a coroutine task, start_detached and
// async_scope spawns of work that can fail.
#include <exec/async_scope.hpp>
#include <exec/start_detached.hpp>
#include <exec/static_thread_pool.hpp>
#include <exec/task.hpp>
#include <stdexec/execution.hpp>

#include <stdexcept>

exec::task<int> compute(int x) {
  if (x < 0) throw std::invalid_argument("x");
  co_return x * 3;
}

exec::task<int> handler(int x) {
  auto [a] = stdexec::sync_wait(compute(x)).value();  // EXPECT: async-blocking-call-in-coroutine
  int b = co_await compute(x + 1);  // SAFE: async-blocking-call-in-coroutine
  co_return a + b;
}

exec::task<void> fan_out(exec::async_scope& scope, exec::static_thread_pool& pool, int n) {
  for (int i = 0; i < n; ++i) {
    scope.spawn(stdexec::on(pool.get_scheduler(), stdexec::just(i) | stdexec::then([](int v) {  // EXPECT: async-unbounded-spawn
                  if (v == 7) throw std::runtime_error("bad");
                })));
  }
  co_await scope.on_empty();
}

exec::task<void> notify(exec::static_thread_pool& pool) {
  stdexec::start_detached(stdexec::schedule(pool.get_scheduler()) | stdexec::then([] {  // EXPECT: async-ignored-join-handle
                            throw std::runtime_error("lost");
                          }));
  co_return;
}
