// Drogon application code: a coroutine handler that blocks on another coroutine with
// drogon::sync_wait instead of co_await.
#include <drogon/utils/coroutine.h>

#include <string>

drogon::Task<std::string> load(int id) { co_return std::to_string(id); }

drogon::Task<std::string> handler(int id) {
  std::string a = drogon::sync_wait(load(id));  // EXPECT: async-blocking-call-in-coroutine
  std::string b = co_await load(id + 1);  // SAFE: async-blocking-call-in-coroutine
  co_return a + b;
}
