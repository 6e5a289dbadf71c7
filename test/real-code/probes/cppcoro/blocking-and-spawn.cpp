// cppcoro application code: a request handler that blocks on a child task, pumps the
// io_service from inside a coroutine, and fire-and-forgets work into an async_scope.
#include <cppcoro/async_scope.hpp>
#include <cppcoro/io_service.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>

#include <stdexcept>
#include <string>

cppcoro::task<std::string> load_profile(int id) {
  if (id < 0) throw std::invalid_argument("id");
  co_return "user" + std::to_string(id);
}

cppcoro::task<void> audit(int id) {
  if (id == 0) throw std::runtime_error("audit failed");
  co_return;
}

cppcoro::task<std::string> handle_request(cppcoro::static_thread_pool& pool, int id) {
  co_await pool.schedule();
  std::string a = cppcoro::sync_wait(load_profile(id));  // EXPECT: async-blocking-call-in-coroutine
  std::string b = co_await load_profile(id + 1);  // SAFE: async-blocking-call-in-coroutine
  co_return a + b;
}

cppcoro::task<void> pump(cppcoro::io_service& io) {
  io.process_events();  // EXPECT: async-blocking-call-in-coroutine
  co_return;
}

cppcoro::task<void> serve(cppcoro::async_scope& scope, int n) {
  for (int i = 0; i < n; ++i) {
    scope.spawn(audit(i));  // EXPECT: async-unbounded-spawn
  }
  co_await scope.join();
}
