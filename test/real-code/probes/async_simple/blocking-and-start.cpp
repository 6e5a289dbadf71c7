// async_simple application code: syncAwait on a Lazy inside a Lazy (the classic
// self-deadlock on a one-thread executor), and starts that drop the result's exception.
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SyncAwait.h>

#include <stdexcept>

using async_simple::coro::Lazy;

Lazy<int> query(int id) {
  if (id < 0) throw std::invalid_argument("id");
  co_return id + 1;
}

Lazy<void> write_log(int id) {
  if (id == 2) throw std::runtime_error("disk full");
  co_return;
}

Lazy<int> handler(int id) {
  int a = async_simple::coro::syncAwait(query(id));  // EXPECT: async-blocking-call-in-coroutine
  int b = co_await query(id + 1);  // SAFE: async-blocking-call-in-coroutine
  co_return a + b;
}

Lazy<void> on_request(int id) {
  write_log(id).start([](auto&&) {});  // EXPECT: async-ignored-join-handle
  co_return;
}

Lazy<void> flood(int n) {
  for (int i = 0; i < n; ++i) {
    write_log(i).start([](auto&&) {});  // EXPECT: async-unbounded-spawn
  }
  co_return;
}
