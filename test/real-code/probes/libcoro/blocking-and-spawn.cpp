// libcoro application code: sync_wait inside a task, detached spawns whose errors are
// dropped, and a spawn per accepted request with no limit.
#include <coro/coro.hpp>

#include <stdexcept>

coro::task<int> fetch(int id) {
  if (id < 0) throw std::invalid_argument("id");
  co_return id * 2;
}

coro::task<void> record(int id) {
  if (id == 3) throw std::runtime_error("db down");
  co_return;
}

coro::task<int> handler(std::shared_ptr<coro::thread_pool> tp, int id) {
  co_await tp->schedule();
  int a = coro::sync_wait(fetch(id));  // EXPECT: async-blocking-call-in-coroutine
  int b = co_await fetch(id + 1);  // SAFE: async-blocking-call-in-coroutine
  co_return a + b;
}

coro::task<void> fire_and_forget(std::shared_ptr<coro::thread_pool> tp, int id) {
  co_await tp->schedule();
  tp->spawn_detached(record(id));  // EXPECT: async-ignored-join-handle
}

coro::task<void> serve(std::shared_ptr<coro::thread_pool> tp, int n) {
  co_await tp->schedule();
  for (int i = 0; i < n; ++i) {
    tp->spawn_detached(record(i));  // EXPECT: async-unbounded-spawn
  }
}
